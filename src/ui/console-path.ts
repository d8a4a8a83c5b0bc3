/**
 * `target` (a `?next=`, or any URL the console did not write) as a path inside the console:
 * its path, search and hash when it resolves to `origin`, else undefined. Resolved the way the
 * browser will read it (a `\` is a `/`, tabs and newlines vanish), so no spelling of another
 * host passes as a path.
 */
export function consolePath(
  target: string | null | undefined,
  origin: string = window.location.origin,
): string | undefined {
  if (!target) return undefined;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can leave a path starting `//` (`/.//evil.example`): read again, another host.
  return new URL(path, origin).origin === origin ? path : undefined;
}

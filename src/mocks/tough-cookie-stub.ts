/**
 * What MSW's cookie store (msw/lib/core/utils/cookieStore) takes from tough-cookie, for the
 * demo's browser build only (vite.config.ts): the demo's handlers neither read nor set cookies,
 * and tough-cookie brings tldts, the public-suffix list, ~60 kB gzip of the demo's first load.
 * A cookie a handler set would be dropped, not kept for the next request; nothing here sets one.
 */
export class MemoryCookieStore {
  idx: Record<string, unknown> = {};
}

export class CookieJar {
  constructor(readonly store?: MemoryCookieStore) {}
  getCookiesSync(): { key: string; value: string }[] {
    return [];
  }
  async setCookie(): Promise<void> {}
}

export const Cookie = {
  fromJSON: (): null => null,
};

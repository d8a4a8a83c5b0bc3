/** Base64 of the text's UTF-8 bytes (btoa alone takes Latin-1 only and throws beyond it). */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

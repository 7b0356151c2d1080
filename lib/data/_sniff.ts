/**
 * Private helpers that recognise what a byte buffer holds when it is not
 * the format a loader expected: an HTML page (a mirror's error or login
 * page) or a gzip stream (a `.gz` file saved without decompressing).
 */

/** Whether `bytes` starts with the gzip magic number 1f 8b (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Whether `bytes` looks like an HTML or XML page: its first byte after an
 * optional UTF-8 byte-order mark and ASCII whitespace is `<` (which covers
 * `<!DOCTYPE`, `<html` and `<?xml`).
 */
export function isHtml(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && isAsciiSpace(bytes[i])) i++;
  return i < bytes.length && bytes[i] === 0x3c;
}

/** The first `n` bytes as quoted printable ASCII, for error messages. */
export function asciiPrefix(bytes: Uint8Array, n = 40): string {
  const head = bytes.subarray(0, n);
  const text = Array.from(
    head,
    (b) => b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : " ",
  )
    .join("").replace(/\s+/g, " ").trim();
  return JSON.stringify(text);
}

/** The first `n` bytes as space-separated hex, for error messages. */
export function hexPrefix(bytes: Uint8Array, n = 4): string {
  return Array.from(
    bytes.subarray(0, n),
    (b) => b.toString(16).padStart(2, "0"),
  )
    .join(" ");
}

function isAsciiSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c;
}

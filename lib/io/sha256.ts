/**
 * SHA-256 digests as lower-case hex, through WebCrypto.
 *
 * @module
 */

/**
 * SHA-256 of bytes, or of a string's UTF-8 encoding, as 64 hex digits.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "./sha256.ts";
 * const hex = await sha256Hex("abc");
 * if (!hex.startsWith("ba7816bf")) throw new Error(hex);
 * ```
 */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === "string"
    ? new TextEncoder().encode(data)
    : data;
  // The BufferSource type excludes SharedArrayBuffer views; ours are never
  // shared, so the cast only narrows the type.
  const digest = await crypto.subtle.digest(
    "SHA-256",
    bytes as Uint8Array<ArrayBuffer>,
  );
  return Array.from(
    new Uint8Array(digest),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
}

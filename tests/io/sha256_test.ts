import assert from "node:assert/strict";
import { sha256Hex } from "../../lib/io/sha256.ts";

const ABC = new TextEncoder().encode("abc");
// FIPS 180-2, appendix B.1: SHA-256("abc").
const ABC_SHA256 =
  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
// SHA-256 of the empty string (FIPS 180-4 test vector).
const EMPTY_SHA256 =
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

Deno.test("sha256Hex() matches the FIPS 180 test vectors", async () => {
  assert.equal(await sha256Hex(ABC), ABC_SHA256);
  assert.equal(await sha256Hex(new Uint8Array(0)), EMPTY_SHA256);
});

Deno.test("sha256Hex() hashes only the view's bytes", async () => {
  const padded = Uint8Array.of(9, 0x61, 0x62, 0x63, 9);
  assert.equal(await sha256Hex(padded.subarray(1, 4)), ABC_SHA256);
});

Deno.test("sha256Hex() hashes a string as its UTF-8 bytes", async () => {
  assert.equal(await sha256Hex("abc"), ABC_SHA256);
});

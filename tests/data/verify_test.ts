import assert from "node:assert/strict";
import { DataIntegrityError, verifyFile } from "../../lib/data/verify.ts";

const ABC = new TextEncoder().encode("abc");
// FIPS 180-2, appendix B.1: SHA-256("abc").
const ABC_SHA256 =
  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
// SHA-256 of the empty string (FIPS 180-4 test vector).
const EMPTY_SHA256 =
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

Deno.test("verifyFile() accepts bytes of the pinned size and hash", async () => {
  await verifyFile(ABC, { name: "abc", bytes: 3, sha256: ABC_SHA256 });
});

Deno.test("verifyFile() reports a wrong size before hashing", async () => {
  const spec = { name: "abc-file", bytes: 4, sha256: ABC_SHA256 };
  await assert.rejects(verifyFile(ABC, spec), (error) => {
    assert.ok(error instanceof DataIntegrityError);
    assert.equal(error.check, "size");
    assert.equal(error.expected, 4);
    assert.equal(error.found, 3);
    assert.match(error.message, /abc-file: expected 4 bytes/);
    assert.match(error.message, /found 3/);
    assert.match(error.message, /delete data\/mnist\/abc-file and rerun/);
    return true;
  });
});

Deno.test("verifyFile() reports a wrong hash with both digests", async () => {
  const spec = { name: "abc-file", bytes: 3, sha256: EMPTY_SHA256 };
  await assert.rejects(
    verifyFile(ABC, spec, { source: "/tmp/x/abc-file", fix: "redo it" }),
    (error) => {
      assert.ok(error instanceof DataIntegrityError);
      assert.equal(error.check, "sha256");
      assert.equal(error.file, "abc-file");
      assert.equal(error.found, ABC_SHA256);
      assert.ok(error.message.startsWith("/tmp/x/abc-file: "));
      assert.ok(error.message.includes(`expected SHA-256 ${EMPTY_SHA256}`));
      assert.ok(error.message.includes(`found ${ABC_SHA256}`));
      assert.ok(error.message.endsWith("; redo it"));
      return true;
    },
  );
});

import assert from "node:assert/strict";
import {
  IdxFormatError,
  parseIdxImages,
  parseIdxLabels,
} from "../../lib/data/idx.ts";
import { gzip, idxFile } from "./_fixtures.ts";

/** Pixels 0, 1, 2, ... mod 256 for `count` images of rows x cols. */
function rampPixels(count: number, rows: number, cols: number): Uint8Array {
  return Uint8Array.from({ length: count * rows * cols }, (_, i) => i % 256);
}

function assertIdxError(fn: () => unknown, parts: string[]): void {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof IdxFormatError, `got ${error}`);
    for (const part of parts) {
      assert.ok(error.message.includes(part), `"${part}" in: ${error.message}`);
    }
    assert.ok(error.message.includes("deno task data"), error.message);
    return true;
  });
}

Deno.test("parseIdxImages() reads count, dims and row-major pixels", () => {
  const pixels = rampPixels(3, 28, 28);
  const images = parseIdxImages(idxFile([2051, 3, 28, 28], pixels), "imgs");
  assert.equal(images.count, 3);
  assert.equal(images.rows, 28);
  assert.equal(images.cols, 28);
  assert.deepEqual(images.pixels, pixels);
  // Image 2, row 1, col 3 sits at 2 * 784 + 1 * 28 + 3.
  assert.equal(images.pixels[2 * 784 + 28 + 3], (2 * 784 + 31) % 256);
});

Deno.test("parseIdxImages() returns a view, not a copy", () => {
  const file = idxFile([2051, 1, 28, 28], rampPixels(1, 28, 28));
  const images = parseIdxImages(file, "imgs");
  assert.equal(images.pixels.buffer, file.buffer);
  assert.equal(images.pixels.byteOffset, 16);
});

Deno.test("parseIdxImages() accepts other dims when options ask", () => {
  const file = idxFile([2051, 2, 3, 5], rampPixels(2, 3, 5));
  const images = parseIdxImages(file, "small", { rows: 3, cols: 5 });
  assert.deepEqual([images.count, images.rows, images.cols], [2, 3, 5]);
  assert.equal(images.pixels.length, 30);
});

Deno.test("parseIdxImages() works on a view with a non-zero offset", () => {
  const file = idxFile([2051, 1, 2, 2], Uint8Array.of(1, 2, 3, 4));
  const padded = new Uint8Array(file.length + 7);
  padded.set(file, 7);
  const images = parseIdxImages(padded.subarray(7), "off", {
    rows: 2,
    cols: 2,
  });
  assert.deepEqual(Array.from(images.pixels), [1, 2, 3, 4]);
});

Deno.test("parseIdxImages() rejects a truncated file with both lengths", () => {
  const file = idxFile([2051, 2, 28, 28], rampPixels(2, 28, 28));
  assertIdxError(
    () => parseIdxImages(file.subarray(0, file.length - 10), "trunc-images"),
    ["trunc-images", "expected 1584 bytes", "found 1574", "truncated"],
  );
});

Deno.test("parseIdxImages() rejects a file shorter than its header", () => {
  assertIdxError(
    () => parseIdxImages(Uint8Array.of(0, 0, 8, 3, 0), "stub"),
    ["stub", "16-byte IDX header", "found 5 bytes"],
  );
});

Deno.test("parseIdxImages() rejects extra bytes after the pixels", () => {
  const file = idxFile([2051, 1, 28, 28], rampPixels(1, 28, 28));
  const longer = new Uint8Array(file.length + 3);
  longer.set(file);
  assertIdxError(
    () => parseIdxImages(longer, "long-images"),
    ["long-images", "expected 800 bytes", "found 803", "3 extra bytes"],
  );
});

Deno.test("parseIdxImages() rejects the label magic 2049", () => {
  const file = idxFile([2049, 1, 28, 28], rampPixels(1, 28, 28));
  assertIdxError(
    () => parseIdxImages(file, "data/mnist/train-images-idx3-ubyte"),
    [
      "data/mnist/train-images-idx3-ubyte",
      "expected IDX magic 2051",
      "found 2049",
      "00 00 08 01",
      "delete data/mnist/train-images-idx3-ubyte",
    ],
  );
});

Deno.test("parseIdxImages() rejects 32 x 32 images when 28 x 28 expected", () => {
  const file = idxFile([2051, 1, 32, 32], rampPixels(1, 32, 32));
  assertIdxError(
    () => parseIdxImages(file, "big-images"),
    ["big-images", "expected 28 x 28", "found 32 x 32"],
  );
});

Deno.test("parseIdxImages() names an HTML page given instead of IDX", () => {
  const html = new TextEncoder().encode(
    "\n  <!DOCTYPE html><html><body>404 Not Found</body></html>",
  );
  assertIdxError(
    () => parseIdxImages(html, "train-images-idx3-ubyte"),
    [
      "train-images-idx3-ubyte",
      "expected a raw IDX file",
      "found an HTML page",
      "<!DOCTYPE html>",
      "delete data/mnist/train-images-idx3-ubyte",
    ],
  );
});

Deno.test("parseIdxLabels() names gzip data given instead of raw IDX", async () => {
  const raw = idxFile([2049, 2], Uint8Array.of(1, 2));
  const gz = await gzip(raw);
  assertIdxError(
    () => parseIdxLabels(gz, "labels.gz"),
    ["labels.gz", "expected a raw IDX file", "found gzip data", "1f 8b"],
  );
});

Deno.test("parseIdxLabels() reads the labels as a view", () => {
  const file = idxFile([2049, 4], Uint8Array.of(0, 9, 5, 3));
  const labels = parseIdxLabels(file, "labels");
  assert.deepEqual(Array.from(labels), [0, 9, 5, 3]);
  assert.equal(labels.buffer, file.buffer);
});

Deno.test("parseIdxLabels() rejects the label value 10", () => {
  const file = idxFile([2049, 3], Uint8Array.of(4, 10, 2));
  assertIdxError(
    () => parseIdxLabels(file, "bad-labels"),
    ["bad-labels", "expected labels 0 to 9", "found 10 at index 1"],
  );
});

Deno.test("parseIdxLabels() rejects the image magic 2051", () => {
  const file = idxFile([2051, 1], Uint8Array.of(1));
  assertIdxError(
    () => parseIdxLabels(file, "swapped"),
    ["swapped", "expected IDX magic 2049", "found 2051"],
  );
});

Deno.test("parseIdxLabels() rejects truncated and over-long files", () => {
  const file = idxFile([2049, 5], Uint8Array.of(1, 2, 3, 4, 5));
  assertIdxError(
    () => parseIdxLabels(file.subarray(0, 11), "short-labels"),
    ["short-labels", "expected 13 bytes for 5 labels", "found 11"],
  );
  const longer = new Uint8Array(14);
  longer.set(file);
  assertIdxError(
    () => parseIdxLabels(longer, "long-labels"),
    ["long-labels", "expected 13 bytes", "found 14", "1 extra bytes"],
  );
});

import assert from "node:assert/strict";
import { normalizeImage } from "../../lib/orbits/normalize.ts";

Deno.test("normalizeImage() gives a zero-mean, unit-norm image", () => {
  const image = Float64Array.from(
    { length: 784 },
    (_, i) => (i * 37 % 255) / 255,
  );
  const x = normalizeImage(image);
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const norm = Math.sqrt(x.reduce((a, b) => a + b * b, 0));
  assert.ok(Math.abs(mean) < 1e-16, `mean ${mean}`);
  assert.ok(Math.abs(norm - 1) < 1e-14, `norm ${norm}`);
});

Deno.test("normalizeImage() is (x - mean) / norm on a small vector", () => {
  const x = normalizeImage([1, 2, 3, 6]);
  // mean 3, centred [-2, -1, 0, 3], norm sqrt(14)
  const expected = [-2, -1, 0, 3].map((v) => v / Math.sqrt(14));
  x.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-15));
});

Deno.test("normalizeImage() ignores the reference's / 255 scale", () => {
  const raw = Float64Array.from({ length: 20 }, (_, i) => (i * i) % 7);
  const scaled = raw.map((v) => v / 255);
  const a = normalizeImage(raw);
  const b = normalizeImage(scaled);
  a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) < 1e-15));
});

Deno.test("normalizeImage() works in place", () => {
  const image = Float64Array.from([4, 0, 0, 0]);
  const result = normalizeImage(image, { out: image });
  assert.equal(result, image);
  assert.ok(Math.abs(image[0] - Math.sqrt(3) / 2) < 1e-15);
});

Deno.test("normalizeImage() rejects a constant or empty image", () => {
  assert.throws(
    () => normalizeImage(new Float64Array(784).fill(0.5)),
    (e: unknown) =>
      e instanceof RangeError &&
      /non-constant image, got 784 pixels all equal to 0.5/.test(e.message),
  );
  assert.throws(
    () => normalizeImage([]),
    (e: unknown) => e instanceof RangeError && /non-empty/.test(e.message),
  );
});

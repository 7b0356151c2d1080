import assert from "node:assert/strict";
import { rbfGram } from "../../lib/kernels/rbf.ts";

Deno.test("rbfGram() is exp(−L²‖x − x'‖²) with a unit diagonal", () => {
  const x = Float64Array.of(0, 0, 3, 4, 1, 0);
  const gram = rbfGram(x, 3, { lengthScale: 0.5 });
  const expected = [
    [1, Math.exp(-0.25 * 25), Math.exp(-0.25)],
    [Math.exp(-0.25 * 25), 1, Math.exp(-0.25 * 20)],
    [Math.exp(-0.25), Math.exp(-0.25 * 20), 1],
  ];
  expected.flat().forEach((v, i) =>
    assert.ok(Math.abs(gram[i] - v) < 1e-15, `entry ${i}`)
  );
});

Deno.test("rbfGram() rejects x whose length is not a multiple of n", () => {
  assert.throws(() => rbfGram(new Float64Array(5), 2), RangeError);
});

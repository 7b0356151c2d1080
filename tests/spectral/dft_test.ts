import assert from "node:assert/strict";
import { dft } from "../../lib/spectral/dft.ts";

Deno.test("dft() follows numpy's unnormalised fft convention", () => {
  // numpy.fft.fft([1, 2, 3, 4]) = [10, −2 + 2i, −2, −2 − 2i].
  const { re, im } = dft(Float64Array.of(1, 2, 3, 4));
  const expected = [[10, 0], [-2, 2], [-2, 0], [-2, -2]];
  expected.forEach(([r, i], k) => {
    assert.ok(Math.abs(re[k] - r) < 1e-14, `re[${k}] = ${re[k]}`);
    assert.ok(Math.abs(im[k] - i) < 1e-14, `im[${k}] = ${im[k]}`);
  });
});

Deno.test("dft() with norm 'ortho' is unitary (Parseval)", () => {
  const x = Float64Array.from({ length: 12 }, (_, j) => Math.sin(j * j + 1));
  const { re, im } = dft(x, { norm: "ortho" });
  const energy = x.reduce((s, v) => s + v * v, 0);
  const spectral = re.reduce((s, v, k) => s + v * v + im[k] * im[k], 0);
  assert.ok(Math.abs(energy - spectral) < 1e-13);
  const backward = dft(x);
  re.forEach((v, k) =>
    assert.ok(Math.abs(v * Math.sqrt(12) - backward.re[k]) < 1e-13)
  );
});

Deno.test("dft() of a pure tone has a single pair of peaks", () => {
  const n = 16;
  const x = Float64Array.from(
    { length: n },
    (_, j) => Math.cos((2 * Math.PI * 3 * j) / n),
  );
  const { re, im } = dft(x);
  for (let k = 0; k < n; k++) {
    const expected = k === 3 || k === n - 3 ? n / 2 : 0;
    assert.ok(Math.abs(re[k] - expected) < 1e-12, `re[${k}]`);
    assert.ok(Math.abs(im[k]) < 1e-12, `im[${k}]`);
  }
});

Deno.test("dft() rejects an empty signal", () => {
  assert.throws(() => dft(new Float64Array(0)), RangeError);
});

import assert from "node:assert/strict";
import { rbfGram } from "../../lib/kernels/rbf.ts";
import { dft } from "../../lib/spectral/dft.ts";
import {
  circulantError,
  inverseSpectrum,
} from "../../lib/spectral/circulant.ts";
import { toyData } from "../../lib/toy/toy_data.ts";

/** Asserts that `actual` rounds to `printed` at its last printed digit. */
function assertPrinted(actual: number, printed: string, label: string) {
  const decimals = printed.split(".")[1]?.length ?? 0;
  const tol = 0.5 * 10 ** -decimals * (1 + 1e-9);
  const diff = Math.abs(actual - Number(printed));
  assert.ok(diff <= tol, `${label}: got ${actual}, paper.md ${printed}`);
}

// Spectrum sketch of paper.md 7.3: L = 1, N = 6, D = 1, R = 1.
const N = 6;
const GRAM = rbfGram(toyData(N, { delta: 1, radius: 1 }), 2 * N, {
  lengthScale: 1,
});

Deno.test("toyData() interleaves A on top and B shifted by π/N below", () => {
  const x = toyData(3, { delta: 2, radius: 2 });
  assert.equal(x.length, 18);
  const expected = [
    [2, 0, 1],
    [2 * Math.cos(Math.PI / 3), 2 * Math.sin(Math.PI / 3), -1],
    [2 * Math.cos((2 * Math.PI) / 3), 2 * Math.sin((2 * Math.PI) / 3), 1],
  ];
  expected.forEach((point, i) =>
    point.forEach((v, k) => assert.ok(Math.abs(x[3 * i + k] - v) < 1e-15))
  );
});

Deno.test("toyData() rejects a non-integer orbit size", () => {
  assert.throws(() => toyData(2.5, { delta: 1 }), RangeError);
});

Deno.test("toy RBF Gram matrix is exactly circulant", () => {
  const m = 2 * N;
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const diff = GRAM[i * m + l] - GRAM[(l - i + m) % m];
      assert.ok(Math.abs(diff) < 1e-14, `K[${i},${l}]`);
    }
  }
});

Deno.test("spectrum sketch kernel row N matches paper.md F.2", () => {
  const expected = [
    "0.018316",
    "0.008808",
    "0.049787",
    "0.049787",
    "0.367879",
    "0.281408",
    "1",
    "0.281408",
    "0.367879",
    "0.049787",
    "0.049787",
    "0.008808",
  ];
  const row = GRAM.subarray(N * 2 * N, (N + 1) * 2 * N);
  expected.forEach((v, j) => assertPrinted(row[j], v, `row N, j=${j}`));
});

Deno.test("spectrum sketch eigenvalues match paper.md F.2", () => {
  const expected = [
    "2.533656",
    "1.771933",
    "0.791292",
    "0.3455",
    "0.410007",
    "0.82762",
    "1.173641",
    "0.82762",
    "0.410007",
    "0.3455",
    "0.791292",
    "1.771933",
  ];
  const { re, im } = dft(GRAM.subarray(0, 2 * N));
  expected.forEach((v, k) => {
    assertPrinted(re[k], v, `λ_${k}`);
    assert.ok(Math.abs(im[k]) < 1e-13);
  });
});

Deno.test("spectrum sketch 1/|rfft(row N)| / max matches paper.md F.2", () => {
  const expected = [
    "0.136364",
    "0.194985",
    "0.436627",
    "1.0",
    "0.842668",
    "0.417462",
    "0.294383",
  ];
  const row = GRAM.slice(N * 2 * N, (N + 1) * 2 * N);
  const isp = inverseSpectrum(row).subarray(0, N + 1);
  const max = Math.max(...isp);
  expected.forEach((v, k) => assertPrinted(isp[k] / max, v, `k=${k}`));
});

Deno.test("spectrum sketch error is 0.568468 (0.568547 with ridge)", () => {
  const c = GRAM.subarray(0, 2 * N);
  assertPrinted(circulantError(c, { ridge: 0 }), "0.568468", "no ridge");
  assertPrinted(circulantError(c), "0.568547", "code ridge");
});

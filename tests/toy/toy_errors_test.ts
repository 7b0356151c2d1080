import assert from "node:assert/strict";
import { rbfGram } from "../../lib/kernels/rbf.ts";
import { inverseSpectrum } from "../../lib/spectral/circulant.ts";
import { toyData } from "../../lib/toy/toy_data.ts";
import { toyErrors } from "../../lib/toy/toy_errors.ts";

/** Asserts that `actual` rounds to `printed` at its last printed digit. */
function assertPrinted(actual: number, printed: string, label: string) {
  const [mantissa, exponent = "0"] = printed.toLowerCase().split("e");
  const decimals = mantissa.split(".")[1]?.length ?? 0;
  const tol = 0.5 * 10 ** (Number(exponent) - decimals) * (1 + 1e-9);
  const diff = Math.abs(actual - Number(printed));
  assert.ok(diff <= tol, `${label}: got ${actual}, paper.md ${printed}`);
}

/** Inverse spectrum of 7.4: 1/|fft_ortho(k[0]) + 1e-5|, N + 1 values / max. */
function toySpectrum(n: number, delta: number, lengthScale: number) {
  const gram = rbfGram(toyData(n, { delta }), 2 * n, { lengthScale });
  const isp = inverseSpectrum(gram.subarray(0, 2 * n), {
    norm: "ortho",
    ridge: 1e-5,
  }).subarray(0, n + 1);
  const max = Math.max(...isp);
  return Array.from(isp, (v) => v / max);
}

const CASE1_DELTAS = [
  0,
  ...Array.from({ length: 20 }, (_, k) => 10 ** (-2 + (3 * k) / 19)),
];

Deno.test("toyErrors() reproduces every row of paper.md F.1 case 2", () => {
  const rows: [number, string, string][] = [
    [4, "1.04743", "1.04743"],
    [8, "0.540044", "0.540049"],
    [12, "0.121846", "0.121857"],
    [16, "0.0132033", "0.0132184"],
    [20, "1.34287e-3", "1.35665e-3"],
    [24, "4.83099e-4", "4.91034e-4"],
    [28, "3.24907e-4", "3.30038e-4"],
    [32, "2.61124e-4", "2.64886e-4"],
    [36, "2.26664e-4", "2.29630e-4"],
    [40, "2.05085e-4", "2.07531e-4"],
    [44, "1.90303e-4", "1.92384e-4"],
    [48, "1.79542e-4", "1.81353e-4"],
  ];
  for (const [n, exact, spectral] of rows) {
    const errors = toyErrors({ n, delta: 1, lengthScale: 1.4, radius: 1 });
    assertPrinted(errors.exact, exact, `exact N=${n}`);
    assertPrinted(errors.spectral, spectral, `spectral N=${n}`);
  }
});

Deno.test("toyErrors() reproduces every row of paper.md F.1 case 1", () => {
  // [index into {0} ∪ logspace(−2, 1, 20), exact, spectral]
  const rows: [number, string, string][] = [
    [0, "7.53267", "7.51603"],
    [1, "7.2443", "7.22957"],
    [4, "5.72119", "5.71455"],
    [7, "2.89341", "2.89322"],
    [9, "1.67374", "1.6738"],
    [10, "1.24137", "1.24142"],
    [11, "0.915575", "0.915615"],
    [12, "0.675599", "0.675622"],
    [14, "0.357958", "0.357967"],
    [15, "0.273572", "0.273579"],
    [17, "0.235595", "0.235601"],
    // "Δ ≥ 4.83": the last four grid points.
    [18, "0.235528", "0.235534"],
    [19, "0.235528", "0.235534"],
    [20, "0.235528", "0.235534"],
  ];
  for (const [index, exact, spectral] of rows) {
    const delta = CASE1_DELTAS[index];
    const errors = toyErrors({ n: 6, delta, lengthScale: 0.85, radius: 1 });
    assertPrinted(errors.exact, exact, `exact Δ=${delta}`);
    assertPrinted(errors.spectral, spectral, `spectral Δ=${delta}`);
  }
});

Deno.test("toy classification turns correct between Δ = 0.264 and 0.38", () => {
  const at = (delta: number) =>
    toyErrors({ n: 6, delta, lengthScale: 0.85, radius: 1 });
  assert.ok(
    at(CASE1_DELTAS[10]).exact > 1 && at(CASE1_DELTAS[10]).spectral > 1,
  );
  assert.ok(
    at(CASE1_DELTAS[11]).exact < 1 && at(CASE1_DELTAS[11]).spectral < 1,
  );
});

Deno.test("toy inverse spectra match paper.md F.1", () => {
  const cases: [number, number, number, string[]][] = [
    [4, 1, 1.4, ["0.82906", "0.88152", "0.97497", "1.0", "0.98559"]],
    [8, 1, 1.4, [
      "0.21081",
      "0.24456",
      "0.36987",
      "0.66018",
      "1.0",
      "0.81478",
      "0.48493",
      "0.32399",
      "0.27968",
    ]],
    [6, CASE1_DELTAS[0], 0.85, [
      "2.7e-4",
      "4.7e-4",
      "1.41e-3",
      "6.12e-3",
      "0.03473",
      "0.24018",
      "1.0",
    ]],
    [6, CASE1_DELTAS[12], 0.85, [
      "0.0287",
      "0.04928",
      "0.1472",
      "0.57792",
      "1.0",
      "0.45194",
      "0.26728",
    ]],
    [6, CASE1_DELTAS[15], 0.85, [
      "0.07808",
      "0.13393",
      "0.39048",
      "1.0",
      "0.51464",
      "0.18055",
      "0.10536",
    ]],
  ];
  for (const [n, delta, lengthScale, expected] of cases) {
    const spectrum = toySpectrum(n, delta, lengthScale);
    assert.equal(spectrum.length, expected.length);
    spectrum.forEach((v, k) =>
      assertPrinted(v, expected[k], `N=${n} Δ=${delta} k=${k}`)
    );
  }
});

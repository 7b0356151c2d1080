import assert from "node:assert/strict";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { dft } from "../../lib/spectral/dft.ts";
import {
  circulantError,
  circulantMatrix,
  circulantPredict,
  inverseSpectrum,
  makeCirculant,
  spectrumSummary,
} from "../../lib/spectral/circulant.ts";
import { uniform } from "../_random.ts";

/** First row of the real symmetric circulant with spectrum λ_k = λ_{m−k}. */
function rowFromSpectrum(lambda: number[]): Float64Array {
  const m = lambda.length;
  return Float64Array.from({ length: m }, (_, j) => {
    let acc = 0;
    for (let k = 0; k < m; k++) {
      acc += lambda[k] * Math.cos((2 * Math.PI * j * k) / m);
    }
    return acc / m;
  });
}

/** Random symmetric spectrum of size m = 2N, all entries in [lo, hi). */
function randomSpectrum(m: number, next: () => number, lo = 0.01, hi = 5) {
  const lambda = new Array<number>(m);
  for (let k = 0; k <= m / 2; k++) {
    lambda[k] = lambda[(m - k) % m] = lo + (hi - lo) * next();
  }
  return lambda;
}

/** Random symmetric PSD matrix B Bᵀ, [m, m]. */
function randomPsd(m: number, next: () => number): Float64Array {
  const b = Float64Array.from({ length: m * m }, () => next() - 0.5);
  const k = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let acc = 0;
      for (let l = 0; l < m; l++) acc += b[i * m + l] * b[j * m + l];
      k[i * m + j] = acc;
    }
  }
  return k;
}

function eigenvalues(a: Float64Array, m: number): number[] {
  return new EigenvalueDecomposition(
    Matrix.from1DArray(m, m, Array.from(a)),
    { assumeSymmetric: true },
  ).realEigenvalues;
}

Deno.test("T5: makeCirculant() averages the wrapped diagonals", () => {
  const m = 6;
  const k = randomPsd(m, uniform(1));
  const c = makeCirculant(k, m);
  for (let j = 0; j < m; j++) {
    const diag = Array.from({ length: m }, (_, i) => k[i * m + ((i + j) % m)]);
    const expected = diag.reduce((s, v) => s + v, 0) / m;
    assert.ok(Math.abs(c[j] - expected) < 1e-15, `c_${j}`);
  }
});

Deno.test("T5: makeCirculant() leaves a circulant matrix unchanged", () => {
  const c = Float64Array.of(3, 1, -0.5, 0.25, -0.5, 1);
  const projected = makeCirculant(circulantMatrix(c), c.length);
  c.forEach((v, j) => assert.ok(Math.abs(projected[j] - v) < 1e-15));
});

Deno.test("T5: the projection of a PSD matrix is symmetric PSD", () => {
  const next = uniform(2);
  for (const m of [4, 8, 16]) {
    const full = circulantMatrix(makeCirculant(randomPsd(m, next), m));
    for (let i = 0; i < m; i++) {
      for (let l = 0; l < m; l++) {
        assert.ok(Math.abs(full[i * m + l] - full[l * m + i]) < 1e-14);
      }
    }
    const values = eigenvalues(full, m);
    assert.ok(Math.min(...values) > -1e-12 * Math.max(...values));
  }
});

Deno.test("makeCirculant() rejects a matrix of the wrong size", () => {
  assert.throws(
    () => makeCirculant(new Float64Array(10), 3),
    { name: "RangeError", message: /m = 3, got length 10/ },
  );
});

Deno.test("T9: ε ∈ (0, 2N] and ε < 1 exactly when λ_N > harmonic mean", () => {
  const next = uniform(3);
  let below = 0;
  for (let trial = 0; trial < 200; trial++) {
    const n = 2 + Math.floor(next() * 10);
    const lambda = randomSpectrum(2 * n, next, 1e-3, 3);
    // Make the Nyquist eigenvalue extreme in some trials to cover ε → 2N.
    if (trial % 10 === 0) lambda[n] = 1e-9;
    const epsilon = circulantError(rowFromSpectrum(lambda), { ridge: 0 });
    const harmonic = (2 * n) / lambda.reduce((s, v) => s + 1 / v, 0);
    assert.ok(epsilon > 0 && epsilon <= 2 * n * (1 + 1e-12), `ε = ${epsilon}`);
    assert.equal(epsilon < 1, lambda[n] > harmonic);
    if (epsilon < 1) below++;
  }
  assert.ok(below > 20 && below < 180, `both signs exercised (${below})`);
});

Deno.test("T9: ε equals λ_N⁻¹ / ⟨λ⁻¹⟩ with the code's ridge 1e-5·c0·2N", () => {
  const lambda = [4, 2, 0.5, 0.1, 0.3, 0.1, 0.5, 2];
  const c = rowFromSpectrum(lambda);
  const r = 1e-5 * c[0] * 8;
  const inv = lambda.map((v) => 1 / (v + r));
  const expected = inv[4] / (inv.reduce((s, v) => s + v, 0) / 8);
  assert.ok(Math.abs(circulantError(c) - expected) < 1e-12);
  assert.ok(
    Math.abs(circulantPredict(c, { ridge: r }) - (1 - expected)) < 1e-12,
  );
});

Deno.test("T9: linear kernel, block orbit: λ_N = N(‖c_A‖² − c_A·c_B)", () => {
  const next = uniform(4);
  const n = 5;
  const block = 3;
  const d = n * block;
  const seeds = [0, 1].map(() => Float64Array.from({ length: d }, next));
  // Interleaved orbit: index 2a + s is seed s cyclically shifted by a blocks.
  const x = new Float64Array(2 * n * d);
  for (let a = 0; a < n; a++) {
    for (let s = 0; s < 2; s++) {
      for (let k = 0; k < d; k++) {
        x[(2 * a + s) * d + k] = seeds[s][(k - a * block + d) % d];
      }
    }
  }
  const m = 2 * n;
  const gram = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      for (let k = 0; k < d; k++) {
        gram[i * m + j] += x[i * d + k] * x[j * d + k];
      }
    }
  }
  const centre = (s: number) =>
    Float64Array.from({ length: d }, (_, k) => {
      let acc = 0;
      for (let a = 0; a < n; a++) acc += x[(2 * a + s) * d + k];
      return acc / n;
    });
  const [cA, cB] = [centre(0), centre(1)];
  const dot = (u: Float64Array, v: Float64Array) =>
    u.reduce((s, value, k) => s + value * v[k], 0);

  // Row 0 of K (held-out A): λ_N = N(‖c_A‖² − c_A·c_B).
  const lambdaRow = dft(gram.subarray(0, m)).re[n];
  const expected = n * (dot(cA, cA) - dot(cA, cB));
  assert.ok(Math.abs(lambdaRow - expected) < 1e-12 * Math.abs(expected));

  // Circulant projection (symmetrised over classes): (N/2)‖c_A − c_B‖².
  const lambdaProj = dft(makeCirculant(gram, m)).re[n];
  const diff = cA.map((v, k) => v - cB[k]);
  assert.ok(Math.abs(lambdaProj - (n / 2) * dot(diff, diff)) < 1e-12);
});

Deno.test("spectrumSummary() follows the MLP and CNN conventions (G.3)", () => {
  const lambda = [5, 1, 0.2, 0.05, 0.2, 1];
  const c = rowFromSpectrum(lambda);
  const mlp = spectrumSummary(c);
  assert.ok(Math.abs(mlp.lambdaLast - 1 / 0.05) < 1e-9);
  const inv = lambda.map((v) => 1 / v);
  const avg = inv.reduce((s, v) => s + v, 0) / 6;
  assert.ok(Math.abs(mlp.lambdaAvg - avg) < 1e-9);
  assert.ok(Math.abs(mlp.lambdaAvgNoLast - (avg * 6 - 20) / 5) < 1e-9);

  // CNN: isp = 1/|λ/√6 + 1e-10·√6|.
  const cnn = spectrumSummary(c, { convention: "cnn" });
  const isp = lambda.map((v) => 1 / (v / Math.sqrt(6) + 1e-10 * Math.sqrt(6)));
  assert.ok(Math.abs(cnn.lambdaLast - isp[3]) < 1e-9);
  assert.ok(
    Math.abs(cnn.lambdaAvg - isp.reduce((s, v) => s + v, 0) / 6) < 1e-9,
  );
});

Deno.test("inverseSpectrum() adds the ridge to the complex coefficient", () => {
  // fft([1, 2, 3, 4]) = [10, −2 + 2i, −2, −2 − 2i]; ridge 1 → |−1 ± 2i| = √5.
  const isp = inverseSpectrum(Float64Array.of(1, 2, 3, 4), { ridge: 1 });
  [1 / 11, 1 / Math.sqrt(5), 1, 1 / Math.sqrt(5)].forEach((v, k) =>
    assert.ok(Math.abs(isp[k] - v) < 1e-14)
  );
});

Deno.test("circulantError() rejects an odd-length row", () => {
  assert.throws(
    () => circulantError(new Float64Array(5)),
    { name: "RangeError", message: /even length 2N ≥ 2, got 5/ },
  );
});

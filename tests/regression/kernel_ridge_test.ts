import assert from "node:assert/strict";
import { rbfGram } from "../../lib/kernels/rbf.ts";
import {
  kernelRidgeWeights,
  leaveOneOutPrediction,
  looResidualsShortcut,
} from "../../lib/regression/kernel_ridge.ts";
import { dft } from "../../lib/spectral/dft.ts";
import { toyData } from "../../lib/toy/toy_data.ts";
import { uniform } from "../_random.ts";

function trace(k: Float64Array, m: number, skip: number): number {
  let acc = 0;
  for (let i = 0; i < m; i++) if (i !== skip) acc += k[i * m + i];
  return acc;
}

const alternating = (m: number) =>
  Float64Array.from({ length: m }, (_, i) => i % 2 ? -1 : 1);

Deno.test("T1: circulant LOO residual = (λ_N + r)⁻¹/⟨(λ + r)⁻¹⟩, all i", () => {
  for (const [n, delta, lengthScale] of [[6, 1, 1], [8, 0.3, 1.4]]) {
    const m = 2 * n;
    const gram = rbfGram(toyData(n, { delta }), m, { lengthScale });
    const y = alternating(m);
    const r = 1e-3;
    const lambda = dft(gram.subarray(0, m)).re;
    const inv = lambda.map((v) => 1 / (v + r));
    const expected = inv[n] / (inv.reduce((s, v) => s + v, 0) / m);
    for (let i = 0; i < m; i++) {
      // Same absolute ridge r: reg = r / trace of the training block.
      const reg = r / trace(gram, m, i);
      const prediction = leaveOneOutPrediction(gram, y, { heldOut: i, reg });
      const residual = (y[i] - prediction) * y[i];
      assert.ok(
        Math.abs(residual - expected) < 1e-10 * expected,
        `N=${n} index ${i}: ${residual} vs ${expected}`,
      );
    }
  }
});

Deno.test("T2: LOO shortcut [A⁻¹y]_i/[A⁻¹]_ii equals the direct refit", () => {
  const next = uniform(11);
  const m = 9;
  const d = 4;
  const x = Float64Array.from({ length: m * d }, next);
  const k = rbfGram(x, m, { lengthScale: 1.3 });
  const y = Float64Array.from({ length: m }, () => 2 * next() - 1);
  const r = 0.05;
  const a = Float64Array.from(k);
  for (let i = 0; i < m; i++) a[i * m + i] += r;

  const shortcut = looResidualsShortcut(a, y);
  for (let i = 0; i < m; i++) {
    const reg = r / trace(k, m, i);
    const direct = y[i] - leaveOneOutPrediction(k, y, { heldOut: i, reg });
    assert.ok(
      Math.abs(shortcut[i] - direct) < 1e-11,
      `index ${i}: ${shortcut[i]} vs ${direct}`,
    );
  }
});

Deno.test("kernelRidgeWeights() solves (K + reg·trace(K)·I) α = y", () => {
  const k = Float64Array.of(2, 1, 0, 1, 3, 1, 0, 1, 4);
  const y = Float64Array.of(1, -1, 2);
  const alpha = kernelRidgeWeights(k, y, { reg: 0.1 });
  // A = K + 0.9·I.
  for (let i = 0; i < 3; i++) {
    let acc = 0.9 * alpha[i];
    for (let j = 0; j < 3; j++) acc += k[i * 3 + j] * alpha[j];
    assert.ok(Math.abs(acc - y[i]) < 1e-13, `row ${i}`);
  }
});

Deno.test("kernelRidgeWeights() truncation drops |λ| < 2^-23·m·s_max", () => {
  // K = diag(1, 1e-9) in a rotated basis: the small direction is kept in
  // float64 and dropped by the float32-like lstsq threshold (paper.md G.12).
  const c = Math.cos(0.3);
  const s = Math.sin(0.3);
  const small = 1e-9;
  const k = Float64Array.of(
    c * c + small * s * s,
    c * s - small * c * s,
    c * s - small * c * s,
    s * s + small * c * c,
  );
  const y = Float64Array.of(-s, c); // along the small eigenvector
  const full = kernelRidgeWeights(k, y, { reg: 0 });
  const truncated = kernelRidgeWeights(k, y, { reg: 0, truncate: true });
  assert.ok(Math.abs(full[0] + s / small) < 1e-6 / small);
  assert.ok(Math.abs(full[1] - c / small) < 1e-6 / small);
  assert.ok(Math.abs(truncated[0]) < 1e-6 && Math.abs(truncated[1]) < 1e-6);
});

Deno.test("leaveOneOutPrediction() rejects bad shapes and indices", () => {
  const k = new Float64Array(9).fill(1);
  assert.throws(
    () => leaveOneOutPrediction(k, new Float64Array(2), { heldOut: 0, reg: 0 }),
    { name: "RangeError", message: /m = 2.*got length 9/ },
  );
  assert.throws(
    () => leaveOneOutPrediction(k, new Float64Array(3), { heldOut: 3, reg: 0 }),
    { name: "RangeError", message: /heldOut < m = 3/ },
  );
});

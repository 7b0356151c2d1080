import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  trainTwoSeedEnsemble,
  type TwoSeedProgress,
} from "../../lib/training/two_seed_mlp.ts";
import { createTwoSeedInitStream } from "../../lib/training/_two_seed_init.ts";
import {
  gatherTwoSeedBatch,
  twoSeedSplits,
} from "../../lib/training/_two_seed_data.ts";
import { uniform } from "../_random.ts";

await tf.setBackend("cpu");

/** P random orbits of 2N unit-norm, zero-mean rows of length d. */
function randomOrbits(pairs: number, n: number, d: number, seed: number) {
  const next = uniform(seed);
  const orbits = new Float64Array(pairs * 2 * n * d);
  for (let r = 0; r < pairs * 2 * n; r++) {
    const row = orbits.subarray(r * d, (r + 1) * d);
    row.forEach((_, k) => (row[k] = next() - 0.5));
    const mean = row.reduce((s, v) => s + v, 0) / d;
    row.forEach((v, k) => (row[k] = v - mean));
    const norm = Math.hypot(...row);
    row.forEach((v, k) => (row[k] = v / norm));
  }
  return orbits;
}

/**
 * Reference: one network trained alone in float64 with hand-written
 * gradients and Adam (optax: m̂ / (√v̂ + eps)), paper.md 6.2.
 */
function trainReference(
  x: number[][],
  y: number[],
  xTest: number[],
  init: { w1: Float32Array; b1: Float32Array; w2: Float32Array; b2: number },
  options: { steps: number; width: number; lr: number },
): number {
  const { steps, width: w, lr } = options;
  const d = xTest.length;
  const m = x.length;
  const params = [
    Float64Array.from(init.w1),
    Float64Array.from(init.b1),
    Float64Array.from(init.w2),
    Float64Array.of(init.b2),
  ];
  const moments = params.map((p) => [
    new Float64Array(p.length),
    new Float64Array(p.length),
  ]);
  const [w1, b1, w2, b2] = params;
  const sd = Math.sqrt(d);
  const sw = Math.sqrt(w);
  const hiddenOf = (xi: number[]) => {
    const z = Float64Array.from(b1);
    for (let k = 0; k < d; k++) {
      const xk = xi[k] / sd;
      for (let j = 0; j < w; j++) z[j] += xk * w1[k * w + j];
    }
    return z;
  };
  const predict = (xi: number[]) => {
    const z = hiddenOf(xi);
    let out = b2[0];
    for (let j = 0; j < w; j++) out += Math.max(z[j], 0) * w2[j] / sw;
    return out;
  };

  for (let t = 1; t <= steps; t++) {
    const grads = params.map((p) => new Float64Array(p.length));
    const [g1, gb1, g2, gb2] = grads;
    for (let i = 0; i < m; i++) {
      const z = hiddenOf(x[i]);
      let out = b2[0];
      for (let j = 0; j < w; j++) out += Math.max(z[j], 0) * w2[j] / sw;
      const g = 2 * (out - y[i]) / m;
      gb2[0] += g;
      for (let j = 0; j < w; j++) {
        g2[j] += g * Math.max(z[j], 0) / sw;
        const dz = z[j] > 0 ? g * w2[j] / sw : 0;
        gb1[j] += dz;
        for (let k = 0; k < d; k++) g1[k * w + j] += x[i][k] / sd * dz;
      }
    }
    params.forEach((p, q) => {
      const [mo, ve] = moments[q];
      for (let i = 0; i < p.length; i++) {
        mo[i] = 0.9 * mo[i] + 0.1 * grads[q][i];
        ve[i] = 0.999 * ve[i] + 0.001 * grads[q][i] ** 2;
        const mHat = mo[i] / (1 - 0.9 ** t);
        const vHat = ve[i] / (1 - 0.999 ** t);
        p[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
      }
    });
  }
  return predict(xTest);
}

Deno.test("trainTwoSeedEnsemble() matches networks trained one by one", () => {
  const [pairs, n, d, width, steps] = [3, 2, 784, 16, 20];
  const orbits = randomOrbits(pairs, n, d, 7);
  const outcomes = trainTwoSeedEnsemble(orbits, {
    n,
    pairs,
    steps,
    width,
    seed: 11,
  });
  const stream = createTwoSeedInitStream(11, { inputSize: d, width });
  const splits = twoSeedSplits(n);
  const row = (p: number, i: number) =>
    Array.from(orbits.subarray((p * 2 * n + i) * d, (p * 2 * n + i + 1) * d));
  for (let p = 0; p < pairs; p++) {
    const raw = stream.next();
    const init = { ...raw, b2: raw.b2[0] };
    const runs = [
      { train: splits.train1, test: 0, got: outcomes[p].predictionA },
      { train: splits.train2, test: 2 * n - 1, got: outcomes[p].predictionB },
    ];
    for (const { train, test, got } of runs) {
      const want = trainReference(
        train.map((i) => row(p, i)),
        train.map((i) => (i % 2 === 0 ? 1 : -1)),
        row(p, test),
        init,
        { steps, width, lr: 1e-3 },
      );
      // float32 against float64 after 20 Adam steps.
      assert.ok(Math.abs(got - want) < 1e-4, `pair ${p}: ${got} vs ${want}`);
    }
    const { predictionA: a, predictionB: b } = outcomes[p];
    assert.equal(
      outcomes[p].exactError,
      (Math.abs(1 - a) + Math.abs(1 + b)) / 2,
    );
    assert.equal(outcomes[p].correct, Number(a > 0) + Number(b < 0));
  }
});

Deno.test("trainTwoSeedEnsemble() does not depend on chunkPairs", () => {
  const orbits = randomOrbits(3, 2, 32, 3);
  const options = { n: 2, pairs: 3, steps: 15, width: 8, seed: 5 };
  const whole = trainTwoSeedEnsemble(orbits, options);
  const chunked = trainTwoSeedEnsemble(orbits, { ...options, chunkPairs: 2 });
  whole.forEach((o, p) => {
    assert.ok(Math.abs(o.predictionA - chunked[p].predictionA) < 1e-6);
    assert.ok(Math.abs(o.predictionB - chunked[p].predictionB) < 1e-6);
    assert.equal(chunked[p].pair, p);
  });
});

Deno.test("two-seed init draws U(−1/√f, 1/√f) with f the last dimension", () => {
  const width = 64;
  const init = createTwoSeedInitStream(1, { inputSize: 784, width }).next();
  const check = (values: Float32Array, bound: number, length: number) => {
    assert.equal(values.length, length);
    const max = Math.max(...values.map(Math.abs));
    assert.ok(max <= bound, `${max} > ${bound}`);
    // The draws fill the interval: the largest is near the bound.
    if (length >= 64) assert.ok(max > 0.9 * bound, `${max} << ${bound}`);
  };
  check(init.w1, 1 / 8, 784 * width);
  check(init.b1, 1 / 8, width);
  check(init.w2, 1, width);
  check(init.b2, 1, 1);
  // Uniform: mean ≈ 0 and variance ≈ bound²/3 over 50 176 draws.
  const mean = init.w1.reduce((s, v) => s + v, 0) / init.w1.length;
  const variance = init.w1.reduce((s, v) => s + v * v, 0) / init.w1.length;
  assert.ok(Math.abs(mean) < 1e-3);
  assert.ok(Math.abs(variance / (1 / 64 / 3) - 1) < 0.02);
});

Deno.test("trainTwoSeedEnsemble() fits the training points", () => {
  const progress: TwoSeedProgress[] = [];
  const outcomes = trainTwoSeedEnsemble(randomOrbits(2, 3, 64, 9), {
    n: 3,
    pairs: 2,
    steps: 600,
    width: 64,
    seed: 2,
    learningRate: 1e-2,
    progressEvery: 200,
    onProgress: (p) => progress.push(p),
  });
  for (const o of outcomes) {
    assert.ok(o.trainLossA < 1e-3 && o.trainLossB < 1e-3, JSON.stringify(o));
  }
  assert.deepEqual(progress.map((p) => p.step), [200, 400, 600]);
  assert.ok(progress[2].loss < progress[0].loss);
  assert.ok(progress.every((p) => p.chunk === 0 && p.chunks === 1));
});

Deno.test("trainTwoSeedEnsemble() is deterministic for a seed", () => {
  const orbits = randomOrbits(2, 2, 16, 4);
  const options = { n: 2, pairs: 2, steps: 10, width: 8 };
  const before = tf.memory().numTensors;
  const a = trainTwoSeedEnsemble(orbits, { ...options, seed: 3 });
  assert.equal(tf.memory().numTensors, before, "tensors leaked");
  const b = trainTwoSeedEnsemble(orbits, { ...options, seed: 3 });
  const c = trainTwoSeedEnsemble(orbits, { ...options, seed: 4 });
  assert.deepEqual(a, b);
  assert.notEqual(a[0].predictionA, c[0].predictionA);
});

Deno.test("run 2 holds out orbit index 2N − 1 (paper.md G.9)", () => {
  const splits = twoSeedSplits(8);
  assert.equal(splits.test1, 0);
  assert.equal(splits.test2, 15);
  assert.deepEqual(splits.train1, Array.from({ length: 15 }, (_, i) => i + 1));
  assert.deepEqual(splits.train2, Array.from({ length: 15 }, (_, i) => i));
  // The gathered held-out row of network 2p + 1 is orbit row 2N − 1.
  const orbits = Float64Array.from({ length: 2 * 4 * 3 }, (_, i) => i);
  const batch = gatherTwoSeedBatch(orbits, { start: 1, end: 2 }, {
    n: 2,
    inputSize: 3,
  });
  assert.deepEqual(Array.from(batch.xTest), [12, 13, 14, 21, 22, 23]);
  assert.deepEqual(Array.from(batch.yTrain), [-1, 1, -1, 1, -1, 1]);
});

Deno.test("trainTwoSeedEnsemble() rejects a mis-shaped orbit array", () => {
  assert.throws(
    () => trainTwoSeedEnsemble(new Float64Array(10), { n: 2, pairs: 1 }),
    (e: unknown) =>
      e instanceof RangeError && /\[1, 4, d\], got 10 values/.test(e.message),
  );
  assert.throws(
    () =>
      trainTwoSeedEnsemble(new Float64Array(8), { n: 2, pairs: 1, steps: -1 }),
    (e: unknown) => e instanceof RangeError && /steps/.test(e.message),
  );
});

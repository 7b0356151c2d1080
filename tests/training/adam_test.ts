import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { createAdam } from "../../lib/training/adam.ts";
import { selectBackend } from "../../lib/backend/select.ts";

/** Float64 Adam on f(θ) = Σ c_i θ_i² (gradient 2 c θ). */
function adamReference(theta: number[], c: number[], steps: number): number[] {
  const [lr, b1, b2, eps] = [1e-3, 0.7, 0.9, 1e-8];
  const m = theta.map(() => 0);
  const v = theta.map(() => 0);
  const x = [...theta];
  for (let t = 1; t <= steps; t++) {
    for (let i = 0; i < x.length; i++) {
      const g = 2 * c[i] * x[i];
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      const mHat = m[i] / (1 - b1 ** t);
      const vHat = v[i] / (1 - b2 ** t);
      x[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
    }
  }
  return x;
}

Deno.test("createAdam() follows Adam with betas (0.7, 0.9) (paper.md 6.1)", async () => {
  await selectBackend({ override: "wasm" });
  const theta = [0.5, -1.5, 2, 0.25];
  const c = [1, 3, 0.5, 2];
  const x = tf.variable(tf.tensor1d(theta));
  const cs = tf.tensor1d(c);
  const adam = createAdam([x]);
  for (let t = 0; t < 5; t++) {
    adam.minimize(() => tf.sum(tf.mul(cs, tf.square(x))) as tf.Scalar);
  }
  const expected = adamReference(theta, c, 5);
  const got = x.dataSync();
  // float32 parameters: 1e-6 absolute after five 1e-3 steps.
  expected.forEach((e, i) => assert.ok(Math.abs(got[i] - e) < 1e-6));
  adam.dispose();
  tf.dispose([x, cs]);
});

Deno.test("createAdam() resumes bit for bit from its saved state", async () => {
  await selectBackend({ override: "wasm" });
  const loss = (x: tf.Variable) => () =>
    tf.sum(tf.square(tf.sub(x, 3))) as tf.Scalar;
  const a = tf.variable(tf.tensor1d([1, -2, 0.5]));
  const adamA = createAdam([a]);
  for (let t = 0; t < 6; t++) adamA.minimize(loss(a));
  const b = tf.variable(tf.tensor1d([1, -2, 0.5]));
  const adamB = createAdam([b]);
  for (let t = 0; t < 3; t++) adamB.minimize(loss(b));
  const state = await adamB.getState();
  const weights = b.dataSync().slice();
  const c = tf.variable(tf.tensor1d(weights));
  const adamC = createAdam([c]);
  adamC.setState(state);
  for (let t = 0; t < 3; t++) adamC.minimize(loss(c));
  assert.deepEqual(c.dataSync(), a.dataSync());
  [adamA, adamB, adamC].forEach((o) => o.dispose());
  tf.dispose([a, b, c]);
});

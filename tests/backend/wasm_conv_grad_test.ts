import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { selectBackend } from "../../lib/backend/select.ts";

/** Filter gradient of sum(conv2d(x, w)²) on the active backend. */
async function filterGradient(
  x: Float32Array,
  w: Float32Array,
  shapes: { x: number[]; w: number[] },
  pad: "valid" | "same",
): Promise<Float32Array> {
  const xt = tf.tensor4d(x, shapes.x as [number, number, number, number]);
  const wt = tf.tensor4d(w, shapes.w as [number, number, number, number]);
  const g = tf.grad((f: tf.Tensor) =>
    tf.sum(tf.square(tf.conv2d(xt, f as tf.Tensor4D, 1, pad)))
  )(wt);
  const out = await g.data() as Float32Array;
  tf.dispose([xt, wt, g]);
  return out;
}

/** Deterministic pseudo-random floats in [−1, 1). */
function values(size: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: size }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

for (const pad of ["valid", "same"] as const) {
  Deno.test(`wasm Conv2DBackpropFilter matches the cpu backend (${pad})`, async () => {
    const shapes = { x: [3, 7, 6, 2], w: [3, 2, 2, 4] };
    const x = values(3 * 7 * 6 * 2, 1);
    const w = values(3 * 2 * 2 * 4, 2);
    await selectBackend({ override: "wasm" });
    const wasm = await filterGradient(x, w, shapes, pad);
    await tf.setBackend("cpu");
    const cpu = await filterGradient(x, w, shapes, pad);
    let maxError = 0;
    let maxValue = 0;
    for (let i = 0; i < cpu.length; i++) {
      maxError = Math.max(maxError, Math.abs(cpu[i] - wasm[i]));
      maxValue = Math.max(maxValue, Math.abs(cpu[i]));
    }
    assert.ok(maxValue > 1, `gradient should be non-trivial, max ${maxValue}`);
    // float32 sums of ~100 terms: relative 1e-5.
    assert.ok(maxError <= 1e-5 * maxValue, `max |Δ| ${maxError}`);
  });
}

Deno.test("wasm Conv2DBackpropFilter rejects strides other than 1", async () => {
  await selectBackend({ override: "wasm" });
  const x = tf.ones([1, 6, 6, 1]) as tf.Tensor4D;
  const w = tf.ones([2, 2, 1, 1]) as tf.Tensor4D;
  assert.throws(
    () =>
      tf.grad((f: tf.Tensor) =>
        tf.sum(tf.conv2d(x, f as tf.Tensor4D, 2, "valid"))
      )(w),
    (error: unknown) =>
      error instanceof RangeError && /expected stride 1/.test(error.message),
  );
  tf.dispose([x, w]);
});

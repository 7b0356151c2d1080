import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  multiHeadSelfAttention,
  scaledDotProductAttention,
} from "../../lib/models/attention.ts";
import { selectBackend } from "../../lib/backend/select.ts";

/** Deterministic pseudo-random floats in [−1, 1). */
function values(size: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: size }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

/** softmax(q kᵀ/√d) v for one head, [n, d] row-major, in float64. */
function attentionReference(
  q: number[],
  k: number[],
  v: number[],
  n: number,
  d: number,
): number[] {
  const out = new Array(n * d).fill(0);
  for (let i = 0; i < n; i++) {
    const scores = Array.from({ length: n }, (_, j) => {
      let dot = 0;
      for (let c = 0; c < d; c++) dot += q[i * d + c] * k[j * d + c];
      return dot / Math.sqrt(d);
    });
    const top = Math.max(...scores);
    const weights = scores.map((s) => Math.exp(s - top));
    const total = weights.reduce((a, b) => a + b, 0);
    for (let j = 0; j < n; j++) {
      for (let c = 0; c < d; c++) {
        out[i * d + c] += (weights[j] / total) * v[j * d + c];
      }
    }
  }
  return out;
}

function assertClose(actual: ArrayLike<number>, expected: number[]) {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    // float32 against float64: 1e-5 absolute on values of order 1.
    assert.ok(
      Math.abs(actual[i] - expected[i]) < 1e-5,
      `index ${i}: ${actual[i]} vs ${expected[i]}`,
    );
  }
}

Deno.test("scaledDotProductAttention() equals softmax(QKᵀ/√d)V per head", async () => {
  await selectBackend({ override: "wasm" });
  const [b, h, n, d] = [2, 3, 5, 4];
  const size = b * h * n * d;
  const q = values(size, 1).map((x) => 2 * x);
  const k = values(size, 2);
  const v = values(size, 3);
  const out = tf.tidy(() =>
    scaledDotProductAttention(
      tf.tensor4d(q, [b, h, n, d]),
      tf.tensor4d(k, [b, h, n, d]),
      tf.tensor4d(v, [b, h, n, d]),
    ).dataSync()
  );
  const expected: number[] = [];
  for (let g = 0; g < b * h; g++) {
    const part = (a: number[]) => a.slice(g * n * d, (g + 1) * n * d);
    expected.push(...attentionReference(part(q), part(k), part(v), n, d));
  }
  assertClose(out, expected);
});

Deno.test("multiHeadSelfAttention() splits heads, attends and projects", async () => {
  await selectBackend({ override: "wasm" });
  const [b, n, dim, heads, dHead] = [2, 4, 6, 2, 3];
  const inner = heads * dHead;
  const x = values(b * n * dim, 4);
  const wQkv = values(dim * 3 * inner, 5);
  const wOut = values(inner * dim, 6);
  const out = tf.tidy(() =>
    multiHeadSelfAttention(
      tf.tensor3d(x, [b, n, dim]),
      {
        wQkv: tf.tensor2d(wQkv, [dim, 3 * inner]),
        wOut: tf.tensor2d(wOut, [inner, dim]),
      },
      { heads },
    ).dataSync()
  );
  const expected: number[] = [];
  for (let s = 0; s < b; s++) {
    // qkv[t, c] = Σ_e x[t, e] wQkv[e, c]; head g uses columns g·dHead.. of
    // each third.
    const proj = (t: number, c: number) => {
      let sum = 0;
      for (let e = 0; e < dim; e++) {
        sum += x[(s * n + t) * dim + e] * wQkv[e * 3 * inner + c];
      }
      return sum;
    };
    const merged = new Array(n * inner).fill(0);
    for (let g = 0; g < heads; g++) {
      const take = (third: number) =>
        Array.from(
          { length: n * dHead },
          (_, i) =>
            proj(
              Math.floor(i / dHead),
              third * inner + g * dHead + (i % dHead),
            ),
        );
      const o = attentionReference(take(0), take(1), take(2), n, dHead);
      for (let t = 0; t < n; t++) {
        for (let c = 0; c < dHead; c++) {
          merged[t * inner + g * dHead + c] = o[t * dHead + c];
        }
      }
    }
    for (let t = 0; t < n; t++) {
      for (let c = 0; c < dim; c++) {
        let sum = 0;
        for (let e = 0; e < inner; e++) {
          sum += merged[t * inner + e] * wOut[e * dim + c];
        }
        expected.push(sum);
      }
    }
  }
  assertClose(out, expected);
});

Deno.test("scaledDotProductAttention() rejects mismatched shapes", () => {
  const q = tf.zeros([1, 1, 2, 3]) as tf.Tensor4D;
  const k = tf.zeros([1, 1, 3, 3]) as tf.Tensor4D;
  assert.throws(
    () => scaledDotProductAttention(q, k, q),
    (error: unknown) =>
      error instanceof RangeError &&
      /expected q, k, v of one shape/.test(error.message),
  );
  tf.dispose([q, k]);
});

/**
 * Multi-head scaled dot-product attention on tfjs ops (paper.md 6.1, ViT):
 * softmax(Q Kᵀ · scale) V per head, with scale = 1/√d_head.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";

/**
 * Scaled dot-product attention: out = softmax(Q Kᵀ / √d) V, the softmax
 * taken over the key axis.
 *
 * @param q Queries, [batch, heads, tokens, d] float32.
 * @param k Keys, [batch, heads, tokens, d] float32.
 * @param v Values, [batch, heads, tokens, d] float32.
 * @returns [batch, heads, tokens, d] float32.
 * @throws {RangeError} If the shapes differ or are not rank 4.
 */
export function scaledDotProductAttention(
  q: tf.Tensor4D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
): tf.Tensor4D {
  const shapes = [q.shape, k.shape, v.shape].map((s) => s.join(","));
  if (q.rank !== 4 || shapes[0] !== shapes[1] || shapes[0] !== shapes[2]) {
    throw new RangeError(
      `scaledDotProductAttention: expected q, k, v of one shape [batch, heads, tokens, d], got [${
        shapes.join("], [")
      }]; split the heads before calling`,
    );
  }
  const scale = 1 / Math.sqrt(q.shape[3]);
  return tf.tidy(() => {
    const dots = tf.mul(tf.matMul(q, k, false, true), scale);
    return tf.matMul(tf.softmax(dots), v) as tf.Tensor4D;
  });
}

/** Options of {@link multiHeadSelfAttention}. */
export interface MultiHeadSelfAttentionOptions {
  /** Number of heads h; the inner width is h · d_head. */
  heads: number;
}

/**
 * Bias-free multi-head self-attention as in vit-pytorch's `Attention`
 * (without its input LayerNorm): [q, k, v] = x Wqkv split in three, each
 * reshaped to heads, attended with {@link scaledDotProductAttention},
 * heads merged and projected by Wout.
 *
 * @param x Tokens, [batch, tokens, dim] float32.
 * @param weights wQkv [dim, 3 · inner] and wOut [inner, dim], float32.
 * @param options Number of heads (inner must divide evenly).
 * @returns [batch, tokens, dim] float32.
 * @throws {RangeError} If inner is not a multiple of `heads`.
 */
export function multiHeadSelfAttention(
  x: tf.Tensor3D,
  weights: { wQkv: tf.Tensor2D; wOut: tf.Tensor2D },
  options: MultiHeadSelfAttentionOptions,
): tf.Tensor3D {
  const [batch, tokens, dim] = x.shape;
  const inner = weights.wOut.shape[0];
  const { heads } = options;
  if (inner % heads !== 0 || weights.wQkv.shape[1] !== 3 * inner) {
    throw new RangeError(
      `multiHeadSelfAttention: expected wQkv [${dim}, 3·inner] and inner divisible by heads ${heads}, got wQkv [${weights.wQkv.shape}] and wOut [${weights.wOut.shape}]`,
    );
  }
  const dHead = inner / heads;
  return tf.tidy(() => {
    const qkv = tf.matMul(tf.reshape(x, [batch * tokens, dim]), weights.wQkv);
    const [q, k, v] = tf.split(qkv, 3, 1).map((part) =>
      tf.transpose(tf.reshape(part, [batch, tokens, heads, dHead]), [
        0,
        2,
        1,
        3,
      ]) as tf.Tensor4D
    );
    const attended = scaledDotProductAttention(q, k, v);
    const merged = tf.reshape(tf.transpose(attended, [0, 2, 1, 3]), [
      batch * tokens,
      inner,
    ]);
    return tf.reshape(tf.matMul(merged, weights.wOut), [
      batch,
      tokens,
      dim,
    ]) as tf.Tensor3D;
  });
}

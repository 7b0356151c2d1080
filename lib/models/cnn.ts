/**
 * The Figure 1 CNN (paper.md 6.1): Conv(1→24, 5) → MaxPool 2 → ReLU →
 * Conv(24→32, 3) → MaxPool 2 → ReLU → flatten 800 → Dense 256 → ReLU →
 * Dense 10 → log-softmax.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { createUniformSource, torchDefaultVariable } from "./_init.ts";
import type { CreateModelOptions, Fig1Model } from "./fig1_model.ts";

/**
 * Builds the Figure 1 CNN with PyTorch's default initialisation (bound
 * 1/√fan_in, fan_in = in-channels · kh · kw for convolutions). Tensors are
 * channels-last (NHWC), so the 800 features are flattened in (h, w, c)
 * order rather than PyTorch's (c, h, w); with random initialisation the
 * two are equivalent. Convolutions have stride 1 and "valid" padding,
 * which the wasm gradient kernel supports (paper.md 10.5).
 *
 * @param options Initialisation seed.
 * @returns A model mapping [batch, 784] to [batch, 10] log-probabilities.
 */
export function createCnn(options: CreateModelOptions): Fig1Model {
  const source = createUniformSource(options.seed);
  const k1 = torchDefaultVariable(source, [5, 5, 1, 24], 25);
  const c1 = torchDefaultVariable(source, [24], 25);
  const k2 = torchDefaultVariable(source, [3, 3, 24, 32], 216);
  const c2 = torchDefaultVariable(source, [32], 216);
  const w3 = torchDefaultVariable(source, [800, 256], 800);
  const b3 = torchDefaultVariable(source, [256], 800);
  const w4 = torchDefaultVariable(source, [256, 10], 256);
  const b4 = torchDefaultVariable(source, [10], 256);
  const variables = [k1, c1, k2, c2, w3, b3, w4, b4];
  return {
    name: "cnn",
    variables,
    apply(x: tf.Tensor2D): tf.Tensor2D {
      const image = tf.reshape(x, [-1, 28, 28, 1]) as tf.Tensor4D;
      // 28 → 24 (conv 5) → 12 (pool) → 10 (conv 3) → 5 (pool); 5·5·32 = 800.
      const a1 = tf.add(tf.conv2d(image, k1 as tf.Tensor4D, 1, "valid"), c1);
      const p1 = tf.relu(tf.maxPool(a1 as tf.Tensor4D, 2, 2, "valid"));
      const a2 = tf.add(tf.conv2d(p1, k2 as tf.Tensor4D, 1, "valid"), c2);
      const p2 = tf.relu(tf.maxPool(a2 as tf.Tensor4D, 2, 2, "valid"));
      const flat = tf.reshape(p2, [-1, 800]) as tf.Tensor2D;
      const h3 = tf.relu(tf.add(tf.matMul(flat, w3), b3));
      return tf.logSoftmax(tf.add(tf.matMul(h3, w4), b4) as tf.Tensor2D);
    },
    dispose: () => tf.dispose(variables),
  };
}

/**
 * The Figure 1 MLP (paper.md 6.1): 784 → 512 → ReLU → Dropout(0.5) →
 * 128 → ReLU → Dropout(0.5) → 10 (no bias) → log-softmax.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { mixSeed } from "../random/mix_seed.ts";
import { createUniformSource, torchDefaultVariable } from "./_init.ts";
import type {
  ApplyOptions,
  CreateModelOptions,
  Fig1Model,
} from "./fig1_model.ts";

/** Dropout probability of both hidden layers (paper.md 6.1). */
const DROPOUT_RATE = 0.5;

/**
 * Builds the Figure 1 MLP with PyTorch's default initialisation: weights
 * [fan_in, fan_out] and biases U(−1/√fan_in, 1/√fan_in); the last layer
 * has no bias. Dropout is inverted (kept units scaled by 2), as in
 * PyTorch.
 *
 * @param options Initialisation seed.
 * @returns A model mapping [batch, 784] to [batch, 10] log-probabilities.
 */
export function createMlp(options: CreateModelOptions): Fig1Model {
  const source = createUniformSource(options.seed);
  const w1 = torchDefaultVariable(source, [784, 512], 784);
  const b1 = torchDefaultVariable(source, [512], 784);
  const w2 = torchDefaultVariable(source, [512, 128], 512);
  const b2 = torchDefaultVariable(source, [128], 512);
  const w3 = torchDefaultVariable(source, [128, 10], 128);
  const variables = [w1, b1, w2, b2, w3];
  const dropout = (h: tf.Tensor2D, apply: ApplyOptions, layer: number) =>
    apply.training
      ? tf.dropout(
        h,
        DROPOUT_RATE,
        undefined,
        mixSeed(apply.dropoutSeed ?? 0, layer),
      ) as tf.Tensor2D
      : h;
  return {
    name: "mlp",
    variables,
    apply(x: tf.Tensor2D, apply: ApplyOptions): tf.Tensor2D {
      const h1 = dropout(tf.relu(tf.add(tf.matMul(x, w1), b1)), apply, 1);
      const h2 = dropout(tf.relu(tf.add(tf.matMul(h1, w2), b2)), apply, 2);
      return tf.logSoftmax(tf.matMul(h2, w3));
    },
    dispose: () => tf.dispose(variables),
  };
}

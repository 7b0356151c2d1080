/**
 * The common shape of the three Figure 1 classifiers (paper.md 6.1) and
 * the factory that builds them from a seed.
 *
 * @module
 */

import type * as tf from "@tensorflow/tfjs";
import { createCnn } from "./cnn.ts";
import { createMlp } from "./mlp.ts";
import { createVit } from "./vit.ts";

/** Names of the Figure 1 architectures (paper.md 6.1, 7.2). */
export const FIG1_MODEL_NAMES = ["mlp", "cnn", "vit"] as const;

/** One Figure 1 architecture. */
export type Fig1ModelName = typeof FIG1_MODEL_NAMES[number];

/** Options of {@link Fig1Model.apply}. */
export interface ApplyOptions {
  /** Training mode: dropout on. Evaluation mode (false) turns it off. */
  training: boolean;
  /** Seed of the dropout masks in training mode, a 32-bit integer. */
  dropoutSeed?: number;
}

/** A 10-way classifier on flattened 28 x 28 images, as tfjs variables. */
export interface Fig1Model {
  /** Architecture name. */
  readonly name: Fig1ModelName;
  /** Trainable parameters, in a fixed order (checkpoints rely on it). */
  readonly variables: readonly tf.Variable[];
  /**
   * Forward pass: x [batch, 784] float32 (row-major 28 x 28 images) to
   * [batch, 10] float32 class scores (log-probabilities for the MLP and
   * CNN, logits for the ViT; paper.md 6.1). Call inside `tf.tidy`.
   */
  apply(x: tf.Tensor2D, options: ApplyOptions): tf.Tensor2D;
  /** Frees the variables. */
  dispose(): void;
}

/** Options of the model constructors. */
export interface CreateModelOptions {
  /** Seed of the weight initialisation, an integer in [0, 2^32). */
  seed: number;
}

/**
 * Builds one Figure 1 classifier with its seeded PyTorch-style
 * initialisation (paper.md 6.1).
 *
 * @param name `"mlp"`, `"cnn"` or `"vit"`.
 * @param options Initialisation seed.
 * @returns The model; dispose it when done.
 * @throws {RangeError} If the name is unknown.
 */
export function createFig1Model(
  name: Fig1ModelName,
  options: CreateModelOptions,
): Fig1Model {
  switch (name) {
    case "mlp":
      return createMlp(options);
    case "cnn":
      return createCnn(options);
    case "vit":
      return createVit(options);
    default:
      throw new RangeError(
        `createFig1Model: expected one of ${FIG1_MODEL_NAMES.join(", ")}, got ${
          JSON.stringify(name)
        }`,
      );
  }
}

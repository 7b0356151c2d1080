/**
 * Initial weights of the trained two-seed MLP (paper.md 6.2, G.7): every
 * parameter is drawn from U(−1/√f, 1/√f) with f the parameter's LAST
 * dimension, so W1 [d, width] and b1 [width] get 1/√width, and W2 [width, 1]
 * and b2 [1] get 1.
 *
 * @module
 */

import { createSeededRng, type SeededRng } from "../random/seeded_rng.ts";

/** Initial parameters of one network, float32, row-major. */
export interface TwoSeedParameters {
  /** First-layer weights W1, [d, width]. */
  w1: Float32Array;
  /** First-layer bias b1, [width]. */
  b1: Float32Array;
  /** Read-out weights W2, [width, 1]. */
  w2: Float32Array;
  /** Read-out bias b2, [1]. */
  b2: Float32Array;
}

/** A stream of per-pair initial parameters. */
export interface TwoSeedInitStream {
  /** Draws the next pair's parameters (shared by both runs of the pair). */
  next(): TwoSeedParameters;
}

const UINT32_RANGE = 2 ** 32;

function fillUniform(rng: SeededRng, length: number, bound: number) {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const u = rng.uniformInt(0, UINT32_RANGE - 1) / UINT32_RANGE;
    out[i] = (2 * u - 1) * bound;
  }
  return out;
}

/**
 * Creates the seeded stream of initial parameters, one draw per pair in
 * pair order (W1, b1, W2, b2), so results do not depend on chunking.
 *
 * @param seed Integer seed in [0, 2^32).
 * @param shape Input size d and hidden width.
 */
export function createTwoSeedInitStream(
  seed: number,
  shape: { inputSize: number; width: number },
): TwoSeedInitStream {
  const rng = createSeededRng(seed);
  const { inputSize, width } = shape;
  const hiddenBound = 1 / Math.sqrt(width);
  return {
    next: () => ({
      w1: fillUniform(rng, inputSize * width, hiddenBound),
      b1: fillUniform(rng, width, hiddenBound),
      w2: fillUniform(rng, width, 1),
      b2: fillUniform(rng, 1, 1),
    }),
  };
}

/**
 * Seeded float initialisers mirroring PyTorch's defaults (paper.md 6.1:
 * "PyTorch's default initialisation").
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { createSeededRng, type SeededRng } from "../random/seeded_rng.ts";

/** 2^32, the number of distinct 32-bit draws. */
const TWO_POW_32 = 4294967296;

/** A seeded source of uniform floats in (−1, 1). */
export interface UniformSource {
  /** Fills a fresh float32 array with U(−bound, bound) draws. */
  uniform(size: number, bound: number): Float32Array;
}

/** Creates a seeded uniform source over pure-rand's xoroshiro128+. */
export function createUniformSource(seed: number): UniformSource {
  const rng: SeededRng = createSeededRng(seed >>> 0);
  return {
    uniform(size: number, bound: number): Float32Array {
      const out = new Float32Array(size);
      for (let i = 0; i < size; i++) {
        const u = (rng.uniformInt(0, TWO_POW_32 - 1) + 0.5) / TWO_POW_32;
        out[i] = bound * (2 * u - 1);
      }
      return out;
    },
  };
}

/**
 * PyTorch's default `Linear`/`Conv` weight, kaiming-uniform with a = √5:
 * gain √(2/(1 + 5)) times √(3/fan_in) gives U(−1/√fan_in, 1/√fan_in).
 * The default bias has the same bound.
 */
export function torchDefaultVariable(
  source: UniformSource,
  shape: number[],
  fanIn: number,
): tf.Variable {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = source.uniform(size, 1 / Math.sqrt(fanIn));
  return tf.variable(tf.tensor(values, shape, "float32"), true);
}

/** A variable filled with a constant (LayerNorm gain 1 and shift 0). */
export function constantVariable(shape: number[], value: number): tf.Variable {
  return tf.variable(tf.fill(shape, value, "float32"), true);
}

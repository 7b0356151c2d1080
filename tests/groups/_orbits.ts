/**
 * Test helpers: seeded random vectors and class-major two-orbit NTK Gram
 * matrices under an exact block-permutation action (paper.md F.4 T4).
 *
 * @module
 */

import { mlpGram } from "../../lib/kernels/mlp.ts";
import { normalizeImage } from "../../lib/orbits/normalize.ts";
import {
  actOnVector,
  type FiniteGroup,
} from "../../lib/groups/finite_group.ts";
import { uniform } from "../_random.ts";

/** A random vector, `[length]`, entries uniform in [0, 1). */
export function randomVector(length: number, seed: number): Float64Array {
  const next = uniform(seed);
  return Float64Array.from({ length }, next);
}

/**
 * Class-major one-hidden-layer ReLU NTK Gram matrix `[2|G|, 2|G|]` of the
 * orbits of xA and xB: row g is normalise(g·x_A) ("left" indexing) or
 * normalise(g⁻¹·x_A) ("right" indexing), then the same for x_B.
 */
export function orbitGram(
  group: FiniteGroup,
  seeds: [Float64Array, Float64Array],
  indexing: "left" | "right",
): Float64Array {
  const d = seeds[0].length;
  const x = new Float64Array(2 * group.order * d);
  seeds.forEach((seed, c) => {
    for (let g = 0; g < group.order; g++) {
      const element = indexing === "left" ? g : group.inverse[g];
      const moved = actOnVector(group.action!, element, seed);
      x.set(normalizeImage(moved), (c * group.order + g) * d);
    }
  });
  return mlpGram(x, 2 * group.order, { depth: 1 }).ntk;
}

/** Absolute ridge r = reg · trace(K) of an `[m, m]` matrix. */
export function relativeRidge(k: Float64Array, reg: number): number {
  const m = Math.round(Math.sqrt(k.length));
  let trace = 0;
  for (let i = 0; i < m; i++) trace += k[i * m + i];
  return reg * trace;
}

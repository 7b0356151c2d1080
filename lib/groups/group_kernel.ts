/**
 * Reading the class kernels κ_cc' off a two-orbit Gram matrix and checking
 * that it is G-circulant (paper.md 3.6).
 *
 * The Gram matrix is `[2|G|, 2|G|]` row-major in class-major order: index
 * g is the point (A, g), index |G| + g the point (B, g).
 *
 * @module
 */

import type { FiniteGroup } from "./finite_group.ts";

/**
 * How the Gram matrix is indexed by group elements (paper.md 3.6):
 * "left": K[(c,g),(c',h)] = κ_cc'(g⁻¹h), which a left action gives with
 * rows g·x_c; "right": K[(c,g),(c',h)] = κ_cc'(hg⁻¹), which rows g⁻¹·x_c
 * give. In both, κ_cc'(u) = K[(c,e),(c',u)].
 */
export type GramConvention = "left" | "right";

/** The four class kernels of a two-orbit Gram matrix. */
export interface GroupKernel {
  /** κ_AA(u) = K[(A,e),(A,u)], `[|G|]` Float64Array. */
  aa: Float64Array;
  /** κ_AB(u) = K[(A,e),(B,u)], `[|G|]` Float64Array. */
  ab: Float64Array;
  /** κ_BA(u) = K[(B,e),(A,u)], `[|G|]` Float64Array. */
  ba: Float64Array;
  /** κ_BB(u) = K[(B,e),(B,u)], `[|G|]` Float64Array. */
  bb: Float64Array;
  /**
   * max over all entries of |K[(c,g),(c',h)] − κ_cc'(u)| with u = g⁻¹h
   * ("left") or hg⁻¹ ("right"), in kernel units; 0 for an exactly
   * G-circulant K.
   */
  maxDeviation: number;
}

/** Options of {@link readGroupKernel}. */
export interface ReadGroupKernelOptions {
  /** Index convention; default "left". */
  convention?: GramConvention;
}

/**
 * Reads κ_cc'(u) = K[(c,e),(c',u)] from the rows of (A, e) and (B, e) and
 * measures how far K is from the G-circulant matrix they define
 * (paper.md 3.6).
 *
 * @param k Gram matrix, `[2|G|, 2|G|]` row-major Float64Array, class-major.
 * @param group The group indexing each orbit.
 * @param options Index convention.
 * @returns κ_AA, κ_AB, κ_BA, κ_BB and the largest deviation.
 * @throws {RangeError} If k is not `[2|G|, 2|G|]`.
 */
export function readGroupKernel(
  k: Float64Array,
  group: FiniteGroup,
  options: ReadGroupKernelOptions = {},
): GroupKernel {
  const { order, table, inverse } = group;
  const m = 2 * order;
  if (k.length !== m * m) {
    throw new RangeError(
      `readGroupKernel: expected a [2|G|, 2|G|] = [${m}, ${m}] Gram matrix ` +
        `for ${group.name}, got length ${k.length}; pass the class-major ` +
        `Gram matrix of both full orbits`,
    );
  }
  const right = (options.convention ?? "left") === "right";
  const row = (c: number, c2: number) =>
    k.slice(c * order * m + c2 * order, c * order * m + (c2 + 1) * order);
  const kernels = [[row(0, 0), row(0, 1)], [row(1, 0), row(1, 1)]];

  let maxDeviation = 0;
  for (let c = 0; c < 2; c++) {
    for (let c2 = 0; c2 < 2; c2++) {
      const kappa = kernels[c][c2];
      for (let g = 0; g < order; g++) {
        for (let h = 0; h < order; h++) {
          const u = right
            ? table[h * order + inverse[g]]
            : table[inverse[g] * order + h];
          const entry = k[(c * order + g) * m + c2 * order + h];
          maxDeviation = Math.max(maxDeviation, Math.abs(entry - kappa[u]));
        }
      }
    }
  }
  return {
    aa: kernels[0][0],
    ab: kernels[0][1],
    ba: kernels[1][0],
    bb: kernels[1][1],
    maxDeviation,
  };
}

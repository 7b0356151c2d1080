/**
 * Gaussian (RBF) kernel of the toy model, paper.md 7.3.
 *
 * @module
 */

/** Options of {@link rbfGram}. */
export interface RbfOptions {
  /** L in exp(−L²‖x − x'‖²), inverse length units; default 1. */
  lengthScale?: number;
}

/**
 * RBF Gram matrix k(x_i, x_j) = exp(−L²‖x_i − x_j‖²) (paper.md 7.3).
 *
 * @param x Inputs, `[n, d]` row-major Float64Array.
 * @param n Number of inputs (rows).
 * @param options `lengthScale` L.
 * @returns `[n, n]` row-major Float64Array, symmetric with unit diagonal.
 * @throws {RangeError} If `x.length` is not a positive multiple of n.
 */
export function rbfGram(
  x: Float64Array,
  n: number,
  options: RbfOptions = {},
): Float64Array {
  const d = x.length / n;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new RangeError(
      `rbfGram: expected x of length n·d with n = ${n} rows, got length ` +
        `${x.length}; pass a row-major [n, d] Float64Array`,
    );
  }
  const l2 = (options.lengthScale ?? 1) ** 2;
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    gram[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      let dist2 = 0;
      for (let k = 0; k < d; k++) {
        const diff = x[i * d + k] - x[j * d + k];
        dist2 += diff * diff;
      }
      gram[i * n + j] = gram[j * n + i] = Math.exp(-l2 * dist2);
    }
  }
  return gram;
}

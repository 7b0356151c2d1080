/**
 * Exact and spectral errors of the toy model, as `toy_model.py` computes them
 * (paper.md 7.4, F.1, G.20).
 *
 * @module
 */

import { rbfGram } from "../kernels/rbf.ts";
import { leaveOneOutPrediction } from "../regression/kernel_ridge.ts";
import { circulantError } from "../spectral/circulant.ts";
import { toyData } from "./toy_data.ts";

/** Options of {@link toyErrors}. */
export interface ToyErrorsOptions {
  /** Orbit size N per class. */
  n: number;
  /** Vertical distance Δ between the two circles. */
  delta: number;
  /** RBF L in exp(−L²‖x − x'‖²). */
  lengthScale: number;
  /** Circle radius r; default 1. */
  radius?: number;
}

/** The two toy-model errors, unitless. */
export interface ToyErrors {
  /** "Stand.": |y − ŷ| of the `kreg` leave-one-out fit at index N//2. */
  exact: number;
  /** "Ours": `circulant_error` of the RBF Gram matrix. */
  spectral: number;
}

/**
 * Toy-model errors with the code's conventions (paper.md 7.4, G.20): labels
 * [−1, +1, −1, ...], held-out index ⌊N/2⌋, `kreg` ridge 1e-5 · trace of the
 * training block, `circulant_error` ridge 1e-5 · c_0 · 2N. For example
 * N = 8, L = 1.4, Δ = 1, r = 1 gives exact 0.540044 and spectral 0.540049
 * (paper.md F.1).
 *
 * @param options N, Δ, L and r.
 * @returns `exact` and `spectral` errors.
 * @throws {RangeError} If N is not a positive integer.
 */
export function toyErrors(options: ToyErrorsOptions): ToyErrors {
  const { n } = options;
  const x = toyData(n, { delta: options.delta, radius: options.radius });
  const gram = rbfGram(x, 2 * n, { lengthScale: options.lengthScale });
  const y = Float64Array.from({ length: 2 * n }, (_, i) => i % 2 ? 1 : -1);
  const heldOut = Math.floor(n / 2);

  const prediction = leaveOneOutPrediction(gram, y, { heldOut, reg: 1e-5 });
  return {
    exact: Math.abs(y[heldOut] - prediction),
    spectral: circulantError(gram.subarray(0, 2 * n), { ridge: 1e-5 }),
  };
}

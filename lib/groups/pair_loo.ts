/**
 * The "exact" side of the two-orbit experiment: leave-one-out predictions
 * at (A, e) and (B, e) from a direct kernel ridge solve on the full Gram
 * matrix, with one absolute ridge r (paper.md 3.1, 3.3, F.4 T2 and T4).
 *
 * @module
 */

import {
  leaveOneOutPrediction,
  looResidualsShortcut,
} from "../regression/kernel_ridge.ts";

/** LOO predictions and errors at the identity poses of both classes. */
export interface PairLooResult {
  /** ε_A = |1 − ŷ_A|, unitless. */
  errorA: number;
  /** ε_B = |−1 − ŷ_B|, unitless. */
  errorB: number;
  /** ŷ at (A, e) from the fit without it (label +1). */
  predictionA: number;
  /** ŷ at (B, e) from the fit without it (label −1). */
  predictionB: number;
}

/** Options of {@link directPairLoo}. */
export interface DirectPairLooOptions {
  /** Points per orbit, |G|; the held-out points are 0 and |G|. */
  orbitSize: number;
  /** Absolute ridge r ≥ 0 added to the diagonal of every fit. */
  ridge: number;
  /**
   * "refit" (default): fit on the other 2|G| − 1 points with K_tr + r·I and
   * predict; "shortcut": y_i − ŷ_{−i} = [A⁻¹y]_i / [A⁻¹]_ii with
   * A = K + r·I (paper.md 3.3). Both give the same values up to rounding.
   */
  method?: "refit" | "shortcut";
}

/**
 * Direct LOO predictions at (A, e) (index 0, label +1) and (B, e)
 * (index |G|, label −1) of a class-major two-orbit Gram matrix, each from a
 * ridge fit with the absolute ridge r on the other 2|G| − 1 points
 * (paper.md 3.1, 3.3). This is the reference for the group-Fourier formula
 * of paper.md 3.6 (F.4 T4).
 *
 * @param k Gram matrix, `[2|G|, 2|G|]` row-major Float64Array, symmetric,
 *   class-major: (A, g) at index g, (B, g) at index |G| + g.
 * @param options Orbit size, absolute ridge and method.
 * @returns ŷ and ε = |y − ŷ| at both held-out points.
 * @throws {RangeError} If k is not `[2|G|, 2|G|]` or the ridge is negative.
 */
export function directPairLoo(
  k: Float64Array,
  options: DirectPairLooOptions,
): PairLooResult {
  const { orbitSize, ridge } = options;
  const m = 2 * orbitSize;
  if (!Number.isInteger(orbitSize) || orbitSize < 1 || k.length !== m * m) {
    throw new RangeError(
      `directPairLoo: expected a [2|G|, 2|G|] Gram matrix with |G| = ` +
        `${orbitSize}, got length ${k.length}; pass orbitSize = |G|`,
    );
  }
  if (!(ridge >= 0)) {
    throw new RangeError(
      `directPairLoo: expected an absolute ridge r ≥ 0, got ${ridge}`,
    );
  }
  const y = Float64Array.from({ length: m }, (_, i) => i < orbitSize ? 1 : -1);
  const heldOut = [0, orbitSize];

  let predictions: number[];
  if ((options.method ?? "refit") === "shortcut") {
    const a = Float64Array.from(k);
    for (let i = 0; i < m; i++) a[i * m + i] += ridge;
    const residuals = looResidualsShortcut(a, y);
    predictions = heldOut.map((i) => y[i] - residuals[i]);
  } else {
    let trace = 0;
    for (let i = 0; i < m; i++) trace += k[i * m + i];
    // leaveOneOutPrediction adds reg · trace(K_tr); choose reg so that the
    // absolute ridge is r.
    predictions = heldOut.map((i) =>
      leaveOneOutPrediction(k, y, {
        heldOut: i,
        reg: ridge === 0 ? 0 : ridge / (trace - k[i * m + i]),
      })
    );
  }
  return {
    errorA: Math.abs(1 - predictions[0]),
    errorB: Math.abs(-1 - predictions[1]),
    predictionA: predictions[0],
    predictionB: predictions[1],
  };
}

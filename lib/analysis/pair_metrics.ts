/**
 * Per-pair quantities of a two-seed kernel experiment (paper.md 3.4, 3.5,
 * 4.5, 5.4), as `mlp_ntk.py` computes them.
 *
 * @module
 */

import { leaveOneOutPrediction } from "../regression/kernel_ridge.ts";
import {
  circulantError,
  makeCirculant,
  spectrumSummary,
} from "../spectral/circulant.ts";
import type { PairResult } from "./pair_result.ts";

/** The numeric fields of a {@link PairResult} that depend on the orbit. */
export type PairMetrics = Pick<
  PairResult,
  | "exactError"
  | "spectralError"
  | "correct"
  | "predictionA"
  | "predictionB"
  | "deltaSq"
  | "projRadius"
  | "lambdaLast"
  | "lambdaAvg"
  | "lambdaAvgNoLast"
  | "avgAngle"
>;

/** Options of {@link pairMetrics}. */
export interface PairMetricsOptions {
  /** Orbit size N per class, an integer ≥ 2. */
  n: number;
  /** Feature dimension of one image (784 for flattened MNIST). */
  d: number;
  /** `kreg` relative ridge of the exact fits (`REG`); default 1e-10. */
  exactReg?: number;
  /** `circulant_error` relative ridge; default 1e-5 (paper.md G.2). */
  spectralReg?: number;
  /** float32-like `lstsq` truncation of the exact fits (G.12); default off. */
  truncate?: boolean;
  /**
   * Spectrum normalisation of lambdaLast/lambdaAvg (paper.md G.3): "mlp"
   * (unnormalised DFT, no ridge; `mlp_ntk.py`) or "cnn" (orthonormal DFT
   * plus 1e-10·√(2N); `cntk.py`, `shift_cntk.py`); default "mlp".
   */
  spectrumConvention?: "mlp" | "cnn";
}

/** Squared Euclidean distance ‖a − b‖² over the length of a. */
function squaredDistance(a: Float64Array, b: Float64Array): number {
  let acc = 0;
  for (let k = 0; k < a.length; k++) acc += (a[k] - b[k]) ** 2;
  return acc;
}

/**
 * Exact and spectral errors and the geometric and spectral proxies of one
 * pair orbit (paper.md 3.4, 3.5, 4.5, 5.4; spectrum convention of G.3).
 *
 * - Exact: run 1 holds out index 0 (y = +1), run 2 index 1 (y = −1); each
 *   fits the other 2N − 1 points with y = [+1, −1, +1, ...] and ridge
 *   `exactReg` · trace. `exactError` is the mean of |y − ŷ| over the runs and
 *   `correct` counts sign(ŷ) = y.
 * - Spectral: c = makeCirculant(K); ε_s = circulantError(c, spectralReg);
 *   isp = 1/|fft(c)| gives lambdaLast, lambdaAvg, lambdaAvgNoLast;
 *   avgAngle = mean of c_j over even j ≥ 2.
 * - Geometry: with centroids c_A = mean_a x[2a], c_B = mean_a x[2a + 1],
 *   deltaSq = ‖c_A − c_B‖² and projRadius = ½(‖x_0 − c_A‖ + ‖x_1 − c_B‖).
 *
 * @param orbit Interleaved normalised images, `[2N, d]` row-major
 * Float64Array (index 2a = g^a·x_A, 2a + 1 = g^a·x_B).
 * @param ntk Kernel Gram matrix of the orbit, `[2N, 2N]` row-major.
 * @param options N, d, ridges and truncation.
 * @returns The eleven per-pair metrics (unitless; kernel units for the
 * lambdas and avgAngle).
 * @throws {RangeError} If N < 2 or the array lengths disagree with N and d.
 */
export function pairMetrics(
  orbit: Float64Array,
  ntk: Float64Array,
  options: PairMetricsOptions,
): PairMetrics {
  const { n, d } = options;
  const m = 2 * n;
  if (!Number.isInteger(n) || n < 2 || !Number.isInteger(d) || d < 1) {
    throw new RangeError(
      `pairMetrics: expected integers N ≥ 2 and d ≥ 1, got N = ${n}, d = ${d}`,
    );
  }
  if (orbit.length !== m * d || ntk.length !== m * m) {
    throw new RangeError(
      `pairMetrics: expected orbit [2N, d] = [${m}, ${d}] and ntk ` +
        `[${m}, ${m}], got lengths ${orbit.length} and ${ntk.length}; pass ` +
        `row-major arrays for one pair`,
    );
  }

  // Exact leave-one-out fits at A's and B's identity poses.
  const y = Float64Array.from({ length: m }, (_, i) => i % 2 ? -1 : 1);
  const fit = { reg: options.exactReg ?? 1e-10, truncate: options.truncate };
  const predictionA = leaveOneOutPrediction(ntk, y, { ...fit, heldOut: 0 });
  const predictionB = leaveOneOutPrediction(ntk, y, { ...fit, heldOut: 1 });

  // Spectral side, on the circulant projection.
  const c = makeCirculant(ntk, m);
  let sameClass = 0;
  for (let j = 2; j < m; j += 2) sameClass += c[j];

  // Orbit centroids.
  const centreA = new Float64Array(d);
  const centreB = new Float64Array(d);
  for (let a = 0; a < n; a++) {
    for (let k = 0; k < d; k++) {
      centreA[k] += orbit[2 * a * d + k] / n;
      centreB[k] += orbit[(2 * a + 1) * d + k] / n;
    }
  }

  return {
    exactError: (Math.abs(1 - predictionA) + Math.abs(-1 - predictionB)) / 2,
    spectralError: circulantError(c, { ridge: options.spectralReg ?? 1e-5 }),
    correct: Number(predictionA > 0) + Number(predictionB < 0),
    predictionA,
    predictionB,
    deltaSq: squaredDistance(centreA, centreB),
    projRadius: (Math.sqrt(squaredDistance(orbit.subarray(0, d), centreA)) +
      Math.sqrt(squaredDistance(orbit.subarray(d, 2 * d), centreB))) / 2,
    ...spectrumSummary(c, { convention: options.spectrumConvention ?? "mlp" }),
    avgAngle: sameClass / (n - 1),
  };
}

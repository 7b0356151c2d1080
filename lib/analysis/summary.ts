/**
 * Per-orbit-size summary of a two-seed experiment: the numbers of the
 * experiment's LaTeX table.
 *
 * @module
 */
import type { PairResult } from "./pair_result.ts";

/** Summary of the pairs of one orbit size N. */
export interface OrbitSizeSummary {
  /** Orbit size N. */
  n: number;
  /** Number of pairs. */
  pairs: number;
  /** Median symmetrised exact error. */
  medianExact: number;
  /** Median spectral error. */
  medianSpectral: number;
  /** Pearson correlation between exact and spectral errors over the pairs. */
  pearson: number;
  /**
   * Fraction of the 2P held-out points for which the spectral prediction of
   * success (ε_s < 1, paper.md 3.3) agrees with the sign of the exact
   * prediction (correct iff sign(ŷ) = y).
   */
  signAgreement: number;
  /** Fraction of the 2P held-out points the exact regression classifies correctly. */
  fractionCorrect: number;
}

/**
 * Summaries per orbit size, ascending in N.
 *
 * @param rows Pair results of one experiment, any order.
 */
export function summarizeByOrbitSize(
  rows: readonly PairResult[],
): OrbitSizeSummary[] {
  const sizes = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
  return sizes.map((n) => {
    const atN = rows.filter((r) => r.n === n);
    const exact = atN.map((r) => r.exactError);
    const spectral = atN.map((r) => r.spectralError);
    let agree = 0;
    for (const row of atN) {
      const spectralSaysCorrect = row.spectralError < 1;
      agree += spectralSaysCorrect === row.predictionA > 0 ? 1 : 0;
      agree += spectralSaysCorrect === row.predictionB < 0 ? 1 : 0;
    }
    const correct = atN.reduce((sum, r) => sum + r.correct, 0);
    return {
      n,
      pairs: atN.length,
      medianExact: median(exact),
      medianSpectral: median(spectral),
      pearson: pearson(exact, spectral),
      signAgreement: agree / (2 * atN.length),
      fractionCorrect: correct / (2 * atN.length),
    };
  });
}

/** Median of a non-empty list (mean of the two middle values for even length). */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new RangeError(
      "Cannot take the median of an empty list: expected at least one value",
    );
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Pearson correlation coefficient of two equally long lists; NaN when
 * either has zero variance.
 */
export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) {
    throw new RangeError(
      `Cannot correlate lists of different lengths: expected equal, got ${x.length} and ${y.length}`,
    );
  }
  const mean = (v: readonly number[]) =>
    v.reduce((s, a) => s + a, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

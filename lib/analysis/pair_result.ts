/**
 * One row of a two-seed kernel experiment: the per-pair quantities of
 * paper.md sections 3.4, 3.5 and 5.4, for one orbit size N and one pair.
 *
 * Spectral quantities follow the MLP scripts' convention (paper.md G.3):
 * `lambdaLast = 1/|λ_N|`, `lambdaAvg = ⟨1/|λ|⟩` with the unnormalised DFT of
 * the circulant projection's first row and no ridge.
 */
export interface PairResult {
  /** Orbit size N (group elements per class orbit); the Gram matrix is 2N × 2N. */
  n: number;
  /** Index of the pair within its orbit size, 0-based. */
  pair: number;
  /** MNIST training-set index of seed A (regression label +1). */
  indexA: number;
  /** MNIST training-set index of seed B (regression label −1). */
  indexB: number;
  /** Digit of seed A, 0–9. */
  digitA: number;
  /** Digit of seed B, 0–9. */
  digitB: number;
  /** Symmetrised exact LOO error mean(|1 − ŷ(A₀)|, |−1 − ŷ(B₀)|) (paper.md 4.5). */
  exactError: number;
  /** Spectral error ε_s of the circulant projection (paper.md 3.3, 3.4). */
  spectralError: number;
  /** Held-out points with the label's sign: 0, 1 or 2. */
  correct: number;
  /** Kernel-regression prediction at A's identity pose (index 0). */
  predictionA: number;
  /** Kernel-regression prediction at B's identity pose (index 1). */
  predictionB: number;
  /** Δ², squared distance between the two orbit centroids (paper.md 3.5). */
  deltaSq: number;
  /** ρ, mean distance of the identity poses to their orbit centroids. */
  projRadius: number;
  /** 1/|λ_N|, unnormalised DFT, no ridge. */
  lambdaLast: number;
  /** ⟨1/|λ|⟩ over all 2N frequencies. */
  lambdaAvg: number;
  /** ⟨1/|λ|⟩ with the Nyquist index N left out. */
  lambdaAvgNoLast: number;
  /** Mean of c_j over even j ≥ 2 (mean within-class off-diagonal kernel value). */
  avgAngle: number;
}

/** CSV column order of {@link PairResult} rows, as written under data/results/. */
export const PAIR_RESULT_COLUMNS = [
  "n",
  "pair",
  "indexA",
  "indexB",
  "digitA",
  "digitB",
  "exactError",
  "spectralError",
  "correct",
  "predictionA",
  "predictionB",
  "deltaSq",
  "projRadius",
  "lambdaLast",
  "lambdaAvg",
  "lambdaAvgNoLast",
  "avgAngle",
] as const satisfies readonly (keyof PairResult)[];

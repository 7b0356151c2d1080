/**
 * Seeded synthetic PairResult rows shaped like the Figure 4 data: errors that
 * grow with λ_N⁻¹ and shrink with ⟨λ⁻¹⟩ and Δ², spectral ≈ exact.
 */
import type { PairResult } from "../../lib/analysis/pair_result.ts";
import { uniform } from "../_random.ts";

/** Standard normal draw by Box–Muller from a uniform generator. */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** `count` synthetic rows for orbit size n; denser orbits give lower errors. */
export function syntheticRows(
  n: number,
  count: number,
  seed: number,
): PairResult[] {
  const rand = uniform(seed);
  return Array.from({ length: count }, (_, pair) => {
    const scaledLast = 0.5 + 2.5 * rand();
    const lambdaAvg = 1 + 3 * rand();
    const deltaSq = 20 + 60 * rand();
    const density = 8 / n;
    const spectralError = density * 1.6 * scaledLast / lambdaAvg *
      (40 / deltaSq) ** 0.5 * Math.exp(0.25 * normal(rand));
    const exactError = spectralError * Math.exp(0.15 * normal(rand));
    const predictionA = 1 - exactError * (1 + 0.3 * normal(rand));
    const predictionB = -1 + exactError * (1 + 0.3 * normal(rand));
    return {
      n,
      pair,
      indexA: Math.floor(60000 * rand()),
      indexB: Math.floor(60000 * rand()),
      digitA: pair % 10,
      digitB: (pair + 1 + (pair % 9)) % 10,
      exactError,
      spectralError,
      correct: Number(predictionA > 0) + Number(predictionB < 0),
      predictionA,
      predictionB,
      deltaSq,
      projRadius: 5 + 3 * rand(),
      lambdaLast: scaledLast / Math.sqrt(n),
      lambdaAvg,
      lambdaAvgNoLast: lambdaAvg * 0.9,
      avgAngle: 0.5 * rand(),
    };
  });
}

/**
 * Toy dataset of paper.md 7.3: two interleaved circular orbits in R³.
 *
 * @module
 */

/** Options of {@link toyData}. */
export interface ToyDataOptions {
  /** Vertical distance Δ (= d, "D") between the two circles. */
  delta: number;
  /** Circle radius r; default 1. */
  radius?: number;
}

/**
 * The toy dataset `get_data(N, d, r)` (paper.md 7.3): index 2a holds class A
 * at (r·cos θ_a, r·sin θ_a, +Δ/2) and index 2a + 1 class B at
 * (r·cos(θ_a + π/N), r·sin(θ_a + π/N), −Δ/2), with θ_a = 2πa/N.
 *
 * @param n Orbit size N per class, an integer ≥ 1.
 * @param options `delta` and `radius`.
 * @returns Points, `[2N, 3]` row-major Float64Array.
 * @throws {RangeError} If n is not a positive integer.
 */
export function toyData(n: number, options: ToyDataOptions): Float64Array {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`toyData: expected an integer N ≥ 1, got ${n}`);
  }
  const r = options.radius ?? 1;
  const half = options.delta / 2;
  const x = new Float64Array(2 * n * 3);
  for (let a = 0; a < n; a++) {
    const angleA = (2 * Math.PI * a) / n;
    const angleB = angleA + Math.PI / n;
    x.set([r * Math.cos(angleA), r * Math.sin(angleA), half], 6 * a);
    x.set([r * Math.cos(angleB), r * Math.sin(angleB), -half], 6 * a + 3);
  }
  return x;
}

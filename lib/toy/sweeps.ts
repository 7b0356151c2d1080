/**
 * The two toy-model sweeps of Figure 3 (paper.md 7.4, `toy_model.py`):
 * error against the class separation Δ (case 1) and against the orbit size
 * N (case 2), each point computed by {@link toyErrors}.
 *
 * @module
 */

import { toyErrors } from "./toy_errors.ts";

/**
 * Case-1 grid Δ ∈ {0} ∪ logspace(−2, 1, 20): 21 values, 0 then
 * 10^(−2 + 3k/19) for k = 0..19 (paper.md 7.4, F.1).
 */
export const CASE1_DELTAS: readonly number[] = [
  0,
  ...Array.from({ length: 20 }, (_, k) => 10 ** (-2 + (3 * k) / 19)),
];

/** Case-2 grid N ∈ {4, 8, ..., 48}: 12 orbit sizes (paper.md 7.4). */
export const CASE2_NS: readonly number[] = Array.from(
  { length: 12 },
  (_, k) => 4 * (k + 1),
);

/** Options of {@link deltaSweep}; defaults are case 1 of paper.md 7.4. */
export interface DeltaSweepOptions {
  /** Separations Δ (distance units); default {@link CASE1_DELTAS}. */
  deltas?: readonly number[];
  /** Orbit size N per class; default 6. */
  n?: number;
  /** RBF L in exp(−L²‖x − x'‖²); default 0.85. */
  lengthScale?: number;
  /** Circle radius r; default 1. */
  radius?: number;
}

/** One point of the Δ sweep: Δ and the two errors (unitless). */
export interface DeltaSweepRow {
  delta: number;
  /** "Stand.": `kreg` LOO error at index N//2. */
  exact: number;
  /** "Ours": `circulant_error`. */
  spectral: number;
}

/**
 * Case 1 of Figure 3: toy errors for each Δ at fixed N, L, r (paper.md
 * 7.4). With the defaults, Δ = 0.54556 gives exact 0.675599 and spectral
 * 0.675622 (paper.md F.1).
 *
 * @returns One row per Δ, in the order of `deltas`.
 * @throws {RangeError} If N is not a positive integer or a Δ is negative
 *   or not finite.
 */
export function deltaSweep(options: DeltaSweepOptions = {}): DeltaSweepRow[] {
  const deltas = options.deltas ?? CASE1_DELTAS;
  const bad = deltas.find((d) => !(d >= 0 && Number.isFinite(d)));
  if (bad !== undefined) {
    throw new RangeError(
      `deltaSweep: expected finite separations Δ ≥ 0, got ${bad}; pass ` +
        `non-negative distances`,
    );
  }
  return deltas.map((delta) => ({
    delta,
    ...toyErrors({
      n: options.n ?? 6,
      delta,
      lengthScale: options.lengthScale ?? 0.85,
      radius: options.radius ?? 1,
    }),
  }));
}

/** Options of {@link orbitSizeSweep}; defaults are case 2 of paper.md 7.4. */
export interface OrbitSizeSweepOptions {
  /** Orbit sizes N per class; default {@link CASE2_NS}. */
  ns?: readonly number[];
  /** Separation Δ between the circles; default 1. */
  delta?: number;
  /** RBF L in exp(−L²‖x − x'‖²); default 1.4. */
  lengthScale?: number;
  /** Circle radius r; default 1. */
  radius?: number;
}

/** One point of the N sweep: N and the two errors (unitless). */
export interface OrbitSizeSweepRow {
  n: number;
  /** "Stand.": `kreg` LOO error at index N//2. */
  exact: number;
  /** "Ours": `circulant_error`. */
  spectral: number;
}

/**
 * Case 2 of Figure 3: toy errors for each orbit size N at fixed Δ, L, r
 * (paper.md 7.4). With the defaults, N = 8 gives exact 0.540044 and
 * spectral 0.540049 (paper.md F.1).
 *
 * @returns One row per N, in the order of `ns`.
 * @throws {RangeError} If an N is not a positive integer.
 */
export function orbitSizeSweep(
  options: OrbitSizeSweepOptions = {},
): OrbitSizeSweepRow[] {
  const ns = options.ns ?? CASE2_NS;
  return ns.map((n) => ({
    n,
    ...toyErrors({
      n,
      delta: options.delta ?? 1,
      lengthScale: options.lengthScale ?? 1.4,
      radius: options.radius ?? 1,
    }),
  }));
}

/**
 * Colours of the reference plotting style (paper.md 7.1, `myplots.mlpstyle`).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";

/** Colour cycle: red, blue, amber, green (paper.md 7.1), as hex strings. */
export const COLOR_CYCLE = [
  "#F05039",
  "#3D65A5",
  "#FFC107",
  "#4CAF50",
] as const;

/**
 * "semaphore" discrete colormap for "Num. correct" = 0, 1, 2: red, yellow,
 * green (paper.md 7.1, G.19), taken from the colour cycle.
 */
export const SEMAPHORE = ["#F05039", "#FFC107", "#4CAF50"] as const;

const viridisScale = Plot.scale({
  color: { type: "linear", scheme: "viridis", domain: [0, 1] },
});

/**
 * Viridis colour at t ∈ [0, 1] (t is clamped), as a CSS `rgb(...)` string.
 *
 * @throws {RangeError} If t is NaN.
 */
export function viridis(t: number): string {
  if (Number.isNaN(t)) {
    throw new RangeError(
      "Cannot map NaN to viridis: expected t in [0, 1]; filter NaN values first",
    );
  }
  return String(viridisScale.apply(Math.min(1, Math.max(0, t))));
}

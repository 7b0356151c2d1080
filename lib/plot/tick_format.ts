/**
 * Tick labels that stay short on any scale: plain decimals for magnitudes
 * in [1e-2, 1e5), otherwise a mantissa times a power of ten ("2.2908×10⁶",
 * "5×10⁻⁵"), with just enough digits to tell neighbouring ticks apart.
 *
 * @module
 */

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** Digits after the point that resolve a spacing `step` at unit scale. */
function decimalsFor(step: number): number {
  return step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 0;
}

/**
 * Formats tick `value` given all ticks of its axis (Plot passes them as the
 * third argument of a `tickFormat` function).
 *
 * @param value The tick value.
 * @param _index Its index among the ticks.
 * @param ticks Every tick of the axis, in any order; without them the
 *   value alone sets the scale.
 * @returns The label, e.g. "0.004", "150", "2.2908×10⁶", "1.5×10⁻⁴".
 *
 * @example
 * ```ts
 * import { compactTickFormat } from "./tick_format.ts";
 * const ticks = [2.2908e6, 2.2909e6, 2.291e6];
 * console.assert(compactTickFormat(ticks[1], 1, ticks) === "2.2909×10⁶");
 * ```
 */
export function compactTickFormat(
  value: number,
  _index?: number,
  ticks: readonly number[] = [value],
): string {
  const finite = ticks.filter(Number.isFinite);
  const maxAbs = Math.max(0, ...finite.map(Math.abs));
  const sorted = [...finite].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    step = Math.min(step, sorted[i] - sorted[i - 1]);
  }
  if (!Number.isFinite(step)) step = maxAbs;
  if (value === 0 || maxAbs === 0) return "0";
  if (maxAbs >= 1e-2 && maxAbs < 1e5) {
    return value.toFixed(decimalsFor(step)).replace(/^-0$/, "0");
  }
  const exponent = Math.floor(Math.log10(maxAbs));
  const scale = 10 ** exponent;
  const mantissa = (value / scale).toFixed(decimalsFor(step / scale));
  const power = [...String(exponent)].map((c) => SUPERSCRIPT[c]).join("");
  return `${mantissa}×10${power}`;
}

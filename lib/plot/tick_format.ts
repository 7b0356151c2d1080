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
  return `${mantissa}×10${superscript(exponent)}`;
}

/**
 * How an axis shows values whose tick labels would not fit: an offset
 * subtracted when the values share more than two leading digits (as
 * matplotlib's offset text), then a power of ten factored out when what is
 * left is ≥ 1e4 or < 1e-2. Plot `apply(v)` and print `label`.
 */
export interface AxisScale {
  /** Subtracted from every value (0 for none). */
  offset: number;
  /** Power of ten divided out after the offset (0 for none). */
  exponent: number;
  /** The axis label with the offset and factor, e.g. "⟨λ⁻¹⟩ − 2.290×10⁹ (×10⁶)". */
  label: string;
  /** Maps a data value to the plotted one: (v − offset) / 10^exponent. */
  apply(value: number): number;
}

/**
 * The {@link AxisScale} for `values` under axis label `label`.
 *
 * @example
 * ```ts
 * import { readableAxis } from "./tick_format.ts";
 * const axis = readableAxis([2.29081e9, 2.29108e9], "y");
 * console.assert(axis.label === "y − 2.290×10⁹ (×10⁶)");
 * console.assert(Math.abs(axis.apply(2.29108e9) - 1.08) < 1e-9);
 * ```
 */
export function readableAxis(
  values: readonly number[],
  label: string,
): AxisScale {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  let offset = 0;
  let offsetText = "";
  const spread = hi - lo;
  if (spread > 0 && spread < 1e-2 * Math.max(Math.abs(lo), Math.abs(hi))) {
    const place = Math.ceil(Math.log10(spread));
    offset = Math.floor(lo / 10 ** place) * 10 ** place;
    const magnitude = Math.floor(Math.log10(Math.abs(offset)));
    const mantissa = (Math.abs(offset) / 10 ** magnitude).toFixed(
      Math.max(0, magnitude - place),
    );
    offsetText = ` ${offset < 0 ? "+" : "−"} ${mantissa}×10${
      superscript(magnitude)
    }`;
  }
  const rest = Math.max(Math.abs(lo - offset), Math.abs(hi - offset));
  const exponent = finite.length > 0 && rest > 0 && (rest >= 1e4 || rest < 1e-2)
    ? Math.floor(Math.log10(rest))
    : 0;
  const factorText = exponent === 0 ? "" : ` (×10${superscript(exponent)})`;
  const scale = 10 ** exponent;
  return {
    offset,
    exponent,
    label: `${label}${offsetText}${factorText}`,
    apply: (value) => (value - offset) / scale,
  };
}

function superscript(exponent: number): string {
  return [...String(exponent)].map((c) => SUPERSCRIPT[c]).join("");
}

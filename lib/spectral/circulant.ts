/**
 * Circulant projection and the spectral (circulant) error, paper.md
 * sections 3.3, 3.4 and 5.4.
 *
 * A circulant matrix of size m = 2N is described by its first row
 * c (`[m]` Float64Array); its eigenvalues are λ = fft(c) (section 2).
 *
 * @module
 */

import { dft, type DftOptions } from "./dft.ts";

/**
 * First row of the circulant projection of a square matrix (paper.md 3.4):
 * c_j = (1/m) Σ_i K[i, (i + j) mod m], the average of wrapped diagonal j.
 *
 * The circulant with this first row is the average of P^k K P^{−k} over the
 * cyclic shifts P; it is symmetric and positive semi-definite when K is.
 *
 * @param k Square matrix, `[m, m]` row-major Float64Array.
 * @param m Its size (2N for a two-class orbit).
 * @returns c, `[m]` Float64Array.
 * @throws {RangeError} If `k.length` is not m².
 */
export function makeCirculant(k: Float64Array, m: number): Float64Array {
  if (!Number.isInteger(m) || m < 1 || k.length !== m * m) {
    throw new RangeError(
      `makeCirculant: expected an [m, m] matrix with m = ${m}, got length ` +
        `${k.length}; pass the full row-major Gram matrix and its size`,
    );
  }
  const c = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let acc = 0;
    for (let i = 0; i < m; i++) acc += k[i * m + ((i + j) % m)];
    c[j] = acc / m;
  }
  return c;
}

/**
 * Full circulant matrix of a first row: C[i, l] = c_{(l − i) mod m}
 * (paper.md 3.4).
 *
 * @param c First row, `[m]` Float64Array.
 * @returns `[m, m]` row-major Float64Array.
 */
export function circulantMatrix(c: Float64Array): Float64Array {
  const m = c.length;
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) out[i * m + l] = c[(l - i + m) % m];
  }
  return out;
}

/** Options of {@link inverseSpectrum}. */
export interface InverseSpectrumOptions extends DftOptions {
  /** Absolute constant added to every DFT coefficient; default 0. */
  ridge?: number;
}

/**
 * Inverse spectrum isp_k = 1/|DFT(c)_k + ridge|, k = 0..m−1 (paper.md 3.3,
 * 5.4, 7.3, 7.4).
 *
 * The MLP scripts use `{norm: "backward", ridge: 0}`; the CNN scripts
 * `{norm: "ortho", ridge: 1e-10·√m}`; the toy figure `{norm: "ortho",
 * ridge: 1e-5}` (paper.md G.3, 7.4).
 *
 * @param c First row of a circulant, `[m]` Float64Array.
 * @param options DFT normalisation and ridge.
 * @returns isp, `[m]` Float64Array.
 */
export function inverseSpectrum(
  c: Float64Array,
  options: InverseSpectrumOptions = {},
): Float64Array {
  const ridge = options.ridge ?? 0;
  const { re, im } = dft(c, options);
  return Float64Array.from(re, (r, k) => 1 / Math.hypot(r + ridge, im[k]));
}

function checkEven(c: Float64Array, name: string): number {
  const m = c.length;
  if (m < 2 || m % 2 !== 0) {
    throw new RangeError(
      `${name}: expected a first row of even length 2N ≥ 2, got ${m}`,
    );
  }
  return m / 2;
}

function mean(x: Float64Array): number {
  let acc = 0;
  for (const v of x) acc += v;
  return acc / x.length;
}

/** Options of {@link circulantError}. */
export interface CirculantErrorOptions {
  /**
   * Relative ridge: r = ridge · c_0 · m is added to every eigenvalue;
   * default 1e-5, the code's `circulant_error` default (paper.md 3.2 item 3).
   */
  ridge?: number;
}

/**
 * Spectral error ε = isp[N] / mean(isp) with isp = 1/|fft(c) + r|,
 * r = ridge · c_0 · 2N (paper.md 3.3, code form). ε < 1 means the held-out
 * point gets the correct sign; ε ∈ (0, 2N].
 *
 * @param c First row of the (projected) circulant, `[2N]` Float64Array.
 * @param options Relative `ridge`.
 * @returns ε, unitless.
 * @throws {RangeError} If the length of c is not even.
 */
export function circulantError(
  c: Float64Array,
  options: CirculantErrorOptions = {},
): number {
  const n = checkEven(c, "circulantError");
  const ridge = (options.ridge ?? 1e-5) * c[0] * c.length;
  const isp = inverseSpectrum(c, { ridge });
  return isp[n] / mean(isp);
}

/** Options of {@link circulantPredict}. */
export interface CirculantPredictOptions {
  /**
   * Absolute ridge added to every DFT eigenvalue; default 1e-5, the code's
   * `circulant_predict` default (paper.md 3.2 item 4).
   */
  ridge?: number;
}

/**
 * Circulant prediction signed towards the true label, ŷ·y = 1 − isp[N] /
 * mean(isp) with isp = 1/|fft(c) + ridge| (paper.md 3.3, 3.2 item 4; used by
 * the multi-class experiment).
 *
 * @param c First row of the circulant, `[2N]` Float64Array.
 * @param options Absolute `ridge`.
 * @returns 1 − ε, unitless; positive means the correct sign.
 * @throws {RangeError} If the length of c is not even.
 */
export function circulantPredict(
  c: Float64Array,
  options: CirculantPredictOptions = {},
): number {
  const n = checkEven(c, "circulantPredict");
  const isp = inverseSpectrum(c, { ridge: options.ridge ?? 1e-5 });
  return 1 - isp[n] / mean(isp);
}

/** Per-pair spectrum quantities of paper.md 3.5 and 5.4. */
export interface SpectrumSummary {
  /** isp[N] = 1/|λ_N|. */
  lambdaLast: number;
  /** Mean of isp over all 2N frequencies. */
  lambdaAvg: number;
  /** Mean of isp over the 2N − 1 frequencies other than N. */
  lambdaAvgNoLast: number;
}

/** Options of {@link spectrumSummary}. */
export interface SpectrumSummaryOptions {
  /**
   * "mlp": isp = 1/|fft(c)| (unnormalised, no ridge; default);
   * "cnn": isp = 1/|fft(c)/√(2N) + 1e-10·√(2N)| (paper.md G.3).
   */
  convention?: "mlp" | "cnn";
}

/**
 * lambda_last, lambda_avg and lambda_avg_no_last of one circulant row
 * (paper.md 3.5, 5.4, G.3).
 *
 * @param c First row of the projected circulant, `[2N]` Float64Array.
 * @param options Script `convention`.
 * @returns The three inverse-spectrum summaries, in the convention's units.
 * @throws {RangeError} If the length of c is not even.
 */
export function spectrumSummary(
  c: Float64Array,
  options: SpectrumSummaryOptions = {},
): SpectrumSummary {
  const n = checkEven(c, "spectrumSummary");
  const isp = options.convention === "cnn"
    ? inverseSpectrum(c, { norm: "ortho", ridge: 1e-10 * Math.sqrt(2 * n) })
    : inverseSpectrum(c);
  let others = 0;
  for (let k = 0; k < isp.length; k++) if (k !== n) others += isp[k];
  return {
    lambdaLast: isp[n],
    lambdaAvg: mean(isp),
    lambdaAvgNoLast: others / (isp.length - 1),
  };
}

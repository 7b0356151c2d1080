/**
 * Discrete Fourier transform of a real signal, numpy conventions
 * (paper.md section 2; G.3 for the orthonormal variant).
 *
 * A naive O(n²) sum with cached twiddles: the signals here are kernel rows of
 * length 2N ≤ 256.
 *
 * @module
 */

/** A complex vector as two float64 arrays of equal length. */
export interface ComplexArray {
  re: Float64Array;
  im: Float64Array;
}

/** Options of {@link dft}. */
export interface DftOptions {
  /**
   * numpy's `norm`: "backward" (unnormalised, default) or "ortho" (divided
   * by √n).
   */
  norm?: "backward" | "ortho";
}

const twiddleCache = new Map<number, ComplexArray>();

/** cos and −sin of 2πk/n for k = 0..n−1. */
function twiddles(n: number): ComplexArray {
  let table = twiddleCache.get(n);
  if (table === undefined) {
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      re[k] = Math.cos((2 * Math.PI * k) / n);
      im[k] = -Math.sin((2 * Math.PI * k) / n);
    }
    table = { re, im };
    twiddleCache.set(n, table);
  }
  return table;
}

/**
 * DFT of a real signal: X_k = s · Σ_j x_j exp(−2πi·jk/n), k = 0..n−1, with
 * s = 1 ("backward", numpy's `fft` default) or s = 1/√n ("ortho").
 *
 * @param x Real signal, `[n]` Float64Array, n ≥ 1.
 * @param options `norm`.
 * @returns `re` and `im`, each `[n]` Float64Array.
 * @throws {RangeError} If x is empty.
 */
export function dft(x: Float64Array, options: DftOptions = {}): ComplexArray {
  const n = x.length;
  if (n < 1) {
    throw new RangeError("dft: expected a signal of length ≥ 1, got 0");
  }
  const scale = options.norm === "ortho" ? 1 / Math.sqrt(n) : 1;
  const w = twiddles(n);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let accRe = 0;
    let accIm = 0;
    // Reduce jk modulo n so that every twiddle comes from the exact table.
    for (let j = 0, idx = 0; j < n; j++, idx = (idx + k) % n) {
      accRe += x[j] * w.re[idx];
      accIm += x[j] * w.im[idx];
    }
    re[k] = accRe * scale;
    im[k] = accIm * scale;
  }
  return { re, im };
}

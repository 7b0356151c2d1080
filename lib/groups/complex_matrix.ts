/**
 * A tiny square complex matrix type for group representations and the
 * 2d_ρ × 2d_ρ Fourier blocks of paper.md 3.6 (sizes up to about 8 × 8).
 *
 * @module
 */

/**
 * Square complex matrix, n × n, row-major: entry (i, j) is
 * `re[i * n + j] + i·im[i * n + j]`, float64.
 */
export interface ComplexMatrix {
  /** Number of rows and columns. */
  n: number;
  /** Real parts, `[n, n]` row-major Float64Array. */
  re: Float64Array;
  /** Imaginary parts, `[n, n]` row-major Float64Array. */
  im: Float64Array;
}

/** A complex number. */
export interface Complex {
  re: number;
  im: number;
}

/**
 * The n × n zero matrix.
 *
 * @param n Size, a positive integer.
 * @returns A new zero `ComplexMatrix`.
 * @throws {RangeError} If n is not a positive integer.
 */
export function complexZeros(n: number): ComplexMatrix {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(
      `complexZeros: expected a positive integer size, got ${n}`,
    );
  }
  return { n, re: new Float64Array(n * n), im: new Float64Array(n * n) };
}

/**
 * The n × n identity matrix I.
 *
 * @param n Size, a positive integer.
 * @returns A new `ComplexMatrix`.
 */
export function complexIdentity(n: number): ComplexMatrix {
  const out = complexZeros(n);
  for (let i = 0; i < n; i++) out.re[i * n + i] = 1;
  return out;
}

function checkSameSize(a: ComplexMatrix, b: ComplexMatrix, name: string) {
  if (a.n !== b.n) {
    throw new RangeError(
      `${name}: expected two matrices of the same size, got ${a.n} × ${a.n} ` +
        `and ${b.n} × ${b.n}`,
    );
  }
}

/**
 * Matrix product C = A·B.
 *
 * @param a Left factor, n × n.
 * @param b Right factor, n × n.
 * @returns A new n × n `ComplexMatrix`.
 * @throws {RangeError} If the sizes differ.
 */
export function complexMultiply(
  a: ComplexMatrix,
  b: ComplexMatrix,
): ComplexMatrix {
  checkSameSize(a, b, "complexMultiply");
  const n = a.n;
  const out = complexZeros(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const ar = a.re[i * n + k];
      const ai = a.im[i * n + k];
      for (let j = 0; j < n; j++) {
        const br = b.re[k * n + j];
        const bi = b.im[k * n + j];
        out.re[i * n + j] += ar * br - ai * bi;
        out.im[i * n + j] += ar * bi + ai * br;
      }
    }
  }
  return out;
}

/**
 * Conjugate transpose A^† (A^†_ij = conj(A_ji)).
 *
 * @param a n × n matrix.
 * @returns A new n × n `ComplexMatrix`.
 */
export function complexAdjoint(a: ComplexMatrix): ComplexMatrix {
  const n = a.n;
  const out = complexZeros(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out.re[i * n + j] = a.re[j * n + i];
      out.im[i * n + j] = -a.im[j * n + i];
    }
  }
  return out;
}

/**
 * Inverse A^{-1} by Gauss–Jordan elimination with partial pivoting (the
 * pivot of largest modulus in each column).
 *
 * @param a n × n matrix, invertible.
 * @returns A new n × n `ComplexMatrix`.
 * @throws {RangeError} If a pivot is exactly zero (A is singular).
 */
export function complexInverse(a: ComplexMatrix): ComplexMatrix {
  const n = a.n;
  // Augmented [A | I], each row of width 2n.
  const w = 2 * n;
  const re = new Float64Array(n * w);
  const im = new Float64Array(n * w);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      re[i * w + j] = a.re[i * n + j];
      im[i * w + j] = a.im[i * n + j];
    }
    re[i * w + n + i] = 1;
  }

  for (let col = 0; col < n; col++) {
    // Partial pivoting: swap in the row with the largest |entry|.
    let pivot = col;
    let best = -1;
    for (let i = col; i < n; i++) {
      const size = Math.hypot(re[i * w + col], im[i * w + col]);
      if (size > best) {
        best = size;
        pivot = i;
      }
    }
    if (best === 0) {
      throw new RangeError(
        `complexInverse: expected an invertible ${n} × ${n} matrix, got a ` +
          `zero pivot in column ${col}; add a ridge to the diagonal`,
      );
    }
    if (pivot !== col) {
      for (let j = 0; j < w; j++) {
        [re[col * w + j], re[pivot * w + j]] = [
          re[pivot * w + j],
          re[col * w + j],
        ];
        [im[col * w + j], im[pivot * w + j]] = [
          im[pivot * w + j],
          im[col * w + j],
        ];
      }
    }

    // Scale the pivot row by 1/p.
    const pr = re[col * w + col];
    const pi = im[col * w + col];
    const d = pr * pr + pi * pi;
    const invR = pr / d;
    const invI = -pi / d;
    for (let j = 0; j < w; j++) {
      const xr = re[col * w + j];
      const xi = im[col * w + j];
      re[col * w + j] = xr * invR - xi * invI;
      im[col * w + j] = xr * invI + xi * invR;
    }

    // Eliminate the column from every other row.
    for (let i = 0; i < n; i++) {
      if (i === col) continue;
      const fr = re[i * w + col];
      const fi = im[i * w + col];
      if (fr === 0 && fi === 0) continue;
      for (let j = 0; j < w; j++) {
        const xr = re[col * w + j];
        const xi = im[col * w + j];
        re[i * w + j] -= fr * xr - fi * xi;
        im[i * w + j] -= fr * xi + fi * xr;
      }
    }
  }

  const out = complexZeros(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out.re[i * n + j] = re[i * w + n + j];
      out.im[i * n + j] = im[i * w + n + j];
    }
  }
  return out;
}

/**
 * Trace of the leading principal block: Σ_{i=offset}^{offset+size−1} A_ii.
 *
 * @param a n × n matrix.
 * @param block Diagonal range; default the whole matrix.
 * @returns The (partial) trace, a complex number.
 * @throws {RangeError} If the range does not fit inside the matrix.
 */
export function complexTrace(
  a: ComplexMatrix,
  block: { offset: number; size: number } = { offset: 0, size: a.n },
): Complex {
  const { offset, size } = block;
  if (offset < 0 || size < 0 || offset + size > a.n) {
    throw new RangeError(
      `complexTrace: expected a diagonal block inside ${a.n} × ${a.n}, got ` +
        `offset ${offset} and size ${size}`,
    );
  }
  let re = 0;
  let im = 0;
  for (let i = offset; i < offset + size; i++) {
    re += a.re[i * a.n + i];
    im += a.im[i * a.n + i];
  }
  return { re, im };
}

/**
 * Largest entrywise modulus max_ij |A_ij − B_ij|.
 *
 * @param a n × n matrix.
 * @param b n × n matrix.
 * @returns The maximum modulus of the difference.
 * @throws {RangeError} If the sizes differ.
 */
export function complexMaxAbsDifference(
  a: ComplexMatrix,
  b: ComplexMatrix,
): number {
  checkSameSize(a, b, "complexMaxAbsDifference");
  let max = 0;
  for (let k = 0; k < a.re.length; k++) {
    max = Math.max(max, Math.hypot(a.re[k] - b.re[k], a.im[k] - b.im[k]));
  }
  return max;
}

/**
 * Correctly rounded fused multiply-add, round(a · b + c), which JavaScript
 * lacks. `scipy.ndimage.rotate` computes its offset `rot_matrix @ centre`
 * through OpenBLAS `dgemv`, whose x86-64 kernels use FMA instructions;
 * reproducing that rounding keeps rotated coordinates bit-identical to
 * scipy's, which matters for the strict outside test (paper.md 4.4).
 *
 * @module
 */

const view = new DataView(new ArrayBuffer(8));

/** Splits a finite double into an exact BigInt mantissa and exponent. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let exponent = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return { mantissa: high >>> 31 ? -mantissa : mantissa, exponent };
}

/** value · 2^exponent in two steps, so that no intermediate overflows. */
function scaleByPowerOfTwo(value: number, exponent: number): number {
  const half = Math.trunc(exponent / 2);
  return value * 2 ** half * 2 ** (exponent - half);
}

/**
 * round(a · b + c) with a single rounding to nearest, ties to even, like C
 * `fma`. Exact BigInt arithmetic; meant for a few calls per rotation, not
 * for inner loops. Non-finite inputs and zero products fall back to
 * `a * b + c`, which is then exact or IEEE-special anyway. Results in the
 * subnormal range may be rounded twice.
 */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
  const product = a * b;
  if (
    !Number.isFinite(product) || !Number.isFinite(c) || a === 0 || b === 0
  ) {
    return product + c;
  }
  if (c === 0) return product;
  const da = decompose(a);
  const db = decompose(b);
  const dc = decompose(c);
  const productExponent = da.exponent + db.exponent;
  let exponent = Math.min(productExponent, dc.exponent);
  let sum = ((da.mantissa * db.mantissa) <<
    BigInt(productExponent - exponent)) +
    (dc.mantissa << BigInt(dc.exponent - exponent));
  if (sum === 0n) return 0;
  const negative = sum < 0n;
  if (negative) sum = -sum;
  // Keep 64 significant bits plus a sticky bit, so that the conversion
  // Number(bigint), itself correctly rounded, rounds once and correctly.
  const extraBits = sum.toString(2).length - 64;
  if (extraBits > 0) {
    const kept = sum >> BigInt(extraBits);
    sum = kept | ((kept << BigInt(extraBits)) === sum ? 0n : 1n);
    exponent += extraBits;
  }
  const result = scaleByPowerOfTwo(Number(sum), exponent);
  return negative ? -result : result;
}

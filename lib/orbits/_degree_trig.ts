/**
 * Sine and cosine of an angle in degrees, ported from the Cephes routines
 * `sindg` and `cosdg` that `scipy.special` (and so `scipy.ndimage.rotate`)
 * uses. They are exact at multiples of 90° and agree bit for bit with
 * scipy, which keeps rotated coordinates, and hence the strict outside
 * test of paper.md 4.4, identical to scipy's.
 *
 * @module
 */

const SIN_COEFFS = [
  1.58962301572218447952e-10,
  -2.50507477628503540135e-8,
  2.75573136213856773549e-6,
  -1.98412698295895384658e-4,
  8.33333333332211858862e-3,
  -1.66666666666666307295e-1,
];
const COS_COEFFS = [
  1.13678171382044553091e-11,
  -2.08758833757683644217e-9,
  2.75573155429816611547e-7,
  -2.48015872936186303776e-5,
  1.38888888888806666760e-3,
  -4.16666666666666348141e-2,
  4.99999999999999999798e-1,
];
const PI_OVER_180 = 1.74532925199432957692e-2;
/** Cephes gives up (returns 0) above this magnitude. */
const MAX_DEGREES = 1.0e14;

function polevl(x: number, coeffs: readonly number[]): number {
  let result = coeffs[0];
  for (let i = 1; i < coeffs.length; i++) result = result * x + coeffs[i];
  return result;
}

/**
 * Reduces |x| (degrees) to an octant: returns the octant index j in 0..3
 * after the reflection step, the residual angle in radians, and whether the
 * reflection flipped the sign.
 */
function reduceOctant(
  absDeg: number,
): { octant: number; radians: number; flipped: boolean } {
  let y = Math.floor(absDeg / 45.0);
  // y - 16 * floor(y / 16): strips high bits as Cephes does with ldexp.
  let j = y - Math.floor(y / 16) * 16;
  if (j & 1) {
    j += 1;
    y += 1.0;
  }
  j = j & 7;
  let flipped = false;
  if (j > 3) {
    j -= 4;
    flipped = true;
  }
  return { octant: j, radians: (absDeg - y * 45.0) * PI_OVER_180, flipped };
}

function checkDegrees(x: number, name: string): void {
  if (!Number.isFinite(x) || Math.abs(x) > MAX_DEGREES) {
    throw new RangeError(
      `${name}: expected a finite angle in degrees with |x| <= 1e14, ` +
        `got ${x}; pass a reduced angle`,
    );
  }
}

/**
 * Sine of `x` degrees, bit-identical to `scipy.special.sindg` (Cephes).
 *
 * @param x Angle in degrees, |x| <= 1e14.
 * @returns sin(x · π/180), exactly 0 or ±1 at multiples of 90°.
 * @throws {RangeError} If x is not finite or |x| > 1e14.
 */
export function sinDeg(x: number): number {
  checkDegrees(x, "sinDeg");
  let sign = 1;
  if (x < 0) {
    x = -x;
    sign = -1;
  }
  const { octant, radians: z, flipped } = reduceOctant(x);
  if (flipped) sign = -sign;
  const zz = z * z;
  const y = octant === 1 || octant === 2
    ? 1.0 - zz * polevl(zz, COS_COEFFS)
    : z + z * (zz * polevl(zz, SIN_COEFFS));
  return sign < 0 ? -y : y;
}

/**
 * Cosine of `x` degrees, bit-identical to `scipy.special.cosdg` (Cephes).
 *
 * @param x Angle in degrees, |x| <= 1e14.
 * @returns cos(x · π/180), exactly 0 or ±1 at multiples of 90°.
 * @throws {RangeError} If x is not finite or |x| > 1e14.
 */
export function cosDeg(x: number): number {
  checkDegrees(x, "cosDeg");
  if (x < 0) x = -x;
  const { octant, radians: z, flipped } = reduceOctant(x);
  let sign = flipped ? -1 : 1;
  if (octant > 1) sign = -sign;
  const zz = z * z;
  const y = octant === 1 || octant === 2
    ? z + z * (zz * polevl(zz, SIN_COEFFS))
    : 1.0 - zz * polevl(zz, COS_COEFFS);
  return sign < 0 ? -y : y;
}

/**
 * Fixed orthographic ("oblique") projection of 3-D points onto the page,
 * used for the toy datasets of Figures 2A and 3 (paper.md 7.3, 7.4).
 *
 * The camera looks at the origin from azimuth −60° (matplotlib's default
 * 3-D view) and elevation 20°, with z pointing up. A horizontal circle of
 * radius r becomes an ellipse of half-width r and half-height r·sin 20° ≈
 * 0.34 r, and the heights ±Δ/2 are kept (scaled by cos 20° ≈ 0.94), so two
 * circles a distance Δ = 1 apart stay visibly separate. The reference plots
 * pass the axes in (z, y, x) order to matplotlib; here z stays vertical so
 * that the separation Δ reads as a height.
 *
 * @module
 */

/** Camera elevation above the xy plane, degrees. */
export const ELEVATION_DEG = 20;

/** Camera azimuth about the z axis, degrees (matplotlib default −60°). */
export const AZIMUTH_DEG = -60;

/** Projected coordinates of n points, each `[n]` Float64Array. */
export interface ProjectedPoints {
  /** Horizontal page coordinate, data units, increasing to the right. */
  u: Float64Array;
  /** Vertical page coordinate, data units, increasing upwards. */
  v: Float64Array;
  /** Distance towards the viewer, data units; draw in increasing depth. */
  depth: Float64Array;
}

const ELEVATION = (ELEVATION_DEG * Math.PI) / 180;
const AZIMUTH = (AZIMUTH_DEG * Math.PI) / 180;

/**
 * Projects points with the fixed camera of this module:
 * u = −sin(az)·x + cos(az)·y,
 * v = cos(el)·z − sin(el)·(cos(az)·x + sin(az)·y),
 * depth = cos(el)·(cos(az)·x + sin(az)·y) + sin(el)·z.
 *
 * @param points `[n, 3]` row-major Float64Array of (x, y, z).
 * @returns u, v and depth, each `[n]`.
 * @throws {RangeError} If the length is not a multiple of 3.
 */
export function projectPoints(points: Float64Array): ProjectedPoints {
  if (points.length % 3 !== 0) {
    throw new RangeError(
      `projectPoints: expected an [n, 3] array, got length ${points.length} ` +
        `(not a multiple of 3); pass row-major (x, y, z) triples`,
    );
  }
  const n = points.length / 3;
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  const depth = new Float64Array(n);
  const [ca, sa] = [Math.cos(AZIMUTH), Math.sin(AZIMUTH)];
  const [ce, se] = [Math.cos(ELEVATION), Math.sin(ELEVATION)];
  for (let i = 0; i < n; i++) {
    const [x, y, z] = points.subarray(3 * i, 3 * i + 3);
    const towards = ca * x + sa * y;
    u[i] = -sa * x + ca * y;
    v[i] = ce * z - se * towards;
    depth[i] = ce * towards + se * z;
  }
  return { u, v, depth };
}

/** Options of {@link circlePoints}. */
export interface CirclePointsOptions {
  /** Number of distinct points, an integer ≥ 3; default 120. */
  count?: number;
}

/**
 * Points on the horizontal circle of radius r at height z, centred on the
 * z axis, closed (first point repeated), for drawing with
 * {@link projectPoints}.
 *
 * @param radius Circle radius r, data units.
 * @param z Height of the circle, data units.
 * @returns `[count + 1, 3]` row-major Float64Array.
 * @throws {RangeError} If count is not an integer ≥ 3.
 */
export function circlePoints(
  radius: number,
  z: number,
  options: CirclePointsOptions = {},
): Float64Array {
  const count = options.count ?? 120;
  if (!Number.isInteger(count) || count < 3) {
    throw new RangeError(
      `circlePoints: expected an integer count ≥ 3, got ${count}`,
    );
  }
  const out = new Float64Array(3 * (count + 1));
  for (let k = 0; k <= count; k++) {
    // k = count repeats k = 0 exactly, closing the polyline.
    const angle = (2 * Math.PI * (k % count)) / count;
    out.set([radius * Math.cos(angle), radius * Math.sin(angle), z], 3 * k);
  }
  return out;
}

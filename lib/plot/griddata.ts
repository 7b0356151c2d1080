/**
 * Linear interpolation of scattered 2-D data onto a regular grid, the
 * counterpart of `scipy.interpolate.griddata(..., method="linear")` used for
 * the Figure 4 panel C contour maps (paper.md 7.5).
 *
 * @module
 */
// d3-delaunay is Plot's own triangulator, pinned to the version Plot uses.
import { Delaunay } from "d3-delaunay";

/** The part of d3-delaunay's `Delaunay` object used here (no bundled types). */
interface Triangulation {
  /** Vertex indices, three per triangle. */
  triangles: Uint32Array;
}

/** Options of {@link linearGridData}: grid shape and extent in data units. */
export interface GridOptions {
  /** Grid columns (x samples), ≥ 2. */
  nx: number;
  /** Grid rows (y samples), ≥ 2. */
  ny: number;
  /** x range; the samples are linspace(x1, x2, nx). */
  x1: number;
  x2: number;
  /** y range; the samples are linspace(y1, y2, ny). */
  y1: number;
  y2: number;
}

/**
 * Piecewise-linear interpolation on the Delaunay triangulation of the data
 * points, evaluated at the nodes of a regular grid; nodes outside the convex
 * hull get NaN (scipy's default `fill_value`).
 *
 * The triangulation is built in data coordinates, like scipy's Qhull call
 * (no rescaling), so the two agree wherever the triangulation is unique.
 *
 * @param points Scattered samples: `x`, `y`, `value`, each of length n ≥ 3.
 * @returns Float64Array [ny · nx], row-major: entry `j · nx + i` is the value
 *   at (x1 + i (x2 − x1)/(nx − 1), y1 + j (y2 − y1)/(ny − 1)).
 * @throws {RangeError} On length mismatch, n < 3, or a grid smaller than 2×2.
 */
export function linearGridData(
  points: {
    x: ArrayLike<number>;
    y: ArrayLike<number>;
    value: ArrayLike<number>;
  },
  grid: GridOptions,
): Float64Array {
  const { x, y, value } = points;
  const n = x.length;
  if (y.length !== n || value.length !== n || n < 3) {
    throw new RangeError(
      `Cannot interpolate scattered data: expected x, y, value of one length ` +
        `≥ 3, got ${n}, ${y.length}, ${value.length}; pass one entry per point`,
    );
  }
  const { nx, ny, x1, x2, y1, y2 } = grid;
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 2 && ny >= 2)) {
    throw new RangeError(
      `Cannot interpolate scattered data: expected an integer grid of at ` +
        `least 2 × 2, got ${nx} × ${ny}; raise nx and ny`,
    );
  }
  const dx = (x2 - x1) / (nx - 1);
  const dy = (y2 - y1) / (ny - 1);
  const out = new Float64Array(nx * ny).fill(NaN);
  const { triangles } = Delaunay.from(
    Array.from({ length: n }, (_, k) => [x[k], y[k]]),
  ) as Triangulation;

  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t], b = triangles[t + 1], c = triangles[t + 2];
    const ax = x[a], ay = y[a], bx = x[b], by = y[b], cx = x[c], cy = y[c];
    const det = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy);
    if (det === 0) continue;
    // Tolerance so nodes on the hull edges count as inside, as in Qhull.
    const tol = -1e-12;
    const iLo = Math.max(0, Math.ceil((Math.min(ax, bx, cx) - x1) / dx - 1e-9));
    const iHi = Math.min(
      nx - 1,
      Math.floor((Math.max(ax, bx, cx) - x1) / dx + 1e-9),
    );
    const jLo = Math.max(0, Math.ceil((Math.min(ay, by, cy) - y1) / dy - 1e-9));
    const jHi = Math.min(
      ny - 1,
      Math.floor((Math.max(ay, by, cy) - y1) / dy + 1e-9),
    );
    for (let j = jLo; j <= jHi; j++) {
      const py = y1 + j * dy;
      for (let i = iLo; i <= iHi; i++) {
        const px = x1 + i * dx;
        // Barycentric coordinates (wa, wb, wc) of (px, py).
        const wa = ((by - cy) * (px - cx) + (cx - bx) * (py - cy)) / det;
        const wb = ((cy - ay) * (px - cx) + (ax - cx) * (py - cy)) / det;
        const wc = 1 - wa - wb;
        if (wa < tol || wb < tol || wc < tol) continue;
        out[j * nx + i] = wa * value[a] + wb * value[b] + wc * value[c];
      }
    }
  }
  return out;
}

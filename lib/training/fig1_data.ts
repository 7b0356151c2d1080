/**
 * The Figure 1 dataset (paper.md 4.4 "Rotation in Figure 1", 4.5
 * "Figure 1", G.5): per-image L2-normalised MNIST images, rotated by
 * i · 360/N degrees with nearest-neighbour sampling, split into train,
 * test-in and test-out. Rotated copies are never stored: an item is a code
 * angleIndex · count + imageIndex and batches are gathered on demand.
 *
 * @module
 */

import { createSeededRng } from "../random/seeded_rng.ts";

/** Side of an MNIST image. */
const SIDE = 28;
/** Pixels per image. */
const PIXELS = SIDE * SIDE;
/** Rotation centre, (28 − 1)/2, in pixel-index coordinates. */
const CENTRE = 13.5;

/**
 * Normalises images for Figure 1 (G.5): x ← p/255, then x ← x/‖x‖₂ over
 * the 784 pixels; no mean subtraction. Applied before rotation.
 *
 * @param images MNIST pixels, [count, 784] uint8 row-major.
 * @param indices Which images to take, [k] indices into `images`.
 * @returns [k, 784] row-major float32 unit-norm images (all-zero images
 *   stay zero).
 * @throws {RangeError} If an index is out of range.
 */
export function normalizeFig1Images(
  images: Uint8Array,
  indices: ArrayLike<number>,
): Float32Array {
  const count = images.length / PIXELS;
  const out = new Float32Array(indices.length * PIXELS);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= count) {
      throw new RangeError(
        `normalizeFig1Images: expected image indices in [0, ${count}), got ${i} at position ${k}; pass indices of MnistSet.images`,
      );
    }
    let squares = 0;
    for (let p = 0; p < PIXELS; p++) {
      const x = images[i * PIXELS + p] / 255;
      squares += x * x;
    }
    const scale = squares > 0 ? 1 / (255 * Math.sqrt(squares)) : 0;
    for (let p = 0; p < PIXELS; p++) {
      out[k * PIXELS + p] = images[i * PIXELS + p] * scale;
    }
  }
  return out;
}

/** cos and sin of an angle in degrees, exact at multiples of 90°. */
function degreeCosSin(angleDeg: number): [number, number] {
  const reduced = ((angleDeg % 360) + 360) % 360;
  const exact: Record<number, [number, number]> = {
    0: [1, 0],
    90: [0, 1],
    180: [-1, 0],
    270: [0, -1],
  };
  const rad = (reduced * Math.PI) / 180;
  return exact[reduced] ?? [Math.cos(rad), Math.sin(rad)];
}

/**
 * Nearest-neighbour rotation about the image centre with fill 0, like
 * torchvision's `rotate(img, angle)` with its defaults (paper.md 4.4):
 * counter-clockwise on screen for positive angles. Output pixel (r, q)
 * with dy = r − 13.5 and dx = q − 13.5 reads the source pixel
 * (round(13.5 + dx sin + dy cos), round(13.5 + dx cos − dy sin)), or 0 if
 * that lies outside the image. Pixel-exact agreement with torchvision is
 * not required (paper.md 4.4).
 *
 * @param angleDeg Rotation angle in degrees.
 * @returns [784] int32 source pixel index per output pixel, −1 for fill.
 */
export function nearestRotationMap(angleDeg: number): Int32Array {
  const [cos, sin] = degreeCosSin(angleDeg);
  const map = new Int32Array(PIXELS);
  for (let r = 0; r < SIDE; r++) {
    for (let q = 0; q < SIDE; q++) {
      const dy = r - CENTRE;
      const dx = q - CENTRE;
      const sr = Math.round(CENTRE + dx * sin + dy * cos);
      const sq = Math.round(CENTRE + dx * cos - dy * sin);
      const inside = sr >= 0 && sr < SIDE && sq >= 0 && sq < SIDE;
      map[r * SIDE + q] = inside ? sr * SIDE + sq : -1;
    }
  }
  return map;
}

/**
 * The N rotation maps of an orbit, angles i · 360/N for i = 0..N−1
 * (paper.md 4.4).
 *
 * @param n Orbit size N, a positive integer.
 * @returns N maps of [784] int32, as in {@link nearestRotationMap}.
 * @throws {RangeError} If N is not a positive integer.
 */
export function orbitRotationMaps(n: number): Int32Array[] {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(
      `orbitRotationMaps: expected a positive integer N, got ${n}; pass e.g. 8`,
    );
  }
  return Array.from({ length: n }, (_, i) => nearestRotationMap(i * 360 / n));
}

/** The three Figure 1 item sets, as codes angleIndex · count + image. */
export interface Fig1Split {
  /** Training items, 90 % of the shuffled pool (floor). */
  train: Int32Array;
  /** Held-in test items, the remaining 10 %. */
  testIn: Int32Array;
  /** Unrotated (angle index 0) images of the held-out digit, in order. */
  testOut: Int32Array;
}

/** Options of {@link splitFig1}. */
export interface SplitFig1Options {
  /** Orbit size N. */
  n: number;
  /** Held-out digit d, 0–9. */
  digit: number;
  /** Seed of the shuffle, an integer in [0, 2^32). */
  seed: number;
}

/**
 * Splits the rotated dataset for one (digit, N) (paper.md 4.5 "Figure 1"):
 * test-out = the angle-0 copies of digit d; every other item (all angles
 * of all images except the angle-0 copies of d, angle-major) is shuffled
 * with a seeded Fisher–Yates shuffle and split ⌊0.9 · total⌋ train / rest
 * test-in.
 *
 * @param labels Digit of each source image, [count] uint8.
 * @param options N, held-out digit and seed.
 * @returns Item codes a · count + i (a angle index, i image index).
 * @throws {RangeError} If the digit is not in 0–9.
 */
export function splitFig1(
  labels: Uint8Array,
  options: SplitFig1Options,
): Fig1Split {
  const { n, digit, seed } = options;
  if (!Number.isInteger(digit) || digit < 0 || digit > 9) {
    throw new RangeError(
      `splitFig1: expected a held-out digit in 0..9, got ${digit}`,
    );
  }
  const count = labels.length;
  const outCount = labels.reduce(
    (s, label) => s + (label === digit ? 1 : 0),
    0,
  );
  const testOut = new Int32Array(outCount);
  const pool = new Int32Array(n * count - outCount);
  let o = 0;
  let p = 0;
  for (let a = 0; a < n; a++) {
    for (let i = 0; i < count; i++) {
      if (a === 0 && labels[i] === digit) testOut[o++] = i;
      else pool[p++] = a * count + i;
    }
  }
  const rng = createSeededRng(seed >>> 0);
  shuffleInPlace(pool, rng.uniformInt);
  const nTrain = Math.floor(0.9 * pool.length);
  return {
    train: pool.slice(0, nTrain),
    testIn: pool.slice(nTrain),
    testOut,
  };
}

/**
 * Fisher–Yates shuffle driven by `uniformInt(from, to)` (inclusive).
 *
 * @param values Array shuffled in place.
 * @param uniformInt Seeded integer source.
 */
export function shuffleInPlace(
  values: Int32Array,
  uniformInt: (from: number, to: number) => number,
): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = uniformInt(0, i);
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}

/** Source images and the rotation maps of one orbit size. */
export interface RotatedSource {
  /** Normalised source images, [count, 784] float32. */
  images: Float32Array;
  /** Rotation maps of the orbit, N × [784] int32. */
  maps: Int32Array[];
}

/**
 * Gathers the rotated images of `items[start..end)` into one batch.
 *
 * @param source Normalised images and rotation maps.
 * @param items Item codes a · count + i.
 * @param range Half-open [start, end) into `items`.
 * @returns [end − start, 784] row-major float32.
 */
export function gatherRotated(
  source: RotatedSource,
  items: Int32Array,
  range: { start: number; end: number },
): Float32Array {
  const count = source.images.length / PIXELS;
  const out = new Float32Array((range.end - range.start) * PIXELS);
  for (let k = range.start; k < range.end; k++) {
    const code = items[k];
    const a = Math.floor(code / count);
    const base = (code - a * count) * PIXELS;
    const map = source.maps[a];
    const row = (k - range.start) * PIXELS;
    for (let p = 0; p < PIXELS; p++) {
      const s = map[p];
      out[row + p] = s < 0 ? 0 : source.images[base + s];
    }
  }
  return out;
}

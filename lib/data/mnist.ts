/**
 * Loads one MNIST split from a directory of verified IDX files and turns
 * images into unit-range floats (paper.md 4.1).
 *
 * @module
 */

import { join } from "node:path";
import { parseIdxImages, parseIdxLabels } from "./idx.ts";
import { MNIST_SPLIT_FILES, type MnistSplit } from "./mnist_files.ts";
import { verifyFile } from "./verify.ts";

/** Pixels per MNIST image, 28 x 28. */
export const MNIST_PIXELS = 784;

/** One MNIST split in memory. */
export interface MnistSet {
  /** Images, [count, 784] row-major uint8 pixels 0–255 (28 x 28). */
  images: Uint8Array;
  /** Digit of each image, [count] uint8 in 0–9. */
  labels: Uint8Array;
  /** Number of images: 60 000 (train) or 10 000 (test). */
  count: number;
  /** Image height, 28. */
  rows: number;
  /** Image width, 28. */
  cols: number;
}

/** Options of {@link loadMnist}. */
export interface LoadMnistOptions {
  /**
   * Check size and SHA-256 against the pinned table first; default true
   * (about 0.1 s for the training set).
   */
  verify?: boolean;
}

/**
 * Reads the image and label files of `split` from `dir` (as written by
 * `obtainMnist`), verifies them against the pinned sizes and hashes
 * (paper.md 10.5) and parses them. The training split has 60 000 images
 * with the per-class counts of paper.md 4.1; the test split has 10 000.
 *
 * @param dir Directory holding the raw IDX files, e.g. `data/mnist`.
 * @param split `"train"` or `"test"`.
 * @returns Images [count, 784] uint8 and labels [count] uint8.
 * @throws {Deno.errors.NotFound} If a file is missing (run `deno task data`).
 * @throws {DataIntegrityError} If a file's size or SHA-256 is wrong.
 * @throws {IdxFormatError} If a file is not a valid 28 x 28 IDX file.
 * @throws {RangeError} If the image and label counts differ.
 */
export async function loadMnist(
  dir: string,
  split: MnistSplit,
  options: LoadMnistOptions = {},
): Promise<MnistSet> {
  const specs = MNIST_SPLIT_FILES[split];
  const imagesPath = join(dir, specs.images.name);
  const labelsPath = join(dir, specs.labels.name);
  const [imageBytes, labelBytes] = await Promise.all([
    Deno.readFile(imagesPath),
    Deno.readFile(labelsPath),
  ]);
  if (options.verify ?? true) {
    await verifyFile(imageBytes, specs.images, { source: imagesPath });
    await verifyFile(labelBytes, specs.labels, { source: labelsPath });
  }
  const parsed = parseIdxImages(imageBytes, imagesPath);
  const labels = parseIdxLabels(labelBytes, labelsPath);
  if (labels.length !== parsed.count) {
    throw new RangeError(
      `MNIST ${split}: expected as many labels as images (${parsed.count}), found ${labels.length} in ${labelsPath}; delete ${dir} and rerun \`deno task data\``,
    );
  }
  return {
    images: parsed.pixels,
    labels,
    count: parsed.count,
    rows: parsed.rows,
    cols: parsed.cols,
  };
}

/**
 * Image `index` as floats in [0, 1]: `out[p] = images[index * 784 + p] / 255`
 * (the reference's `load_images`, paper.md 4.1, in float64).
 *
 * @param images Images, [count, 784] row-major uint8.
 * @param index Image index, 0 <= index < count.
 * @param out Optional destination, Float64Array of length 784.
 * @returns `out` (or a new Float64Array(784)), row-major 28 x 28.
 * @throws {RangeError} If `images` is not [count, 784], `index` is out of
 *   range, or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { imageAsUnitFloat } from "./mnist.ts";
 * const images = new Uint8Array(2 * 784).fill(255, 784);
 * const x = imageAsUnitFloat(images, 1);
 * if (x.length !== 784 || x[0] !== 1) throw new Error();
 * ```
 */
export function imageAsUnitFloat(
  images: Uint8Array,
  index: number,
  out: Float64Array = new Float64Array(MNIST_PIXELS),
): Float64Array {
  if (images.length % MNIST_PIXELS !== 0) {
    throw new RangeError(
      `imageAsUnitFloat: expected images [count, 784], found length ${images.length} (not a multiple of 784); pass MnistSet.images`,
    );
  }
  const count = images.length / MNIST_PIXELS;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(
      `imageAsUnitFloat: expected an integer index in [0, ${count}), found ${index}; pass an index below the image count`,
    );
  }
  if (out.length !== MNIST_PIXELS) {
    throw new RangeError(
      `imageAsUnitFloat: expected out of length 784, found ${out.length}; pass a Float64Array(784)`,
    );
  }
  const offset = index * MNIST_PIXELS;
  for (let p = 0; p < MNIST_PIXELS; p++) out[p] = images[offset + p] / 255;
  return out;
}

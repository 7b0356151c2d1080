/**
 * Shared image-shape options and their validation for lib/orbits.
 *
 * @module
 */

/** Side of an MNIST image in pixels (paper.md 4.1). */
export const MNIST_SIDE = 28;

/** Shape of a row-major single-channel image. */
export interface ImageShapeOptions {
  /** Number of rows, a positive integer; default 28 (MNIST). */
  height?: number;
  /** Number of columns, a positive integer; default 28 (MNIST). */
  width?: number;
}

/** A validated image shape. */
export interface ImageShape {
  height: number;
  width: number;
}

/**
 * Resolves `options` to a shape and checks that an image of `length` pixels
 * has it.
 *
 * @throws {RangeError} If a side is not a positive integer or
 *   `length !== height * width`.
 */
export function resolveImageShape(
  length: number,
  options: ImageShapeOptions | undefined,
  caller: string,
): ImageShape {
  const height = options?.height ?? MNIST_SIDE;
  const width = options?.width ?? MNIST_SIDE;
  for (const [name, side] of [["height", height], ["width", width]] as const) {
    if (!Number.isInteger(side) || side < 1) {
      throw new RangeError(
        `${caller}: expected ${name} to be a positive integer, got ${side}; ` +
          `pass the image's number of ${
            name === "height" ? "rows" : "columns"
          }`,
      );
    }
  }
  if (length !== height * width) {
    throw new RangeError(
      `${caller}: expected an image of height * width = ${height} * ${width} ` +
        `= ${height * width} pixels, got ${length}; pass a row-major image ` +
        `and its height and width`,
    );
  }
  return { height, width };
}

/**
 * Reader and validator for the IDX files that MNIST ships in (LeCun, Cortes
 * and Burges; paper.md sections 4.1 and 10.5). An image file has a 16-byte
 * header of big-endian uint32s (magic 2051, count, rows, cols) followed by
 * `count * rows * cols` uint8 pixels, row-major; a label file has an 8-byte
 * header (magic 2049, count) followed by `count` uint8 labels 0–9.
 *
 * @module
 */

import { asciiPrefix, hexPrefix, isGzip, isHtml } from "./_sniff.ts";

/** Magic number of an IDX file of uint8 rank-3 data (images): 0x00000803. */
export const IDX_IMAGES_MAGIC = 2051;
/** Magic number of an IDX file of uint8 rank-1 data (labels): 0x00000801. */
export const IDX_LABELS_MAGIC = 2049;

/**
 * Thrown when bytes are not the IDX file they should be. Loaders catch it
 * to tell a corrupt or wrong download apart from a programming error.
 */
export class IdxFormatError extends Error {
  /** The file name or path the bytes came from. */
  readonly file: string;

  /**
   * @param file The file name or path the bytes came from.
   * @param message What was expected, what was found and how to fix it.
   */
  constructor(file: string, message: string) {
    super(message);
    this.name = "IdxFormatError";
    this.file = file;
  }
}

/** Parsed IDX image file; `pixels` is a view into the input bytes. */
export interface IdxImages {
  /** Number of images. */
  count: number;
  /** Image height in pixels. */
  rows: number;
  /** Image width in pixels. */
  cols: number;
  /** Pixels, [count, rows * cols] row-major uint8 (0–255), a view. */
  pixels: Uint8Array;
}

/** Options of {@link parseIdxImages}. */
export interface ParseIdxImagesOptions {
  /** Expected image height; default 28 (MNIST). */
  rows?: number;
  /** Expected image width; default 28 (MNIST). */
  cols?: number;
}

/**
 * Parses and validates an IDX image file (magic 2051, paper.md 4.1).
 *
 * @param bytes The whole raw (not gzipped) file.
 * @param name File name or path, used in error messages and the fix hint.
 * @returns Count, rows, cols and the pixels as a [count, rows * cols]
 *   row-major uint8 view into `bytes` (no copy).
 * @throws {IdxFormatError} If `bytes` is an HTML page or gzip data, or its
 *   magic, dimensions or length are wrong.
 *
 * @example
 * ```ts
 * import { parseIdxImages } from "./idx.ts";
 * const file = new Uint8Array([
 *   0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 7, 9,
 * ]);
 * const images = parseIdxImages(file, "tiny", { rows: 1, cols: 2 });
 * if (images.count !== 1 || images.pixels[1] !== 9) throw new Error();
 * ```
 */
export function parseIdxImages(
  bytes: Uint8Array,
  name: string,
  options: ParseIdxImagesOptions = {},
): IdxImages {
  const { rows: wantRows = 28, cols: wantCols = 28 } = options;
  const header = readHeader(bytes, name, IDX_IMAGES_MAGIC, 16);
  const count = header.getUint32(4);
  const rows = header.getUint32(8);
  const cols = header.getUint32(12);
  if (rows !== wantRows || cols !== wantCols) {
    throw new IdxFormatError(
      name,
      `${name}: expected ${wantRows} x ${wantCols} images, found ${rows} x ${cols} in the header; ${
        fixHint(name)
      }`,
    );
  }
  const size = rows * cols;
  checkLength(bytes, name, 16 + count * size, `${count} images`);
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

/**
 * Parses and validates an IDX label file (magic 2049, paper.md 4.1).
 *
 * @param bytes The whole raw (not gzipped) file.
 * @param name File name or path, used in error messages and the fix hint.
 * @returns The labels, [count] uint8 in 0–9, a view into `bytes`.
 * @throws {IdxFormatError} If `bytes` is an HTML page or gzip data, or its
 *   magic or length is wrong, or a label is above 9.
 *
 * @example
 * ```ts
 * import { parseIdxLabels } from "./idx.ts";
 * const file = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 3, 9]);
 * const labels = parseIdxLabels(file, "tiny");
 * if (labels.length !== 2 || labels[0] !== 3) throw new Error();
 * ```
 */
export function parseIdxLabels(bytes: Uint8Array, name: string): Uint8Array {
  const header = readHeader(bytes, name, IDX_LABELS_MAGIC, 8);
  const count = header.getUint32(4);
  checkLength(bytes, name, 8 + count, `${count} labels`);
  const labels = bytes.subarray(8);
  const bad = labels.findIndex((label) => label > 9);
  if (bad >= 0) {
    throw new IdxFormatError(
      name,
      `${name}: expected labels 0 to 9, found ${labels[bad]} at index ${bad}; ${
        fixHint(name)
      }`,
    );
  }
  return labels;
}

/** Checks content sniffing and the magic; returns a view of the header. */
function readHeader(
  bytes: Uint8Array,
  name: string,
  magic: number,
  headerBytes: number,
): DataView {
  if (isHtml(bytes)) {
    throw new IdxFormatError(
      name,
      `${name}: expected a raw IDX file, found an HTML page starting ${
        asciiPrefix(bytes)
      } (a download saved an error page); ${fixHint(name)}`,
    );
  }
  if (isGzip(bytes)) {
    throw new IdxFormatError(
      name,
      `${name}: expected a raw IDX file, found gzip data (magic 1f 8b); gunzip it first, or ${
        fixHint(name)
      }`,
    );
  }
  if (bytes.length < headerBytes) {
    throw new IdxFormatError(
      name,
      `${name}: expected at least a ${headerBytes}-byte IDX header, found ${bytes.length} bytes (truncated); ${
        fixHint(name)
      }`,
    );
  }
  const header = new DataView(bytes.buffer, bytes.byteOffset, headerBytes);
  const found = header.getUint32(0);
  if (found !== magic) {
    throw new IdxFormatError(
      name,
      `${name}: expected IDX magic ${magic}, found ${found} (bytes ${
        hexPrefix(bytes)
      }); ${fixHint(name)}`,
    );
  }
  return header;
}

function checkLength(
  bytes: Uint8Array,
  name: string,
  expected: number,
  what: string,
): void {
  if (bytes.length === expected) return;
  const how = bytes.length < expected
    ? "truncated"
    : `${bytes.length - expected} extra bytes`;
  throw new IdxFormatError(
    name,
    `${name}: expected ${expected} bytes for ${what}, found ${bytes.length} (${how}); ${
      fixHint(name)
    }`,
  );
}

function fixHint(name: string): string {
  const path = name.includes("/") ? name : `data/mnist/${name}`;
  return `delete ${path} and rerun \`deno task data\``;
}

/**
 * Raw float64 arrays on disk: the bytes of a Float64Array in the platform's
 * byte order (little-endian on every machine Deno supports), with atomic
 * writes.
 *
 * @module
 */
import { atomicWriteFile } from "./atomic_write.ts";

/**
 * Write `values` to `path` atomically.
 *
 * @param values Any float64 array; its shape is the caller's convention.
 */
export async function writeFloat64File(
  path: string,
  values: Float64Array,
): Promise<void> {
  await atomicWriteFile(
    path,
    new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
  );
}

/**
 * Read a file written by {@link writeFloat64File}.
 *
 * @param expectedLength Number of float64 values the caller expects.
 * @throws {RangeError} when the file holds another number of values.
 */
export async function readFloat64File(
  path: string,
  expectedLength?: number,
): Promise<Float64Array> {
  const bytes = await Deno.readFile(path);
  if (bytes.byteLength % 8 !== 0) {
    throw new RangeError(
      `Cannot read ${path} as float64: expected a multiple of 8 bytes, got ${bytes.byteLength}; delete the file and rerun the stage that wrote it`,
    );
  }
  const values = new Float64Array(
    bytes.buffer,
    bytes.byteOffset,
    bytes.byteLength / 8,
  );
  if (expectedLength !== undefined && values.length !== expectedLength) {
    throw new RangeError(
      `Cannot read ${path}: expected ${expectedLength} float64 values, got ${values.length}; delete the file and rerun the stage that wrote it`,
    );
  }
  return values;
}

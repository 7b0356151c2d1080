/**
 * Size and SHA-256 checks of data files before use (paper.md 10.5).
 *
 * @module
 */

import { sha256Hex } from "../io/sha256.ts";
import type { MnistFileSpec } from "./mnist_files.ts";

/**
 * Thrown when a file's size or SHA-256 differs from its pinned value. Data
 * tasks catch it to try another source or to ask for a fresh download.
 */
export class DataIntegrityError extends Error {
  /** The checked file's name. */
  readonly file: string;
  /** Which check failed. */
  readonly check: "size" | "sha256";
  /** The pinned value: bytes for `size`, hex digest for `sha256`. */
  readonly expected: number | string;
  /** The value found, in the same unit as `expected`. */
  readonly found: number | string;

  /**
   * @param message What was expected, what was found and how to fix it.
   * @param details The file, the failed check and both values.
   */
  constructor(
    message: string,
    details: {
      file: string;
      check: "size" | "sha256";
      expected: number | string;
      found: number | string;
    },
  ) {
    super(message);
    this.name = "DataIntegrityError";
    this.file = details.file;
    this.check = details.check;
    this.expected = details.expected;
    this.found = details.found;
  }
}

/** Options of {@link verifyFile}. */
export interface VerifyFileOptions {
  /** Path or URL the bytes came from, for messages; default `spec.name`. */
  source?: string;
  /**
   * How to fix a mismatch, for messages; default: delete the file under
   * data/mnist/ and rerun `deno task data`.
   */
  fix?: string;
}

/**
 * Checks `bytes` against a pinned size, then (only if the size matches)
 * against the pinned SHA-256.
 *
 * @param bytes The whole uncompressed file.
 * @param spec Pinned name, size in bytes and hex SHA-256.
 * @throws {DataIntegrityError} On a size or hash mismatch; the message names
 *   the file, both values and the fix.
 *
 * @example
 * ```ts
 * import { verifyFile } from "./verify.ts";
 * const spec = {
 *   name: "abc",
 *   bytes: 3,
 *   sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
 * };
 * await verifyFile(new TextEncoder().encode("abc"), spec);
 * ```
 */
export async function verifyFile(
  bytes: Uint8Array,
  spec: MnistFileSpec,
  options: VerifyFileOptions = {},
): Promise<void> {
  const source = options.source ?? spec.name;
  const fix = options.fix ??
    `delete data/mnist/${spec.name} and rerun \`deno task data\``;
  if (bytes.length !== spec.bytes) {
    throw new DataIntegrityError(
      `${source}: expected ${spec.bytes} bytes for ${spec.name}, found ${bytes.length}; ${fix}`,
      {
        file: spec.name,
        check: "size",
        expected: spec.bytes,
        found: bytes.length,
      },
    );
  }
  const found = await sha256Hex(bytes);
  if (found !== spec.sha256) {
    throw new DataIntegrityError(
      `${source}: expected SHA-256 ${spec.sha256} for ${spec.name}, found ${found}; ${fix}`,
      { file: spec.name, check: "sha256", expected: spec.sha256, found },
    );
  }
}

/**
 * Per-(model, digit, N) checkpoints of a Figure 1 run: weights, Adam
 * state, the last finished epoch and the accuracy rows so far, in one
 * file written atomically, so a rerun continues where it stopped.
 *
 * Layout: uint32 little-endian header length L, L bytes of UTF-8 JSON
 * header, zero padding to a multiple of 4, then the float32 arrays named
 * in the header's `lengths`, back to back (weights, then Adam m, then v).
 *
 * @module
 */

import { atomicWriteFile } from "../io/atomic_write.ts";
import type { AdamState } from "./adam.ts";

/** One accuracy value of Figure 1 (CSV `model,digit,n,epoch,split,accuracy`). */
export interface Fig1Row {
  /** Architecture. */
  model: string;
  /** Held-out digit, 0–9. */
  digit: number;
  /** Orbit size N. */
  n: number;
  /** Slot: 0 before training, e + 1 after epoch e (G.4). */
  epoch: number;
  /** Evaluation set. */
  split: "train" | "test_in" | "test_out";
  /** Fraction of correct argmax predictions, in [0, 1]. */
  accuracy: number;
}

/** Everything needed to resume one (model, digit, N) run. */
export interface Fig1Checkpoint {
  /** Canonical JSON of the options that must match to resume. */
  fingerprint: string;
  /** Epochs finished (0 = only the pre-training evaluation). */
  epochsDone: number;
  /** Rows for slots 0..epochsDone. */
  rows: Fig1Row[];
  /** Model variables, float32, in model order. */
  weights: Float32Array[];
  /** Adam state after `epochsDone` epochs. */
  adam: AdamState;
}

/** Header of the checkpoint file. */
interface Header {
  fingerprint: string;
  epochsDone: number;
  rows: Fig1Row[];
  adamStep: number;
  lengths: number[];
}

/**
 * Writes a checkpoint atomically (temporary file, then rename).
 *
 * @param path Destination file.
 * @param checkpoint State to save.
 */
export async function writeFig1Checkpoint(
  path: string,
  checkpoint: Fig1Checkpoint,
): Promise<void> {
  const arrays = [
    ...checkpoint.weights,
    ...checkpoint.adam.m,
    ...checkpoint.adam.v,
  ];
  const header: Header = {
    fingerprint: checkpoint.fingerprint,
    epochsDone: checkpoint.epochsDone,
    rows: checkpoint.rows,
    adamStep: checkpoint.adam.step,
    lengths: arrays.map((a) => a.length),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((4 + headerBytes.length) / 4) * 4;
  const floats = arrays.reduce((s, a) => s + a.length, 0);
  const bytes = new Uint8Array(dataStart + 4 * floats);
  new DataView(bytes.buffer).setUint32(0, headerBytes.length, true);
  bytes.set(headerBytes, 4);
  const data = new Float32Array(bytes.buffer, dataStart, floats);
  let offset = 0;
  for (const a of arrays) {
    data.set(a, offset);
    offset += a.length;
  }
  await atomicWriteFile(path, bytes);
}

/** A checkpoint file that cannot be read back: truncated, overwritten or foreign. */
export class DamagedCheckpointError extends RangeError {
  /**
   * @param path The checkpoint file.
   * @param found What was found instead, e.g. "a header that is not JSON".
   */
  constructor(readonly path: string, readonly found: string) {
    super(
      `Checkpoint ${path} is damaged: expected a Figure 1 checkpoint ` +
        `(header length, JSON header, float32 arrays), found ${found}; ` +
        "delete the file to restart this run from epoch 0",
    );
    this.name = "DamagedCheckpointError";
  }
}

/**
 * Reads a checkpoint, or returns undefined if the file does not exist.
 *
 * @param path Checkpoint file.
 * @param variableCount Number of model variables (to split the arrays).
 * @returns The checkpoint, or undefined.
 * @throws {DamagedCheckpointError} If the file is truncated, its header is
 *   not the JSON this module writes, or its arrays do not match
 *   `variableCount`.
 */
export async function readFig1Checkpoint(
  path: string,
  variableCount: number,
): Promise<Fig1Checkpoint | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
  const { header, dataStart } = parseHeader(bytes, path);
  const floats = header.lengths.reduce((s, n) => s + n, 0);
  if (
    header.lengths.length !== 3 * variableCount ||
    bytes.length !== dataStart + 4 * floats
  ) {
    throw new DamagedCheckpointError(
      path,
      `${header.lengths.length} arrays in ${bytes.length} bytes where ${
        3 * variableCount
      } arrays filling the file were expected`,
    );
  }
  const data = new Float32Array(
    bytes.slice(dataStart).buffer,
    0,
    floats,
  );
  const arrays: Float32Array[] = [];
  let offset = 0;
  for (const n of header.lengths) {
    arrays.push(data.slice(offset, offset + n));
    offset += n;
  }
  return {
    fingerprint: header.fingerprint,
    epochsDone: header.epochsDone,
    rows: header.rows,
    weights: arrays.slice(0, variableCount),
    adam: {
      step: header.adamStep,
      m: arrays.slice(variableCount, 2 * variableCount),
      v: arrays.slice(2 * variableCount),
    },
  };
}

/**
 * The JSON header of checkpoint `bytes`, checked for the fields used, and
 * the byte offset where its arrays start.
 */
function parseHeader(
  bytes: Uint8Array,
  path: string,
): { header: Header; dataStart: number } {
  if (bytes.length < 4) {
    throw new DamagedCheckpointError(path, `${bytes.length} bytes`);
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset)
    .getUint32(0, true);
  if (4 + headerLength > bytes.length) {
    throw new DamagedCheckpointError(
      path,
      `a header length of ${headerLength} bytes in a ${bytes.length}-byte file`,
    );
  }
  let header: Header;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)),
    );
  } catch (error) {
    throw new DamagedCheckpointError(
      path,
      `a header that is not JSON (${(error as Error).message})`,
    );
  }
  const valid = typeof header === "object" && header !== null &&
    Array.isArray(header.lengths) &&
    header.lengths.every((n) => Number.isInteger(n) && n >= 0) &&
    Array.isArray(header.rows) && Number.isInteger(header.epochsDone) &&
    Number.isInteger(header.adamStep) &&
    typeof header.fingerprint === "string";
  if (!valid) {
    throw new DamagedCheckpointError(path, "a header without its fields");
  }
  return { header, dataStart: Math.ceil((4 + headerLength) / 4) * 4 };
}

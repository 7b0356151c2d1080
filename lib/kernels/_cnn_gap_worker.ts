/**
 * Worker body of `cnnGramParallel` (lib/kernels/cnn.ts): receives unit
 * patches, norms and a list of image pairs, answers with the two GAP sums
 * of each pair (see `gapSums`).
 *
 * @module
 */

/// <reference lib="deno.worker" />

import { gapSums } from "./_cnn_gap_sums.ts";

/** Message to the worker. */
export interface GapTask {
  /** Unit patches, `[n·P, k²]`. */
  unit: Float64Array;
  /** Patch norms, `[n·P]`. */
  norms: Float64Array;
  /** Positions per image P. */
  pixels: number;
  /** Patch length k². */
  k2: number;
  /** Image pairs, `[m, 2]` (i, j). */
  pairs: Int32Array;
}

self.onmessage = (event: MessageEvent<GapTask>) => {
  const { unit, norms, pixels, k2, pairs } = event.data;
  const sums = new Float64Array(pairs.length);
  const out = new Float64Array(2);
  for (let e = 0; e < pairs.length; e += 2) {
    gapSums(unit, norms, { i: pairs[e], j: pairs[e + 1], pixels, k2 }, out);
    sums[e] = out[0];
    sums[e + 1] = out[1];
  }
  self.postMessage(sums, [sums.buffer]);
};

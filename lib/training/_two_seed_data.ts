/**
 * Train/test splits of the trained two-seed MLP (paper.md 4.5, G.9) and
 * their float32 batches for a chunk of pairs.
 *
 * @module
 */

/** Orbit indices of the two runs of one pair (paper.md 4.5, G.9). */
export interface TwoSeedSplits {
  /** Run 1 trains on 1..2N−1. */
  train1: number[];
  /** Run 1 tests index 0: A at identity, y = +1. */
  test1: number;
  /** Run 2 trains on 0..2N−2. */
  train2: number[];
  /** Run 2 tests index 2N−1: B at angle (N−1)·360/N, y = −1. */
  test2: number;
}

/** The index splits of both runs for orbit size N. */
export function twoSeedSplits(n: number): TwoSeedSplits {
  const size = 2 * n;
  return {
    train1: Array.from({ length: size - 1 }, (_, i) => i + 1),
    test1: 0,
    train2: Array.from({ length: size - 1 }, (_, i) => i),
    test2: size - 1,
  };
}

/** Label of interleaved orbit index i: +1 for A (even), −1 for B (odd). */
export function orbitLabel(index: number): number {
  return index % 2 === 0 ? 1 : -1;
}

/** Float32 batches of E = 2·pairs networks, networks ordered (pair, run). */
export interface TwoSeedBatch {
  /** Training inputs, [E, 2N − 1, d]. */
  xTrain: Float32Array;
  /** Training labels, [E, 2N − 1, 1]. */
  yTrain: Float32Array;
  /** Held-out input of each network, [E, 1, d]. */
  xTest: Float32Array;
}

/**
 * Gathers the batches of pairs [start, end) from the orbits.
 *
 * @param orbits Interleaved orbits, [P, 2N, d] row-major Float64Array.
 */
export function gatherTwoSeedBatch(
  orbits: Float64Array,
  range: { start: number; end: number },
  shape: { n: number; inputSize: number },
): TwoSeedBatch {
  const { n, inputSize: d } = shape;
  const splits = twoSeedSplits(n);
  const m = 2 * n - 1;
  const networks = 2 * (range.end - range.start);
  const xTrain = new Float32Array(networks * m * d);
  const yTrain = new Float32Array(networks * m);
  const xTest = new Float32Array(networks * d);
  const row = (pair: number, index: number) =>
    orbits.subarray((pair * 2 * n + index) * d, (pair * 2 * n + index + 1) * d);

  for (let pair = range.start; pair < range.end; pair++) {
    const runs = [
      { train: splits.train1, test: splits.test1 },
      { train: splits.train2, test: splits.test2 },
    ];
    runs.forEach(({ train, test }, run) => {
      const e = 2 * (pair - range.start) + run;
      train.forEach((index, i) => {
        xTrain.set(row(pair, index), (e * m + i) * d);
        yTrain[e * m + i] = orbitLabel(index);
      });
      xTest.set(row(pair, test), e * d);
    });
  }
  return { xTrain, yTrain, xTest };
}

/**
 * File layout of the orbit, kernel and analysis cache entries, shared by the
 * stages that write and read them.
 *
 * An orbits entry holds, per orbit size N, `N<N>/pairs.json` (the seeds) and
 * `N<N>/orbits.f64` ([P, 2N, 784] float64, interleaved [A0, B0, A1, ...],
 * normalised). A kernels entry holds `N<N>.f64` ([P, 2N, 2N] NTK Gram
 * matrices in the same order). An analysis entry holds `pairs.csv`.
 *
 * @module
 */
import { join } from "node:path";
import {
  readFloat64File,
  writeFloat64File,
} from "../../lib/io/float64_file.ts";

/** One seed pair: MNIST training indices and digits; A is labelled +1. */
export interface SeedPair {
  indexA: number;
  indexB: number;
  digitA: number;
  digitB: number;
}

/** The orbits of one orbit size. */
export interface OrbitSet {
  /** Orbit size N. */
  n: number;
  /** Image side length × side length = d. */
  d: number;
  pairs: SeedPair[];
  /** [P, 2N, d] row-major float64. */
  orbits: Float64Array;
}

/** Orbit sizes present in an orbits entry, ascending. */
export async function orbitSizesIn(entryDir: string): Promise<number[]> {
  const index = JSON.parse(
    await Deno.readTextFile(join(entryDir, "index.json")),
  ) as { sizes: number[] };
  return index.sizes;
}

/** Write the index of an orbits entry. */
export async function writeOrbitIndex(
  entryDir: string,
  sizes: readonly number[],
  transform: string,
): Promise<void> {
  await Deno.writeTextFile(
    join(entryDir, "index.json"),
    JSON.stringify({ transform, sizes }, null, 2),
  );
}

/** Write the orbits of one orbit size. */
export async function writeOrbitSet(entryDir: string, set: OrbitSet) {
  const dir = join(entryDir, `N${set.n}`);
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(
    join(dir, "pairs.json"),
    JSON.stringify({ n: set.n, d: set.d, pairs: set.pairs }),
  );
  await writeFloat64File(join(dir, "orbits.f64"), set.orbits);
}

/** Read the orbits of one orbit size. */
export async function readOrbitSet(
  entryDir: string,
  n: number,
): Promise<OrbitSet> {
  const dir = join(entryDir, `N${n}`);
  const meta = JSON.parse(await Deno.readTextFile(join(dir, "pairs.json"))) as {
    d: number;
    pairs: SeedPair[];
  };
  const orbits = await readFloat64File(
    join(dir, "orbits.f64"),
    meta.pairs.length * 2 * n * meta.d,
  );
  return { n, d: meta.d, pairs: meta.pairs, orbits };
}

/** Path of the [P, 2N, 2N] Gram matrices of one orbit size in a kernels entry. */
export function gramPath(entryDir: string, n: number): string {
  return join(entryDir, `N${n}.f64`);
}

/** Write the Gram matrices of one orbit size. */
export async function writeGrams(
  entryDir: string,
  n: number,
  grams: Float64Array,
) {
  await writeFloat64File(gramPath(entryDir, n), grams);
}

/**
 * Read the Gram matrices of one orbit size: `count` matrices [2N, 2N]
 * (the first `count` pairs of the orbit set).
 */
export async function readGrams(
  entryDir: string,
  n: number,
): Promise<{ count: number; grams: Float64Array }> {
  const grams = await readFloat64File(gramPath(entryDir, n));
  return { count: grams.length / (4 * n * n), grams };
}

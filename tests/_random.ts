/**
 * Seeded uniform numbers for tests and benchmarks (mulberry32), so that
 * random inputs are the same on every run.
 *
 * @module
 */

/** A generator of uniform numbers in [0, 1) from a 32-bit seed. */
export function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Deriving independent seeds from a tuple of integers.
 *
 * @module
 */

/**
 * Mixes integers into one 32-bit seed (a murmur3-style finaliser per
 * part), so every (seed, model, digit, N, epoch, step) gets its own
 * reproducible stream.
 */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

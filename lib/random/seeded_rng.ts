/**
 * Seeded random integers for the port (paper.md 10.3): a thin wrapper over
 * pure-rand's xoroshiro128+ generator and its unbiased uniform integer
 * distribution. It does not reproduce JAX's threefry stream; results are
 * meant to be compared with the reference statistically.
 *
 * @module
 */

import prand from "pure-rand";

/** Largest stream index accepted; each stream costs one 2^64-step jump. */
const MAX_STREAM = 0xffff;

/** Options of {@linkcode createSeededRng}. */
export interface SeededRngOptions {
  /**
   * Independent sub-stream index, an integer in [0, 65535]; default 0.
   * Stream k starts k xoroshiro128+ jumps (2^64 draws each) after the
   * seed's start, so streams never overlap in practice.
   */
  stream?: number;
}

/** A mutable seeded generator. */
export interface SeededRng {
  /**
   * Uniform integer in [from, to], both inclusive, without modulo bias
   * (pure-rand `uniformIntDistribution`). Advances the generator.
   */
  uniformInt(from: number, to: number): number;
}

/**
 * Creates a deterministic generator: the same (seed, stream) always yields
 * the same sequence.
 *
 * @param seed Seed, an integer in [0, 2^32).
 * @param options Sub-stream index.
 * @returns A generator whose `uniformInt` draws integers.
 * @throws {RangeError} If the seed or stream is out of range.
 *
 * @example
 * ```ts
 * import { createSeededRng } from "./seeded_rng.ts";
 * import assert from "node:assert/strict";
 *
 * const a = createSeededRng(124, { stream: 2 });
 * const b = createSeededRng(124, { stream: 2 });
 * assert.equal(a.uniformInt(0, 59999), b.uniformInt(0, 59999));
 * ```
 */
export function createSeededRng(
  seed: number,
  options?: SeededRngOptions,
): SeededRng {
  const stream = options?.stream ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new RangeError(
      `createSeededRng: expected seed to be an integer in [0, 2^32), got ` +
        `${seed}; pass e.g. 124`,
    );
  }
  if (!Number.isInteger(stream) || stream < 0 || stream > MAX_STREAM) {
    throw new RangeError(
      `createSeededRng: expected stream to be an integer in [0, ` +
        `${MAX_STREAM}], got ${stream}; pass e.g. the index of N`,
    );
  }
  const generator = prand.xoroshiro128plus(seed);
  if (generator.unsafeJump === undefined) {
    throw new Error(
      "createSeededRng: pure-rand's xoroshiro128plus has no unsafeJump; " +
        "use pure-rand 7 as pinned in deno.json",
    );
  }
  for (let k = 0; k < stream; k++) generator.unsafeJump();
  return {
    uniformInt(from: number, to: number): number {
      if (
        !Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from > to
      ) {
        throw new RangeError(
          `uniformInt: expected integers from <= to, got [${from}, ${to}]; ` +
            `pass an inclusive integer range`,
        );
      }
      return prand.unsafeUniformIntDistribution(from, to, generator);
    },
  };
}

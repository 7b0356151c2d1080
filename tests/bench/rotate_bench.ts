/**
 * Benchmarks of orbit construction (paper.md 4.4): one 28 × 28 rotation,
 * and one N = 64 rotation pair orbit (128 rotated, normalised images).
 * Run with `deno bench -A tests/bench/rotate_bench.ts`.
 */

import { buildPairOrbit } from "../../lib/orbits/orbit.ts";
import {
  rotateFromCoefficients,
  rotateImage,
  splineCoefficients,
} from "../../lib/orbits/rotate.ts";

const imageA = Float64Array.from(
  { length: 784 },
  (_, i) => (Math.sin(i * 0.37) + 1) / 2,
);
const imageB = Float64Array.from(
  { length: 784 },
  (_, i) => ((i * 7919) % 256) / 255,
);
const coeffs = splineCoefficients(imageA);
const out = new Float64Array(784);

Deno.bench("rotateImage(): one 28 x 28 image by 37.5 degrees", () => {
  rotateImage(imageA, 37.5, { out });
});

Deno.bench(
  "rotateFromCoefficients(): prefiltered 28 x 28 by 37.5 degrees",
  () => {
    rotateFromCoefficients(coeffs, 37.5, { out });
  },
);

Deno.bench("buildPairOrbit(): N = 64 rotations, 128 normalised images", () => {
  buildPairOrbit(imageA, imageB, { n: 64, transform: "rotate" });
});

/**
 * CNN Gram matrices of one N = 8 rotation pair orbit (16 MNIST-shaped 28 × 28
 * images, 136 distinct entries; paper.md 5.2, 10.2). Target (issue 5, part
 * 4): CNN-GAP under 1 s on two cores.
 *
 * Floating-point work per Gram, counting +, −, ×, ÷ and √ as one flop each:
 * - CNN-GAP: 136 image pairs × 784² = 83 591 936 position pairs, each with
 *   a 9-term dot product (17), the sin θ term (6), the inlined fdlibm
 *   arccos (~25: a 6-term numerator and 4-term denominator polynomial, one
 *   division, the range reduction) and the θ term (4): ~52 flops, so
 *   ≈ 4.3e9 flops per Gram. 1.25 s on one idle core is ≈ 3.5 GFLOP/s.
 * - CNN-FC: 136 × 784 = 106 624 position pairs × ~45 flops (dot product,
 *   atan2 maps) ≈ 4.8e6 flops.
 * Achieved rate = flops / time per iteration printed by `deno bench`.
 *
 * Images are synthetic (a blurred disc rotated with the project's rotation)
 * so the bench needs no data download; the cost does not depend on values.
 */

import { cnnGram, cnnGramParallel } from "../../lib/kernels/cnn.ts";
import { buildPairOrbit } from "../../lib/orbits/orbit.ts";

function seed(cx: number, cy: number): Float64Array {
  return Float64Array.from({ length: 784 }, (_, p) => {
    const r = Math.hypot(Math.floor(p / 28) - cy, (p % 28) - cx);
    return Math.max(0, Math.min(1, (7 - r) / 2));
  });
}

const ORBIT = buildPairOrbit(seed(12, 14), seed(15, 11), {
  n: 8,
  transform: "rotate",
});

Deno.bench({
  name: "CNN-GAP Gram, N = 8 rotation orbit (16 × 28 × 28), 2 threads",
  group: "cnn",
  baseline: true,
  n: 5,
  warmup: 1,
  fn: async () => {
    await cnnGramParallel(ORBIT, 16, { readout: "gap", workers: 2 });
  },
});

Deno.bench({
  name: "CNN-GAP Gram, N = 8 rotation orbit, 1 thread",
  group: "cnn",
  n: 3,
  warmup: 1,
  fn: () => {
    cnnGram(ORBIT, 16, { readout: "gap" });
  },
});

Deno.bench({
  name: "CNN-FC Gram, N = 8 rotation orbit (16 × 28 × 28)",
  group: "cnn",
  fn: () => {
    cnnGram(ORBIT, 16, { readout: "fc" });
  },
});

import { pairMetrics } from "../../lib/analysis/pair_metrics.ts";
import { mlpGram } from "../../lib/kernels/mlp.ts";
import { uniform } from "../_random.ts";

// One N = 64 pair orbit: 128 unit-norm images of 784 pixels.
const N = 64;
const D = 784;
const next = uniform(64);
const ORBIT = new Float64Array(2 * N * D);
for (let i = 0; i < 2 * N; i++) {
  const row = ORBIT.subarray(i * D, (i + 1) * D);
  row.forEach((_, k) => (row[k] = next() - 0.5));
  const norm = Math.sqrt(row.reduce((s, v) => s + v * v, 0));
  row.forEach((v, k) => (row[k] = v / norm));
}
const NTK = mlpGram(ORBIT, 2 * N).ntk;

Deno.bench("mlpGram 128 × 784, depth 1", () => {
  mlpGram(ORBIT, 2 * N);
});

Deno.bench("mlpGram 128 × 784, depth 5", () => {
  mlpGram(ORBIT, 2 * N, { depth: 5 });
});

Deno.bench("pairMetrics N = 64", () => {
  pairMetrics(ORBIT, NTK, { n: N, d: D });
});

/**
 * Cost of the trained two-seed MLP ensemble (paper.md 6.2) on the wasm
 * backend at N = 8 with 64 pairs (128 networks of width 512, one chunk).
 * A run is setup (weights drawn and uploaded) plus its Adam steps, so the
 * cost of one step is (time of 3 steps − time of 1 step) / 2.
 */
import { selectBackend } from "../../lib/backend/select.ts";
import { trainTwoSeedEnsemble } from "../../lib/training/two_seed_mlp.ts";
import { uniform } from "../_random.ts";

await selectBackend({ override: "wasm" });

const N = 8;
const PAIRS = 64;
const D = 784;
const next = uniform(8);
const ORBITS = Float64Array.from({ length: PAIRS * 2 * N * D }, () => next());

for (const steps of [1, 3]) {
  Deno.bench(
    `two-seed ensemble, N = 8, 64 pairs, ${steps} Adam step(s) (wasm)`,
    { group: "two-seed", baseline: steps === 1, n: 2, warmup: 0 },
    () => {
      trainTwoSeedEnsemble(ORBITS, { n: N, pairs: PAIRS, steps, seed: 1 });
    },
  );
}

/**
 * Seeded synthetic Figure 1 rows: train and test-in accuracy rise to about
 * 0.98, test-out rises with N and differs by model.
 */
import type { Figure1Row } from "../../lib/figures/fig1.ts";
import { uniform } from "../_random.ts";

/** Rows for every model, digit 0–9, N in `ns` and epoch slots 0..epochs. */
export function syntheticFig1Rows(
  options: { ns: number[]; epochs: number; seed: number; models?: string[] },
): Figure1Row[] {
  const rand = uniform(options.seed);
  const models = options.models ?? ["mlp", "cnn", "vit"];
  const rows: Figure1Row[] = [];
  models.forEach((model, m) => {
    for (const n of options.ns) {
      const outLevel = Math.min(0.95, 0.15 + 0.13 * Math.log2(n) + 0.05 * m);
      for (let digit = 0; digit < 10; digit++) {
        const jitter = 0.3 * (rand() - 0.5);
        for (let epoch = 0; epoch <= options.epochs; epoch++) {
          const progress = 1 - Math.exp(-1.5 * epoch);
          const base = 0.1 + 0.02 * rand();
          const fit = base + (0.98 - base) * progress;
          const out = base + (outLevel + jitter - base) * progress;
          rows.push(
            { model, digit, n, epoch, split: "train", accuracy: fit },
            { model, digit, n, epoch, split: "test_in", accuracy: fit - 0.01 },
            {
              model,
              digit,
              n,
              epoch,
              split: "test_out",
              accuracy: Math.min(1, Math.max(0, out)),
            },
          );
        }
      }
    }
  });
  return rows;
}

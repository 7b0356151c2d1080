/**
 * Stages `figures-<folder>`: Figure 4 panels B–E for every orbit size N and
 * a summary figure across N, as SVG (font embedded) and PNG (paper.md 7.5).
 *
 * Inputs: `analysis-<arch>`. Config: rotation.focusN, figures. Outputs:
 * `<folder>/fig4_N<N>.{svg,png}`, `<folder>/summary.{svg,png}` and
 * `index.json`, published to `figures/<folder>/`.
 *
 * @module
 */
import type { PairResult } from "../../lib/analysis/pair_result.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import { figure4 } from "../../lib/figures/fig4.ts";
import { summaryFigure } from "../../lib/figures/summary.ts";
import { FigureWriter, publishFigures } from "./_figure_files.ts";
import { readPairResults } from "./_results.ts";

/** The experiments with figures: analysis architecture and output folder. */
export const FIGURE_EXPERIMENTS = [
  { arch: "mlp1", folder: "fig4", title: "One-hidden-layer MLP NTK" },
  { arch: "mlp5", folder: "mlp5", title: "Five-hidden-layer MLP NTK" },
] as const;

/** `index.json` of a Figure 4 entry. */
export interface FigureIndex {
  /** Orbit sizes with a Figure 4 page, ascending. */
  sizes: number[];
  /** Orbit size of the main-text figure. */
  focusN: number;
  /** Entry-relative paths of every figure file. */
  files: string[];
}

/** The figures stage of one experiment of {@link FIGURE_EXPERIMENTS}. */
export function figuresStage(
  experiment: typeof FIGURE_EXPERIMENTS[number],
): Stage {
  const { arch, folder, title } = experiment;
  const analysis = `analysis-${arch}`;
  return {
    name: `figures-${folder}`,
    description: `Figure 4 panels for every N and a summary (${arch})`,
    deps: [analysis],
    module: new URL(import.meta.url),
    configSlice: (config) => ({
      focusN: config.rotation.focusN,
      figures: config.figures,
    }),
    publish: (_config, entryDir) => publishFigures(entryDir),

    async run(ctx) {
      const rows = await readPairResults(ctx.input(analysis));
      const byN = new Map<number, PairResult[]>();
      for (const row of rows) byN.set(row.n, [...byN.get(row.n) ?? [], row]);
      const sizes = [...byN.keys()].sort((a, b) => a - b);

      const writer = new FigureWriter(ctx.outDir, ctx.config.figures.pngScale);
      const progress = ctx.progress("figures", sizes.length + 1);
      for (const n of sizes) {
        const svg = figure4(byN.get(n)!, { n, transform: "rotate" });
        await writer.save(`${folder}/fig4_N${n}`, svg);
        progress.tick();
      }
      await writer.save(`${folder}/summary`, summaryFigure(byN, { title }));
      progress.tick();
      progress.done();
      await writer.writeIndex({ sizes, focusN: ctx.config.rotation.focusN });
    },
  };
}

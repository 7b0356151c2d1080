/**
 * Figure stages of the kernel experiments:
 *
 * - `figures-<folder>`: Figure 4 panels B–E for every orbit size N and a
 *   summary across N, for each experiment (paper.md 7.5; Figure 6 is the
 *   shift experiment with CNN-GAP, 7.7);
 * - `figures-fig5`: the architecture comparison at the focus N (7.6).
 *
 * SVG (font embedded) and PNG, listed in `index.json` and published under
 * `figures/`.
 *
 * @module
 */
import type { PairResult } from "../../lib/analysis/pair_result.ts";
import type { Config } from "../../lib/config/schema.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import { figure4 } from "../../lib/figures/fig4.ts";
import { figure5, FIGURE5_PANELS } from "../../lib/figures/fig5.ts";
import { summaryFigure } from "../../lib/figures/summary.ts";
import { KERNEL_EXPERIMENTS, type KernelExperiment } from "./experiments.ts";
import { FigureWriter, publishFigures } from "./_figure_files.ts";
import { readPairResults } from "./_results.ts";

/** Output folder of each experiment's figures. */
const FOLDERS: Record<string, string> = {
  "mlp1": "fig4",
  "shift-cnn-gap": "fig6",
};

/** Figure folder of an experiment: fig4, fig6, or the experiment id. */
export function figureFolder(experiment: KernelExperiment): string {
  return FOLDERS[experiment.id] ?? experiment.id;
}

/** `index.json` of an experiment's figure entry. */
export interface FigureIndex {
  /** Orbit sizes with a Figure 4 page, ascending. */
  sizes: number[];
  /** Orbit size of the main-text figure. */
  focusN: number;
  /** Entry-relative paths of every figure file. */
  files: string[];
}

function focusOf(experiment: KernelExperiment, config: Config): number {
  return experiment.transform === "rotate"
    ? config.rotation.focusN
    : config.shift.focusN;
}

function byOrbitSize(rows: PairResult[]): Map<number, PairResult[]> {
  const byN = new Map<number, PairResult[]>();
  for (const row of rows) byN.set(row.n, [...byN.get(row.n) ?? [], row]);
  return byN;
}

/** The Figure 4-style stage of one experiment. */
export function figuresStage(experiment: KernelExperiment): Stage {
  const folder = figureFolder(experiment);
  const analysis = `analysis-${experiment.id}`;
  return {
    name: `figures-${folder}`,
    description: `Figure 4 panels for every N and a summary (${experiment.id})`,
    deps: [analysis],
    module: new URL(import.meta.url),
    configSlice: (config) => ({
      focusN: focusOf(experiment, config),
      figures: config.figures,
    }),
    ownsPublishedFolders: true,
    publish: (_config, entryDir) => publishFigures(entryDir),

    async run(ctx) {
      const byN = byOrbitSize(await readPairResults(ctx.input(analysis)));
      const sizes = [...byN.keys()].sort((a, b) => a - b);
      const writer = new FigureWriter(ctx.outDir, ctx.config.figures.pngScale);
      const progress = ctx.progress("figures", sizes.length + 1);
      for (const n of sizes) {
        const svg = figure4(byN.get(n)!, {
          n,
          transform: experiment.transform,
        });
        await writer.save(`${folder}/fig4_N${n}`, svg);
        progress.tick();
      }
      const title = experiment.title[0].toUpperCase() +
        experiment.title.slice(1);
      await writer.save(`${folder}/summary`, summaryFigure(byN, { title }));
      progress.tick();
      progress.done();
      await writer.writeIndex({
        sizes,
        focusN: focusOf(experiment, ctx.config),
      });
    },
  };
}

/** The stage whose pairs.csv fills each Figure 5 panel, by letter. */
const FIGURE5_SOURCES: Record<string, string> = {
  A: "analysis-mlp1",
  B: "train-mlp1-pairs",
  C: "analysis-mlp5",
  D: "analysis-cnn-fc",
  E: "analysis-cnn-gap",
};

export const figure5Stage: Stage = {
  name: "figures-fig5",
  description: "Figure 5: exact against spectral error for five architectures",
  deps: Object.values(FIGURE5_SOURCES),
  module: new URL(import.meta.url),
  configSlice: (config) => ({
    focusN: config.rotation.focusN,
    figures: config.figures,
  }),
  ownsPublishedFolders: true,
  publish: (_config, entryDir) => publishFigures(entryDir),

  async run(ctx) {
    const focusN = ctx.config.rotation.focusN;
    const panels = [];
    for (const panel of FIGURE5_PANELS) {
      const rows = (await readPairResults(
        ctx.input(FIGURE5_SOURCES[panel.letter]),
      )).filter((row) => row.n === focusN);
      panels.push({ ...panel, rows: rows?.length ? rows : undefined });
    }
    const writer = new FigureWriter(ctx.outDir, ctx.config.figures.pngScale);
    await writer.save("fig5/fig5", figure5(panels));
    await writer.writeIndex({ focusN });
  },
};

/** Every figure stage of the kernel experiments. */
export const EXPERIMENT_FIGURE_STAGES: readonly Stage[] = [
  ...KERNEL_EXPERIMENTS.map(figuresStage),
  figure5Stage,
];

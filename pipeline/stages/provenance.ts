/**
 * Stage `provenance`: what this run used — profile, full configuration,
 * every deviation from the reference code's parameters and the pinned
 * versions — as JSON and as LaTeX macros for captions.
 *
 * Inputs: none. Config: all of it. Outputs: `provenance.json` (published to
 * `data/results/provenance.json`) and `provenance.tex`.
 *
 * @module
 */
import { join } from "node:path";
import {
  type Deviation,
  deviationsFromPaper,
} from "../../lib/config/deviations.ts";
import { chooseBackend } from "../../lib/backend/select.ts";
import type { Config } from "../../lib/config/schema.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import { escapeLatex } from "../../lib/tables/booktabs.ts";
import { readImportMap } from "../_project.ts";
import { KERNEL_EXPERIMENTS } from "./experiments.ts";
import { backendOverride } from "./_backend.ts";

export const provenanceStage: Stage = {
  name: "provenance",
  description:
    "Record the profile, config, deviations from the paper and versions",
  deps: [],
  module: new URL(import.meta.url),
  configSlice: (config) => config,
  publish: () => [
    { from: "provenance.json", to: "data/results/provenance.json" },
  ],

  toolVersions: async (config) => {
    const { compute } = await computeChoices(config);
    return { backend: compute.tfjsBackend, cnnGap: compute.cnnGapKernel };
  },

  async run(ctx) {
    const deviations = deviationsFromPaper(ctx.config);
    const { compute, reason } = await computeChoices(ctx.config);
    ctx.note(
      `compute: TensorFlow.js on ${compute.tfjsBackend} (${reason}); CNN-GAP kernel: ${compute.cnnGapKernel}`,
    );
    const provenance = {
      profile: ctx.config.profile,
      config: ctx.config,
      deviationsFromPaper: deviations,
      compute: { ...compute, reason },
      versions: { deno: Deno.version.deno, ...await readImportMap(ctx.root) },
    };
    await Deno.writeTextFile(
      join(ctx.outDir, "provenance.json"),
      JSON.stringify(provenance, null, 2) + "\n",
    );
    await Deno.writeTextFile(
      join(ctx.outDir, "provenance.tex"),
      [
        `\\newcommand{\\runprofile}{${escapeLatex(ctx.config.profile)}}`,
        `\\newcommand{\\figoneparams}{${figureOneParameters(ctx.config)}}`,
        `\\newcommand{\\twoseedparams}{${twoSeedParameters(ctx.config)}}`,
        "",
      ].join("\n"),
    );
    ctx.note(`${deviations.length} deviations from the paper recorded`);
  },
};

/**
 * Deviations as caption text: "key: used (paper: value)", separated by
 * semicolons, LaTeX-escaped.
 */
export function deviationsLatex(deviations: readonly Deviation[]): string {
  // JSON quotes would print as closing quotes in LaTeX; values read fine bare.
  const bare = (text: string) => escapeLatex(text.replaceAll('"', ""));
  return deviations
    .map((d) => `${bare(d.key)}: ${bare(d.used)} (paper: ${bare(d.paper)})`)
    .join("; ");
}

/** The Figure 1 training setup in words, for its caption. */
function figureOneParameters(config: Config): string {
  const f = config.training.fig1;
  const images = f.images === 60000 ? "all 60\\,000" : String(f.images);
  return `models ${f.models.join(", ").toUpperCase()}; held-out digits ` +
    `${f.digits.join(", ")}; $N \\in \\{${f.orbitSizes.join(", ")}\\}$; ` +
    `${images} source images; ${f.epochs} epochs of Adam ` +
    `(learning rate $10^{-3}$, betas 0.7, 0.9) with batch size ${f.batchSize}` +
    (f.maxEval > 0 ? `; evaluation sets capped at ${f.maxEval} images` : "");
}

/** The two-seed training setup in words, for captions. */
function twoSeedParameters(config: Config): string {
  const t = config.training.twoSeed;
  return `${t.maxPairs} pairs at $N \\in \\{${t.orbitSizes.join(", ")}\\}$, ` +
    `width ${t.width}, ${t.steps} full-batch Adam steps`;
}

/**
 * Where this run computes: the TensorFlow.js backend (training) and the
 * CNN-GAP kernel path, with the backend chooser's reason.
 */
async function computeChoices(config: Config) {
  const choice = await chooseBackend({ override: backendOverride(config) });
  const gap = KERNEL_EXPERIMENTS.find((e) => e.id === "cnn-gap")!;
  return {
    compute: {
      tfjsBackend: choice.name,
      cnnGapKernel: await gap.computePath!(config),
      kernelPrecision: "float64",
    },
    reason: choice.reason,
  };
}

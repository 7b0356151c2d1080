/**
 * Every stage of the pipeline, and the `deno task` names that group them.
 *
 * The DAG: data → orbits-<transform> → kernels-<id> → analysis-<id> →
 * figures-<folder>, tables → paper, for each kernel experiment <id> of
 * experiments.ts; toy → figures-theory and data → dihedral →
 * figures-dihedral for the theory; provenance feeds tables and paper.
 *
 * @module
 */
import type { Stage } from "../../lib/dag/stage.ts";
import { analysisStage } from "./analysis.ts";
import { dataStage } from "./data.ts";
import { dihedralStage } from "./dihedral.ts";
import { KERNEL_EXPERIMENTS } from "./experiments.ts";
import { EXPERIMENT_FIGURE_STAGES } from "./figures.ts";
import { kernelStage } from "./kernels.ts";
import { orbitStage } from "./orbits.ts";
import { paperStage } from "./paper.ts";
import { provenanceStage } from "./provenance.ts";
import { tablesStage } from "./tables.ts";
import { dihedralFiguresStage, theoryFiguresStage } from "./theory_figures.ts";
import { toyStage } from "./toy.ts";
import { twoSeedPairsStage, twoSeedTrainingStage } from "./train_two_seed.ts";
import { fig1FiguresStage, fig1TrainingStage } from "./train_fig1.ts";

/** All stages, upstream first. */
export const STAGES: readonly Stage[] = [
  dataStage,
  orbitStage("rotate"),
  orbitStage("shift"),
  ...KERNEL_EXPERIMENTS.map(kernelStage),
  ...KERNEL_EXPERIMENTS.map(analysisStage),
  dihedralStage,
  toyStage,
  twoSeedTrainingStage,
  twoSeedPairsStage,
  fig1TrainingStage,
  ...EXPERIMENT_FIGURE_STAGES,
  theoryFiguresStage,
  dihedralFiguresStage,
  fig1FiguresStage,
  provenanceStage,
  tablesStage,
  paperStage,
];

const byPrefix = (prefix: string) =>
  STAGES.filter((s) => s.name.startsWith(prefix)).map((s) => s.name);

/** `deno task` name → the stages it brings up to date. */
export const TASK_TARGETS: Readonly<Record<string, readonly string[]>> = {
  data: ["data"],
  orbits: byPrefix("orbits-"),
  kernels: byPrefix("kernels-"),
  analysis: [...byPrefix("analysis-"), "dihedral", "toy"],
  figures: byPrefix("figures-"),
  train: byPrefix("train-"),
  tables: ["tables"],
  paper: ["paper"],
  reproduce: STAGES.map((s) => s.name),
};

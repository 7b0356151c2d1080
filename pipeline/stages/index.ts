/**
 * Every stage of the pipeline, and the `deno task` names that group them.
 *
 * The DAG: data → orbits-rotate → kernels-<arch> → analysis-<arch> →
 * figures-<folder>, tables → paper; provenance feeds tables and paper.
 *
 * @module
 */
import type { Stage } from "../../lib/dag/stage.ts";
import { analysisStage } from "./analysis.ts";
import { dataStage } from "./data.ts";
import { dihedralStage } from "./dihedral.ts";
import { FIGURE_EXPERIMENTS, figuresStage } from "./figures.ts";
import { mlpKernelStage } from "./kernels.ts";
import { rotationOrbitsStage } from "./orbits.ts";
import { paperStage } from "./paper.ts";
import { provenanceStage } from "./provenance.ts";
import { tablesStage } from "./tables.ts";
import { dihedralFiguresStage, theoryFiguresStage } from "./theory_figures.ts";
import { toyStage } from "./toy.ts";

const ARCHITECTURES = ["mlp1", "mlp5"] as const;

/** All stages, upstream first. */
export const STAGES: readonly Stage[] = [
  dataStage,
  rotationOrbitsStage,
  ...ARCHITECTURES.map(mlpKernelStage),
  ...ARCHITECTURES.map(analysisStage),
  dihedralStage,
  toyStage,
  ...FIGURE_EXPERIMENTS.map(figuresStage),
  theoryFiguresStage,
  dihedralFiguresStage,
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
  tables: ["tables"],
  paper: ["paper"],
  reproduce: STAGES.map((s) => s.name),
};

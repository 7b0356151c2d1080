/**
 * Stages of Figure 1 (paper.md 6.1, 7.2): `train-fig1` trains the MLP, CNN
 * and ViT classifiers on rotated MNIST with the unrotated images of one
 * digit held out, for every held-out digit and orbit size, and records
 * train, test-in and test-out accuracy before training and after every
 * epoch; `figures-fig1` draws panels B and C.
 *
 * Training runs on WebGPU when a real GPU adapter exists, else wasm, and is
 * checkpointed per (model, digit, N) in the stage's resume folder, so an
 * interrupted run continues where it stopped.
 *
 * Outputs: `accuracy.csv` (columns model,digit,n,epoch,split,accuracy),
 * published to `data/results/fig1/`; `fig1/fig1.{svg,png}` under `figures/`.
 *
 * @module
 */
import { join, resolve } from "node:path";
import { chooseBackend, selectBackend } from "../../lib/backend/select.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import { loadMnist } from "../../lib/data/mnist.ts";
import { figure1, type Figure1Row } from "../../lib/figures/fig1.ts";
import { formatCsv, parseCsvRecords } from "../../lib/io/csv.ts";
import { runFig1 } from "../../lib/training/fig1_train.ts";
import type { MnistRecord } from "./data.ts";
import { FigureWriter, publishFigures } from "./_figure_files.ts";
import { backendOverride } from "./_backend.ts";

const COLUMNS = ["model", "digit", "n", "epoch", "split", "accuracy"] as const;

export const fig1TrainingStage: Stage = {
  name: "train-fig1",
  description:
    "Train MLP, CNN and ViT on partially observed rotated MNIST (Figure 1)",
  deps: ["data"],
  module: new URL(import.meta.url),
  configSlice: (config) => config.training.fig1,
  toolVersions: async (config) => ({
    backend: (await chooseBackend({ override: backendOverride(config) })).name,
  }),
  ownsPublishedFolders: true,
  publish: () => [
    { from: "accuracy.csv", to: "data/results/fig1/accuracy.csv" },
  ],

  async run(ctx) {
    const spec = ctx.config.training.fig1;
    const backend = await selectBackend({
      override: backendOverride(ctx.config),
    });
    ctx.note(`TensorFlow.js backend ${backend.name}: ${backend.reason}`);
    const record = JSON.parse(
      await Deno.readTextFile(join(ctx.input("data"), "mnist.json")),
    ) as MnistRecord;
    const mnist = await loadMnist(resolve(ctx.root, record.dir), "train");
    await Deno.mkdir(ctx.resumeDir, { recursive: true });

    // An epoch at orbit size N has N rotated copies of every source image:
    // progress counts epochs weighted by N, so the rate and ETA hold
    // across N.
    const sumN = spec.orbitSizes.reduce((a, b) => a + b, 0);
    const progress = ctx.progress(
      "epochs × N",
      spec.models.length * spec.digits.length * sumN * spec.epochs,
    );
    const rows = await runFig1({
      mnist,
      models: spec.models,
      digits: spec.digits,
      ns: spec.orbitSizes,
      epochs: spec.epochs,
      batchSize: spec.batchSize,
      images: spec.images,
      maxEval: spec.maxEval === 0 ? undefined : spec.maxEval,
      seed: spec.seed,
      checkpointDir: ctx.resumeDir,
      onNote: (message) => ctx.note(message),
      onProgress: (p) => {
        if (p.epoch === 0) return;
        // Epochs restored from a checkpoint carry no loss.
        const loss = p.resumed
          ? "resumed from checkpoint"
          : `loss ${p.loss.toFixed(3)}`;
        progress.tick(
          p.n,
          `${p.model} digit ${p.digit} N=${p.n} epoch ${p.epoch}/${p.epochs} ` +
            `${loss} test-out ${p.accuracy.testOut.toFixed(2)}`,
        );
        if (p.epoch === p.epochs) {
          ctx.note(
            `${p.model} digit ${p.digit} N=${p.n}: ${loss}, ` +
              `train ${p.accuracy.train.toFixed(2)}, test-in ${
                p.accuracy.testIn.toFixed(2)
              }, test-out ${p.accuracy.testOut.toFixed(2)}`,
          );
        }
      },
    });
    progress.done();
    await Deno.writeTextFile(
      join(ctx.outDir, "accuracy.csv"),
      formatCsv(rows, COLUMNS),
    );
  },
};

export const fig1FiguresStage: Stage = {
  name: "figures-fig1",
  description: "Figure 1: accuracy against epoch and against N",
  deps: ["train-fig1"],
  module: new URL(import.meta.url),
  configSlice: (config) => ({
    focusN: config.training.fig1.focusN,
    figures: config.figures,
  }),
  ownsPublishedFolders: true,
  publish: (_config, entryDir) => publishFigures(entryDir),

  async run(ctx) {
    const path = join(ctx.input("train-fig1"), "accuracy.csv");
    const rows = parseCsvRecords(await Deno.readTextFile(path), path).map(
      (r): Figure1Row => ({
        model: r.model,
        digit: Number(r.digit),
        n: Number(r.n),
        epoch: Number(r.epoch),
        split: r.split as Figure1Row["split"],
        accuracy: Number(r.accuracy),
      }),
    );
    const writer = new FigureWriter(ctx.outDir, ctx.config.figures.pngScale);
    await writer.save(
      "fig1/fig1",
      figure1(rows, { focusN: ctx.config.training.fig1.focusN }),
    );
    await writer.writeIndex();
  },
};

/**
 * The two-seed kernel experiments of the paper: which orbits each uses,
 * which kernel computes its Gram matrices, which pairs and orbit sizes it
 * covers, and how its results are named (the `data/results/<id>/` folder).
 *
 * | id            | orbits   | kernel (paper.md)        | figure          |
 * | ------------- | -------- | ------------------------ | --------------- |
 * | mlp1, mlp5    | rotation | ReLU MLP NTK (5.1)       | 4, 5A, 5C       |
 * | cnn-fc        | rotation | CNN, flatten (5.2)       | 5D              |
 * | cnn-gap       | rotation | CNN, global pooling      | 5E              |
 * | shift-cnn-gap | shift    | CNN, global pooling      | 6               |
 * | shift-cnn-fc  | shift    | CNN, flatten             | appendix        |
 *
 * @module
 */
import { chooseBackend, selectBackend } from "../../lib/backend/select.ts";
import type { Config } from "../../lib/config/schema.ts";
import { cnnGram, cnnGramParallel } from "../../lib/kernels/cnn.ts";
import { cnnGapGramTfjs } from "../../lib/kernels/cnn_tfjs.ts";
import { mlpGram } from "../../lib/kernels/mlp.ts";
import { backendOverride } from "./_backend.ts";

/** The group action of an experiment's orbits. */
export type OrbitTransform = "rotate" | "shift";

/** One two-seed kernel experiment. */
export interface KernelExperiment {
  /** Result folder and stage suffix. */
  id: string;
  /** Name in captions and figure titles. */
  title: string;
  transform: OrbitTransform;
  /** Spectrum normalisation of the per-pair lambdas (paper.md G.3). */
  spectrumConvention: "mlp" | "cnn";
  /** The configuration the Gram matrices depend on. */
  kernelConfig(config: Config): unknown;
  /**
   * Dotted config paths of the experiment's own settings (orbit sizes,
   * kernel, pair selection), for the deviations its captions list.
   */
  configKeys: readonly string[];
  /** Pairs and orbit sizes covered; undefined for all of them. */
  selection(
    config: Config,
  ): { maxPairs: number; maxOrbitSize: number } | undefined;
  /**
   * How the Gram matrices are computed on this machine (backend and
   * precision), part of the kernel stage's cache key.
   */
  computePath?(config: Config): Promise<string>;
  /** NTK Gram matrix [m, m] of one orbit [m, d] (row-major float64). */
  gram(config: Config, orbit: Float64Array, m: number): Promise<Float64Array>;
}

function mlpExperiment(id: "mlp1" | "mlp5", title: string): KernelExperiment {
  return {
    id,
    title,
    transform: "rotate",
    spectrumConvention: "mlp",
    kernelConfig: (config) => config.kernels[id],
    configKeys: ["rotation", `kernels.${id}`],
    selection: () => undefined,
    gram(config, orbit, m) {
      const arch = config.kernels[id];
      const { ntk } = mlpGram(orbit, m, {
        depth: arch.hiddenLayers,
        wStd: arch.wStd,
        bStd: arch.bStd,
      });
      return Promise.resolve(ntk);
    },
  };
}

/**
 * CNN-GAP Gram matrices: WebGPU through tfjs (float32 patch products with
 * float64 corrections) when the backend is WebGPU, else float64 JavaScript
 * on every core (the CPU path; lib/kernels/cnn.ts says why).
 */
async function gapPath(config: Config): Promise<"tfjs-webgpu" | "js-float64"> {
  if (config.backend === "wasm" || config.backend === "cpu") {
    return "js-float64";
  }
  const choice = await chooseBackend({ override: backendOverride(config) });
  return choice.name === "webgpu" ? "tfjs-webgpu" : "js-float64";
}

async function gapGram(
  config: Config,
  orbit: Float64Array,
  m: number,
): Promise<Float64Array> {
  const kernelSize = config.cnn.kernelSize;
  if (await gapPath(config) === "tfjs-webgpu") {
    await selectBackend({ override: "webgpu" });
    return (await cnnGapGramTfjs(orbit, m, { kernelSize })).ntk;
  }
  return (await cnnGramParallel(orbit, m, { readout: "gap", kernelSize })).ntk;
}

/**
 * CNN-GAP on shift orbits: the kernel is invariant to a cyclic shift of
 * either argument (orbit collapse, paper.md 3.7, 10.2; tested to 1e-12 in
 * tests/kernels/cnn_test.ts), so the Gram matrix is the 2 × 2 Gram of the
 * two seeds tiled over the interleaved orbit.
 */
function collapsedGapGram(config: Config, orbit: Float64Array, m: number) {
  const d = orbit.length / m;
  const seeds = orbit.slice(0, 2 * d); // A₀ and B₀ (interleaved layout)
  const { ntk: small } = cnnGram(seeds, 2, {
    readout: "gap",
    kernelSize: config.cnn.kernelSize,
  });
  const ntk = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) ntk[i * m + j] = small[(i % 2) * 2 + (j % 2)];
  }
  return ntk;
}

function fcGram(config: Config, orbit: Float64Array, m: number) {
  return Promise.resolve(
    cnnGram(orbit, m, { readout: "fc", kernelSize: config.cnn.kernelSize }).ntk,
  );
}

/** Every two-seed kernel experiment, in the order of the paper's figures. */
export const KERNEL_EXPERIMENTS: readonly KernelExperiment[] = [
  mlpExperiment("mlp1", "one-hidden-layer ReLU MLP NTK"),
  mlpExperiment("mlp5", "five-hidden-layer ReLU MLP NTK"),
  {
    id: "cnn-fc",
    title: "CNN-FC NTK (3×3 circular convolution, flatten readout)",
    transform: "rotate",
    spectrumConvention: "cnn",
    kernelConfig: (config) => config.cnn.kernelSize,
    configKeys: ["rotation", "cnn.kernelSize", "cnn.rotation.fc"],
    selection: (config) => config.cnn.rotation.fc,
    gram: fcGram,
  },
  {
    id: "cnn-gap",
    title: "CNN-GAP NTK (3×3 circular convolution, global average pooling)",
    transform: "rotate",
    spectrumConvention: "cnn",
    kernelConfig: (config) => config.cnn.kernelSize,
    configKeys: ["rotation", "cnn.kernelSize", "cnn.rotation.gap"],
    selection: (config) => config.cnn.rotation.gap,
    computePath: gapPath,
    gram: gapGram,
  },
  {
    id: "shift-cnn-gap",
    title: "CNN-GAP NTK on cyclic shifts",
    transform: "shift",
    spectrumConvention: "cnn",
    kernelConfig: (config) => config.cnn.kernelSize,
    configKeys: ["shift", "cnn.kernelSize", "cnn.shift.gap"],
    selection: (config) => config.cnn.shift.gap,
    gram: (config, orbit, m) =>
      Promise.resolve(collapsedGapGram(config, orbit, m)),
  },
  {
    id: "shift-cnn-fc",
    title: "CNN-FC NTK on cyclic shifts",
    transform: "shift",
    spectrumConvention: "cnn",
    kernelConfig: (config) => config.cnn.kernelSize,
    configKeys: ["shift", "cnn.kernelSize", "cnn.shift.fc"],
    selection: (config) => config.cnn.shift.fc,
    gram: fcGram,
  },
];

/** The orbit stage of a transform. */
export function orbitStageName(transform: OrbitTransform): string {
  return `orbits-${transform}`;
}

/**
 * The three named profiles. `paper` holds the reference code's parameters
 * (paper.md sections 4 to 6); `default` is what `deno task reproduce` runs on
 * a 2-core machine; `smoke` is the CI run.
 *
 * @module
 */
import type { Config } from "./schema.ts";

/** Names accepted by `--profile`. */
export const PROFILE_NAMES = ["smoke", "default", "paper"] as const;

/** One of {@link PROFILE_NAMES}. */
export type ProfileName = typeof PROFILE_NAMES[number];

/** The reference code's parameters (paper.md 4.3, 5.1, 3.2, 10.3). */
const PAPER: Config = {
  profile: "paper",
  seed: 124,
  data: {
    source: "npm",
    mirrors: [
      "https://ossci-datasets.s3.amazonaws.com/mnist",
      "https://storage.googleapis.com/cvdf-datasets/mnist",
    ],
    dir: "data/mnist",
  },
  pairs: { nPairs: 512, drawFactor: 1.2 },
  rotation: { orbitSizes: [2, 4, 8, 16, 32, 64], focusN: 8 },
  shift: { orbitSizes: [2, 4, 7, 14, 28], focusN: 7 },
  kernels: {
    mlp1: { hiddenLayers: 1, wStd: 1, bStd: 1 },
    mlp5: { hiddenLayers: 5, wStd: 1, bStd: 1 },
  },
  cnn: {
    kernelSize: 3,
    rotation: {
      fc: { maxPairs: 512, maxOrbitSize: 64 },
      gap: { maxPairs: 512, maxOrbitSize: 64 },
    },
    shift: {
      fc: { maxPairs: 512, maxOrbitSize: 28 },
      gap: { maxPairs: 512, maxOrbitSize: 28 },
    },
  },
  training: {
    fig1: {
      models: ["mlp", "cnn", "vit"],
      digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      orbitSizes: [2, 4, 8, 16, 32, 64],
      images: 60000,
      epochs: 22,
      batchSize: 2048,
      maxEval: 0,
      seed: 125,
      focusN: 8,
    },
    twoSeed: {
      orbitSizes: [2, 4, 8, 16, 32, 64],
      maxPairs: 512,
      steps: 2000,
      width: 512,
      learningRate: 1e-3,
    },
  },
  backend: "auto",
  analysis: { exactRidge: 1e-10, spectralRidge: 1e-5, truncation: "float32" },
  figures: { pngScale: 2 },
};

/**
 * The default profile: the paper's parameters, computed in float64 without
 * the float32 `lstsq` truncation (paper.md G.12).
 */
const DEFAULT: Config = {
  ...PAPER,
  profile: "default",
  cnn: {
    ...PAPER.cnn,
    // CNN-GAP needs all 784² position pairs per image pair (paper.md 10.2):
    // about 7 ms per Gram entry on 2 cores, so fewer pairs and N ≤ 16.
    rotation: {
      fc: { maxPairs: 512, maxOrbitSize: 32 },
      gap: { maxPairs: 64, maxOrbitSize: 16 },
    },
  },
  training: {
    // On 2 cores (wasm) one ViT step at batch 128 takes tens of seconds and
    // a CNN step at batch 2048 about a minute: the default trains the MLP
    // and the CNN on 500 source images, two held-out digits, N ≤ 16, with
    // small batches, and leaves the ViT and the full protocol to a GPU.
    fig1: {
      ...PAPER.training.fig1,
      models: ["mlp", "cnn"],
      digits: [2, 7],
      orbitSizes: [2, 4, 8, 16],
      images: 500,
      epochs: 6,
      batchSize: 32,
      maxEval: 1000,
    },
    // 512 networks × 2000 full-batch steps per N need a GPU; on 2 cores
    // (wasm, about 0.3 s per step for 16 networks) Figure 5B gets N = 8 only.
    twoSeed: {
      ...PAPER.training.twoSeed,
      orbitSizes: [8],
      maxPairs: 8,
      steps: 800,
    },
  },
  analysis: { ...PAPER.analysis, truncation: "none" },
};

/** CI profile: a few pairs and small orbits; the whole run takes seconds. */
const SMOKE: Config = {
  ...DEFAULT,
  profile: "smoke",
  pairs: { ...DEFAULT.pairs, nPairs: 24 },
  rotation: { orbitSizes: [2, 4, 8], focusN: 8 },
  shift: { orbitSizes: [2, 4, 7], focusN: 7 },
  training: {
    fig1: {
      ...DEFAULT.training.fig1,
      models: ["mlp"],
      digits: [7],
      orbitSizes: [2, 8],
      images: 200,
      epochs: 2,
      maxEval: 200,
    },
    twoSeed: { ...DEFAULT.training.twoSeed, maxPairs: 4, steps: 30 },
  },
  cnn: {
    kernelSize: 3,
    rotation: {
      fc: { maxPairs: 24, maxOrbitSize: 8 },
      gap: { maxPairs: 4, maxOrbitSize: 8 },
    },
    shift: {
      fc: { maxPairs: 24, maxOrbitSize: 7 },
      gap: { maxPairs: 24, maxOrbitSize: 7 },
    },
  },
};

const PROFILES: Record<ProfileName, Config> = {
  smoke: SMOKE,
  default: DEFAULT,
  paper: PAPER,
};

/**
 * A deep copy of a named profile.
 *
 * @param name One of {@link PROFILE_NAMES}.
 * @returns A fresh configuration object the caller may modify.
 */
export function profileConfig(name: ProfileName): Config {
  return structuredClone(PROFILES[name]);
}

/** The reference code's parameters, for recording deviations. */
export function paperConfig(): Config {
  return profileConfig("paper");
}

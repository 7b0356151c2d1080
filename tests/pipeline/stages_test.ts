import assert from "node:assert/strict";
import { join } from "node:path";
import { resolveConfig } from "../../lib/config/resolve.ts";
import { runDag } from "../../lib/dag/runner.ts";
import { parseNumericCsv } from "../../lib/io/csv.ts";
import { PROJECT_ROOT, readImportMap } from "../../pipeline/_project.ts";
import { STAGES } from "../../pipeline/stages/index.ts";
import { quietReporter } from "../_reporter.ts";

async function runStages(targets: string[], sets: string[]) {
  const scratch = await Deno.makeTempDir({ prefix: "stages-test-" });
  await runDag({
    stages: STAGES,
    targets,
    config: resolveConfig({ profile: "smoke", sets }),
    root: PROJECT_ROOT,
    publishRoot: scratch,
    cacheDir: join(scratch, "cache"),
    importMap: await readImportMap(),
    reporter: quietReporter,
  });
  return scratch;
}

Deno.test("toy stage writes both sweeps with the paper's F.1 values", async () => {
  const scratch = await runStages(["toy"], []);
  const case1 = await Deno.readTextFile(
    join(scratch, "data/results/toy/case1.csv"),
  );
  const case2 = await Deno.readTextFile(
    join(scratch, "data/results/toy/case2.csv"),
  );
  assert.equal(case1.split("\n")[0], "delta,exact,spectral");
  assert.equal(case2.split("\n")[0], "n,exact,spectral");
  const rows = parseNumericCsv(case2, ["n", "exact", "spectral"], "case2.csv");
  assert.deepEqual(rows.map((r) => r.n), [
    4,
    8,
    12,
    16,
    20,
    24,
    28,
    32,
    36,
    40,
    44,
    48,
  ]);
  const at8 = rows.find((r) => r.n === 8)!;
  assert.ok(Math.abs(at8.exact / 0.540044 - 1) < 1e-4);
  assert.ok(Math.abs(at8.spectral / 0.540049 - 1) < 1e-4);
  assert.equal(parseNumericCsv(case1, ["delta"], "case1.csv").length, 21);
  await Deno.remove(scratch, { recursive: true });
});

Deno.test("dihedral stage: group-Fourier and direct errors agree on MNIST pairs", async () => {
  const scratch = await runStages(["dihedral"], ["pairs.nPairs=6"]);
  for (const file of ["d4.csv", "c4.csv"]) {
    const text = await Deno.readTextFile(
      join(scratch, "data/results/dihedral", file),
    );
    assert.ok(
      text.startsWith("a,b,exact,spectral,correct,"),
      text.split("\n")[0],
    );
    const rows = parseNumericCsv(text, ["exact", "spectral", "correct"], file);
    assert.equal(rows.length, 6);
    for (const row of rows) {
      assert.ok(
        Math.abs(row.exact - row.spectral) <= 1e-6,
        `${row.exact} vs ${row.spectral}`,
      );
      assert.ok([0, 1, 2].includes(row.correct));
    }
  }
  await Deno.remove(scratch, { recursive: true });
});

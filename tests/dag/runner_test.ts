import assert from "node:assert/strict";
import { join } from "node:path";
import { profileConfig } from "../../lib/config/profiles.ts";
import type { Config } from "../../lib/config/schema.ts";
import type { DagReporter } from "../../lib/dag/runner.ts";
import { runDag } from "../../lib/dag/runner.ts";
import { CacheStore } from "../../lib/dag/cache_store.ts";
import type { Stage } from "../../lib/dag/stage.ts";

/**
 * A throwaway project: two stage modules on disk (so that their code is
 * hashed), a cache folder and a publish folder.
 */
async function makeProject() {
  const root = await Deno.makeTempDir({ prefix: "dag-test-" });
  const write = (name: string, body: string) =>
    Deno.writeTextFile(join(root, name), body);
  await write("helper.ts", "export const factor = 2;\n");
  await write(
    "a.ts",
    'import { factor } from "./helper.ts";\nexport { factor };\n',
  );
  await write("b.ts", "export const offset = 1;\n");
  const runs: string[] = [];
  const stageA: Stage = {
    name: "a",
    description: "writes seed * factor",
    deps: [],
    module: new URL(`file://${root}/a.ts`),
    configSlice: (c) => ({ seed: c.seed }),
    async run(ctx) {
      runs.push("a");
      // The stage's result follows the code of helper.ts, as real code would.
      const helper = await Deno.readTextFile(join(root, "helper.ts"));
      const factor = Number(helper.match(/factor = (\d+)/)![1]);
      await Deno.writeTextFile(
        join(ctx.outDir, "a.txt"),
        String(ctx.config.seed * factor),
      );
    },
  };
  const stageB: Stage = {
    name: "b",
    description: "adds nPairs to a's value",
    deps: ["a"],
    module: new URL(`file://${root}/b.ts`),
    configSlice: (c) => ({ nPairs: c.pairs.nPairs }),
    publish: () => [{ from: "b.txt", to: "out/b.txt" }],
    async run(ctx) {
      runs.push("b");
      const a = Number(await Deno.readTextFile(join(ctx.input("a"), "a.txt")));
      await Deno.writeTextFile(
        join(ctx.outDir, "b.txt"),
        String(a + ctx.config.pairs.nPairs),
      );
    },
  };
  return { root, write, runs, stages: [stageA, stageB] };
}

function recorder() {
  const events: string[] = [];
  const reporter: DagReporter = {
    cached: (stage) => events.push(`cached ${stage.name}`),
    running: (stage, reason) => events.push(`running ${stage.name}: ${reason}`),
    finished: () => {},
    note: () => {},
    progress: () => ({ tick() {}, done() {} }),
  };
  return { events, reporter };
}

async function run(
  project: Awaited<ReturnType<typeof makeProject>>,
  config: Config,
  extra: { force?: string[]; stages?: Stage[] } = {},
) {
  const { events, reporter } = recorder();
  await runDag({
    stages: extra.stages ?? project.stages,
    targets: ["b"],
    config,
    root: project.root,
    cacheDir: join(project.root, ".cache"),
    importMap: {},
    force: extra.force,
    reporter,
  });
  return events;
}

Deno.test("runDag() runs every stage once, then reuses them all", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  const first = await run(project, config);
  assert.deepEqual(first, [
    "running a: no earlier run in the cache",
    "running b: no earlier run in the cache",
  ]);
  assert.equal(
    await Deno.readTextFile(join(project.root, "out/b.txt")),
    String(config.seed * 2 + config.pairs.nPairs),
  );
  const second = await run(project, config);
  assert.deepEqual(second, ["cached a", "cached b"]);
  assert.deepEqual(project.runs, ["a", "b"]);
});

Deno.test("runDag() reruns only the stage whose config slice changed, and says why", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  config.pairs.nPairs = 7;
  const events = await run(project, config);
  assert.deepEqual(events, [
    "cached a",
    "running b: config changed: nPairs 24 -> 7",
  ]);
  assert.equal(
    await Deno.readTextFile(join(project.root, "out/b.txt")),
    String(config.seed * 2 + 7),
  );
});

Deno.test("runDag() reruns a stage and its dependents when an imported module changes", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  await project.write("helper.ts", "export const factor = 3;\n");
  const events = await run(project, config);
  assert.equal(events[0], "running a: code changed: helper.ts");
  assert.match(events[1], /^running b: input changed: a$/);
});

Deno.test("runDag() caches nothing of a failing stage", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  const failing: Stage = {
    ...project.stages[1],
    async run(ctx) {
      await Deno.writeTextFile(join(ctx.outDir, "b.txt"), "partial");
      throw new Error("disk full");
    },
  };
  await assert.rejects(
    () => run(project, config, { stages: [project.stages[0], failing] }),
    /Stage "b" failed; nothing of it was cached: disk full/,
  );
  const leftovers = [...Deno.readDirSync(join(project.root, ".cache", "b"))]
    .map((e) => e.name).filter((name) => name !== "latest");
  assert.deepEqual(leftovers, []);
  const events = await run(project, config);
  assert.deepEqual(events, [
    "cached a",
    "running b: no earlier run in the cache",
  ]);
});

const DAMAGED =
  "its cache entry for this configuration is damaged (an output file is missing or was changed)";

/** Path of `b.txt` in the entry of stage b that the latest run used. */
async function latestOutputOfB(project: { root: string }): Promise<string> {
  const cacheB = join(project.root, ".cache", "b");
  const key = (await Deno.readTextFile(join(cacheB, "latest"))).trim();
  return join(cacheB, key, "b.txt");
}

Deno.test("runDag() never trusts an entry without a complete manifest", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  // Simulate a kill mid-write: truncate an output file of the entry.
  await Deno.writeTextFile(await latestOutputOfB(project), "");
  const events = await run(project, config);
  assert.deepEqual(events, [
    "cached a",
    `running b: ${DAMAGED}`,
  ]);
});

Deno.test("runDag() rebuilds an entry whose content changed at the same size", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  const file = await latestOutputOfB(project);
  const good = await Deno.readTextFile(file);
  // Same bytes, new modification time: checked by hash and still trusted.
  await Deno.utime(file, new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(await run(project, config), ["cached a", "cached b"]);
  // Other bytes of the same length: the hash differs, the entry is rebuilt.
  await Deno.writeTextFile(file, "9".repeat(good.length));
  assert.deepEqual(await run(project, config), [
    "cached a",
    `running b: ${DAMAGED}`,
  ]);
  assert.equal(await Deno.readTextFile(file), good);
});

Deno.test("runDag() says an entry is damaged even after a run with other settings", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  await Deno.writeTextFile(await latestOutputOfB(project), "");
  const other = profileConfig("smoke");
  other.pairs.nPairs = 7;
  await run(project, other);
  // Back to the first settings: their entry exists but is damaged.
  assert.deepEqual(await run(project, config), [
    "cached a",
    `running b: ${DAMAGED}`,
  ]);
});

Deno.test("runDag() with force reruns just that stage", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  const events = await run(project, config, { force: ["a"] });
  assert.deepEqual(events, ["running a: forced by --force", "cached b"]);
  await assert.rejects(
    () => run(project, config, { force: ["nope"] }),
    /Unknown stage "nope": expected one of a, b/,
  );
});

Deno.test("runDag() keeps dependents cached when a rerun writes the same output", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  await project.write(
    "helper.ts",
    "// A comment changes the code, not the output.\nexport const factor = 2;\n",
  );
  const events = await run(project, config);
  assert.deepEqual(events, ["running a: code changed: helper.ts", "cached b"]);
});

Deno.test("runDag() reruns a stage whose staleReason rejects its entry", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  const stale: Stage = {
    ...project.stages[0],
    staleReason: () => Promise.resolve("data/mnist/file is missing"),
  };
  const events = await run(project, config, {
    stages: [stale, project.stages[1]],
  });
  assert.deepEqual(events, [
    "running a: data/mnist/file is missing",
    "cached b",
  ]);
});

Deno.test("runDag() removes temporary folders of killed runs, keeps live ones", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  const cacheA = join(project.root, ".cache", "a");
  const dead = join(cacheA, ".tmp-999999999-abc"); // no such process
  const live = join(cacheA, `.tmp-${Deno.pid}-abc`); // this process
  await Deno.mkdir(dead);
  await Deno.mkdir(live);
  await run(project, config);
  assert.equal(await Deno.stat(dead).catch(() => undefined), undefined);
  assert.ok(await Deno.stat(live));
});

Deno.test("runDag() removes files a stage no longer publishes from its folders", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  const owning: Stage = { ...project.stages[1], ownsPublishedFolders: true };
  const stages = [project.stages[0], owning];
  await run(project, config, { stages });
  const stale = join(project.root, "out/b_from_an_older_run.txt");
  await Deno.writeTextFile(stale, "old");
  await run(project, config, { stages });
  assert.equal(await Deno.stat(stale).catch(() => undefined), undefined);
  assert.ok(await Deno.stat(join(project.root, "out/b.txt")));
});

Deno.test("CacheStore.prune() keeps only the entries the latest runs used", async () => {
  const project = await makeProject();
  const config = profileConfig("smoke");
  await run(project, config);
  config.pairs.nPairs = 7;
  await run(project, config);
  const store = new CacheStore(join(project.root, ".cache"));
  const checkpoint = store.resumeDir("b", "unfinished");
  await Deno.mkdir(checkpoint, { recursive: true });
  await Deno.writeTextFile(join(checkpoint, "chunk0.json"), "[]");
  const removed = await store.prune();
  assert.equal(removed.entries, 1); // b's entry for nPairs 24
  assert.ok(removed.bytes > 0);
  assert.equal(removed.resumes, 1);
  assert.equal(await Deno.readTextFile(join(checkpoint, "chunk0.json")), "[]");
  assert.deepEqual(await run(project, config), ["cached a", "cached b"]);
});

/**
 * Bring a set of target stages up to date: walk the DAG in dependency order,
 * reuse every stage whose key (code, versions, config slice, input keys) is
 * already in the cache, run the others, and publish their outputs.
 *
 * @module
 */
import { dirname, join } from "node:path";
import type { Config } from "../config/schema.ts";
import {
  CacheStore,
  type EntryManifest,
  type KeyComponents,
} from "./cache_store.ts";
import { codeFingerprint } from "./code_hash.ts";
import { explainChange } from "./explain.ts";
import { sha256Hex } from "../io/sha256.ts";
import { canonicalJson } from "./canonical_json.ts";
import type { ProgressTicker, Stage } from "./stage.ts";

/** Where the runner reports what it decides and does (the pipeline prints it). */
export interface DagReporter {
  /** A stage is reused; `manifest` is its entry. */
  cached(stage: Stage, manifest: EntryManifest): void;
  /** A stage is about to run, and why. */
  running(stage: Stage, reason: string): void;
  /** A stage finished running after `seconds`. */
  finished(stage: Stage, seconds: number): void;
  /** A note from inside a stage. */
  note(stage: Stage, message: string): void;
  /** Progress of a long loop inside a stage. */
  progress(stage: Stage, label: string, total: number): ProgressTicker;
}

/** Options of {@link runDag}. */
export interface RunDagOptions {
  /** Every stage of the pipeline. */
  stages: readonly Stage[];
  /** The stages to bring up to date (their upstream comes along). */
  targets: readonly string[];
  config: Config;
  /** Project root (absolute path): stage modules, sources and data live here. */
  root: string;
  /** Where published outputs go (absolute path); defaults to `root`. */
  publishRoot?: string;
  /** Cache folder (absolute path). */
  cacheDir: string;
  /** deno.json `imports`, to resolve package versions. */
  importMap: Record<string, string>;
  /** Stages to rerun even when cached. */
  force?: readonly string[];
  reporter: DagReporter;
}

/**
 * Run the DAG up to `targets`.
 *
 * @returns The entry used for every stage visited, by stage name.
 * @throws {Error} for an unknown stage, a cycle, or a stage that fails (the
 * failing stage's name is in the message; nothing of it is cached).
 */
/** Why a stage reruns when its entry for this very key is unusable. */
const DAMAGED =
  "its cache entry for this configuration is damaged (an output file is missing or was changed)";

export async function runDag(
  options: RunDagOptions,
): Promise<Map<string, EntryManifest>> {
  const byName = new Map(options.stages.map((s) => [s.name, s]));
  const order = topologicalOrder(options.targets, byName);
  const store = new CacheStore(options.cacheDir);
  const rootUrl = new URL(`file://${options.root.replace(/\/?$/, "/")}`);
  const used = new Map<string, EntryManifest>();
  const forced = new Set(options.force ?? []);

  for (const name of forced) {
    if (!byName.has(name)) throw unknownStage(name, byName);
    if (!order.some((stage) => stage.name === name)) {
      throw new TypeError(
        `--force ${name}: that stage is not part of this run (${
          order.map((stage) => stage.name).join(", ")
        }); force it with a task that builds it, e.g. \`deno task reproduce --force ${name}\``,
      );
    }
  }

  for (const stage of order) {
    await store.sweepAbandoned(stage.name);
    const fingerprint = await codeFingerprint(stage.module, {
      root: rootUrl,
      importMap: options.importMap,
    });
    for (const source of stage.sources ?? []) {
      fingerprint.files[source] = await sha256Hex(
        await Deno.readFile(join(options.root, source)),
      );
    }
    const components: KeyComponents = {
      code: fingerprint.files,
      versions: {
        deno: Deno.version.deno,
        ...fingerprint.packages,
        ...await stage.toolVersions?.(options.config),
      },
      config: stage.configSlice(options.config),
      inputs: Object.fromEntries(
        stage.deps.map((dep) => [dep, used.get(dep)!.outputHash]),
      ),
    };
    const key =
      (await sha256Hex(canonicalJson({ stage: stage.name, components })))
        .slice(0, 24);

    const hit = forced.has(stage.name)
      ? undefined
      : await store.lookup(stage.name, key);
    const stale = hit && await stage.staleReason?.({
      config: options.config,
      root: options.root,
      outDir: store.entryDir(stage.name, key),
    });

    let manifest: EntryManifest;
    if (hit && !stale) {
      options.reporter.cached(stage, hit);
      manifest = hit;
    } else {
      const previous = await store.latest(stage.name);
      const reason = forced.has(stage.name)
        ? "forced by --force"
        : stale ?? (await store.isSealed(stage.name, key)
          ? DAMAGED
          : explainChange(previous?.components, components));
      options.reporter.running(stage, reason);
      manifest = await build(stage, key, components, store, options, used);
    }
    await store.setLatest(stage.name, key);
    await publish(stage, store.entryDir(stage.name, key), options);
    used.set(stage.name, manifest);
  }
  return used;
}

async function build(
  stage: Stage,
  key: string,
  components: KeyComponents,
  store: CacheStore,
  options: RunDagOptions,
  used: Map<string, EntryManifest>,
): Promise<EntryManifest> {
  const start = performance.now();
  const tmpDir = await store.beginEntry(stage.name);
  const resumeDir = store.resumeDir(stage.name, key);
  try {
    await stage.run({
      config: options.config,
      root: options.root,
      outDir: tmpDir,
      resumeDir,
      input: (dep) => {
        if (!stage.deps.includes(dep) || !used.has(dep)) {
          throw new Error(
            `Stage "${stage.name}" read the output of "${dep}", which is not ` +
              `among its dependencies (${stage.deps.join(", ") || "none"}); ` +
              `add it to the stage's deps`,
          );
        }
        return store.entryDir(dep, used.get(dep)!.key);
      },
      note: (message) => options.reporter.note(stage, message),
      progress: (label, total) =>
        options.reporter.progress(stage, label, total),
    });
    const seconds = (performance.now() - start) / 1000;
    const manifest = await store.commitEntry(tmpDir, {
      stage: stage.name,
      key,
      components,
      builtAt: new Date().toISOString(),
      seconds,
    });
    await Deno.remove(resumeDir, { recursive: true }).catch(() => {});
    options.reporter.finished(stage, seconds);
    return manifest;
  } catch (error) {
    await store.abandon(tmpDir);
    throw new Error(
      `Stage "${stage.name}" failed; nothing of it was cached: ${
        error instanceof Error ? error.message : String(error)
      }`,
      { cause: error },
    );
  }
}

/**
 * Copy published files into the project tree, atomically and only when
 * changed; in folders the stage owns, remove files it no longer publishes.
 */
async function publish(stage: Stage, entryDir: string, options: RunDagOptions) {
  const root = options.publishRoot ?? options.root;
  const publications = await stage.publish?.(options.config, entryDir) ?? [];
  const published = new Set<string>();
  for (const { from, to, optional } of publications) {
    const source = join(entryDir, from);
    if (optional && !await Deno.stat(source).catch(() => undefined)) continue;
    const dest = join(root, to);
    published.add(dest);
    const bytes = await Deno.readFile(source);
    const current = await Deno.readFile(dest).catch(() => undefined);
    if (current && equalBytes(current, bytes)) continue;
    await Deno.mkdir(dirname(dest), { recursive: true });
    const tmp = `${dest}.tmp-${crypto.randomUUID().slice(0, 8)}`;
    await Deno.writeFile(tmp, bytes);
    await Deno.rename(tmp, dest);
  }
  if (!stage.ownsPublishedFolders) return;
  for (const folder of new Set([...published].map((path) => dirname(path)))) {
    for await (const entry of Deno.readDir(folder)) {
      const path = join(folder, entry.name);
      if (entry.isFile && !published.has(path)) await Deno.remove(path);
    }
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function topologicalOrder(
  targets: readonly string[],
  byName: Map<string, Stage>,
): Stage[] {
  const order: Stage[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]) => {
    const stage = byName.get(name);
    if (!stage) throw unknownStage(name, byName);
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      throw new Error(`Stage cycle: ${[...path, name].join(" -> ")}`);
    }
    state.set(name, "visiting");
    for (const dep of stage.deps) visit(dep, [...path, name]);
    state.set(name, "done");
    order.push(stage);
  };
  for (const target of targets) visit(target, []);
  return order;
}

function unknownStage(name: string, byName: Map<string, Stage>): Error {
  return new Error(
    `Unknown stage "${name}": expected one of ${[...byName.keys()].join(", ")}`,
  );
}

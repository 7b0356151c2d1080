/**
 * Entry point of the pipeline tasks: `deno run -A pipeline/run.ts <task>
 * [--profile NAME] [--set KEY=VALUE]... [--force STAGE]...`.
 *
 * Validates every option before any work, brings the task's stages (and
 * whatever they need) up to date through the cache, and reports for each
 * stage whether it ran and why, or was cached.
 *
 * @module
 */
import { join } from "node:path";
import { ConfigError, resolveConfig } from "../lib/config/resolve.ts";
import { runDag } from "../lib/dag/runner.ts";
import { consoleReporter, formatSeconds, logLine } from "./_console.ts";
import { denoTaskArgs, parsePipelineArgs, USAGE } from "./_args.ts";
import { PROJECT_ROOT, readImportMap } from "./_project.ts";
import { STAGES, TASK_TARGETS } from "./stages/index.ts";

/** Cache folder; `SYMM_CACHE_DIR` moves it (tests use a temporary one). */
const CACHE_DIR = Deno.env.get("SYMM_CACHE_DIR") ??
  join(PROJECT_ROOT, ".cache");

async function main(): Promise<number> {
  const [task, ...rest] = Deno.args;
  const targets = TASK_TARGETS[task ?? ""];
  if (!targets) {
    logLine(
      `Unknown task "${task ?? ""}": expected one of ${
        Object.keys(TASK_TARGETS).join(", ")
      }\n\n${USAGE}`,
    );
    return 2;
  }
  // `deno task <name> ARGS` hands ARGS to the named task only; its
  // dependencies start without arguments and read them from deno task's
  // command line (pipeline/_args.ts).
  const inherited = rest.length > 0 ? [] : await denoTaskArgs();
  const isDependency = inherited.length > 0;
  const args = parsePipelineArgs(isDependency ? inherited : rest);
  if (isDependency && args.help) return 0; // the named task prints it
  if (args.help) {
    logLine(
      `${USAGE}\n\nStages:\n${
        STAGES.map((s) => `  ${s.name.padEnd(16)} ${s.description}`).join("\n")
      }`,
    );
    return 0;
  }
  const config = resolveConfig({ profile: args.profile, sets: args.sets });
  const forcedByName = args.force.flatMap((name) => forcedStages(name));
  // A dependency checks the names (so a typo stops the run before any
  // work) but leaves the rerun to the named task.
  const force = isDependency ? [] : forcedByName;

  const start = performance.now();
  logLine(
    `[${task}] profile ${config.profile}, seed ${config.seed}, ${config.pairs.nPairs} pairs, N = ${
      config.rotation.orbitSizes.join(", ")
    }`,
  );
  await runDag({
    stages: STAGES,
    targets,
    config,
    root: PROJECT_ROOT,
    cacheDir: CACHE_DIR,
    importMap: await readImportMap(),
    force,
    reporter: consoleReporter({ verboseStages: new Set(targets) }),
  });
  logLine(
    `[${task}] up to date in ${
      formatSeconds((performance.now() - start) / 1000)
    }`,
  );
  return 0;
}

/**
 * The stages `--force NAME` reruns: the stage itself, or every stage of a
 * task name (`--force orbits` means orbits-rotate and orbits-shift).
 */
function forcedStages(name: string): readonly string[] {
  if (STAGES.some((stage) => stage.name === name)) return [name];
  if (TASK_TARGETS[name] && name !== "reproduce") return TASK_TARGETS[name];
  throw new TypeError(
    `Unknown stage "${name}" for --force: expected a stage (${
      STAGES.map((s) => s.name).join(", ")
    }) or a task (${
      Object.keys(TASK_TARGETS).filter((t) => t !== "reproduce").join(", ")
    }); see \`deno task reproduce --help\``,
  );
}

// A run stopped by Ctrl-C or a kill leaves only a temporary folder, which
// is never trusted and is removed by the next run (CacheStore.sweepAbandoned);
// long stages resume from their checkpoints.
try {
  Deno.exit(await main());
} catch (error) {
  if (error instanceof ConfigError || error instanceof TypeError) {
    logLine(error.message);
    Deno.exit(2);
  }
  logLine(error instanceof Error ? error.message : String(error));
  Deno.exit(1);
}

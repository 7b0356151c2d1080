/**
 * Command-line options shared by every pipeline task, validated with zod.
 *
 * `deno task` hands arguments to the named task only; the tasks it depends
 * on run first without them. So that `deno task reproduce --profile smoke`
 * means the smoke profile for every stage, a task started by `deno task`
 * without arguments of its own takes the arguments given to `deno task`
 * (read from the parent process's command line).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { z } from "zod";

/** Validated pipeline options. */
export interface PipelineArgs {
  /** Profile name (validated later by the config). */
  profile: string;
  /** `--set key=value` overrides, in order (`--backend X` adds backend=X). */
  sets: string[];
  /** Stages to rerun even when cached. */
  force: string[];
  /** Print usage and exit. */
  help: boolean;
}

const ArgsSchema = z.strictObject({
  profile: z.string().min(1).default("default"),
  set: z.array(z.string()).default([]),
  backend: z.string().optional(),
  force: z.array(z.string()).default([]),
  help: z.boolean().default(false),
});

/** The usage text of the pipeline tasks. */
export const USAGE = `Usage: deno task <task> [options]

Options:
  --profile NAME     smoke | default | paper (default: default)
  --set KEY=VALUE    override one config value, e.g. --set pairs.nPairs=64
                     (repeatable; lists as 2,4,8 or [2,4,8])
  --force STAGE      rerun one stage even when it is cached (repeatable)
  --backend NAME     auto | webgpu | wasm | cpu (TensorFlow.js work; default
                     auto: WebGPU on a real GPU adapter, else wasm)
  --help             print this text`;

/**
 * Parse pipeline arguments.
 *
 * @throws {TypeError} for an unknown option or a missing value, with the usage.
 */
export function parsePipelineArgs(args: readonly string[]): PipelineArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        profile: { type: "string" },
        set: { type: "string", multiple: true },
        force: { type: "string", multiple: true },
        backend: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new TypeError(
      `${error instanceof Error ? error.message : error}\n\n${USAGE}`,
    );
  }
  const parsed = ArgsSchema.parse(values);
  return {
    profile: parsed.profile,
    sets: parsed.backend === undefined
      ? parsed.set
      : [...parsed.set, `backend=${parsed.backend}`],
    force: parsed.force,
    help: parsed.help,
  };
}

/** Options of `deno task` itself that take a value (`--cwd DIR`, ...). */
const DENO_TASK_VALUE_FLAGS = new Set([
  "--cwd",
  "--config",
  "-c",
  "--filter",
  "-f",
]);

/**
 * The arguments given to `deno task [FLAGS] <name> ARGS` when this process
 * was started by `deno task` (as the named task or one of its
 * dependencies), else none. A dependency validates all of them, `--force`
 * and `--help` included, but leaves those two to the named task: it neither
 * reruns a forced stage a second time nor prints the usage.
 */
export async function denoTaskArgs(): Promise<string[]> {
  return taskArgsOf(await parentCommandLine());
}

/**
 * The task arguments in a `deno task [FLAGS] <name> ARGS` command line
 * (as `/proc/<pid>/cmdline` splits it); none for any other command.
 */
export function taskArgsOf(parent: readonly string[]): string[] {
  if (!/(^|\/)deno$/.test(parent[0] ?? "") || parent[1] !== "task") return [];
  let at = 2;
  while (at < parent.length && parent[at].startsWith("-")) {
    const flag = parent[at].split("=")[0];
    at += DENO_TASK_VALUE_FLAGS.has(flag) && !parent[at].includes("=") ? 2 : 1;
  }
  return parent.slice(at + 1);
}

/**
 * The parent process's command line: from `/proc` on Linux, else from
 * `ps` (macOS, BSDs; split at spaces), else none (Windows).
 */
async function parentCommandLine(): Promise<string[]> {
  try {
    const raw = await Deno.readTextFile(`/proc/${Deno.ppid}/cmdline`);
    return raw.split("\0").filter((part) => part.length > 0);
  } catch {
    // No /proc: ask ps.
  }
  try {
    const { success, stdout } = await new Deno.Command("ps", {
      args: ["-o", "command=", "-p", String(Deno.ppid)],
      stdout: "piped",
      stderr: "null",
    }).output();
    if (!success) return [];
    return new TextDecoder().decode(stdout).trim().split(/\s+/);
  } catch {
    return [];
  }
}

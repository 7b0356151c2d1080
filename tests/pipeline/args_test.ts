import assert from "node:assert/strict";
import { parsePipelineArgs, taskArgsOf } from "../../pipeline/_args.ts";

Deno.test("taskArgsOf() hands a dependency the arguments of deno task", () => {
  assert.deepEqual(
    taskArgsOf(["deno", "task", "reproduce", "--profile", "smoke"]),
    ["--profile", "smoke"],
  );
  assert.deepEqual(
    taskArgsOf([
      "/usr/bin/deno",
      "task",
      "-q",
      "--cwd",
      "/x",
      "figures",
      "--set",
      "a=1",
    ]),
    ["--set", "a=1"],
  );
  assert.deepEqual(
    taskArgsOf(["deno", "run", "-A", "pipeline/run.ts", "data"]),
    [],
  );
  assert.deepEqual(taskArgsOf(["bash", "-c", "deno task x"]), []);
});

Deno.test("taskArgsOf() hands a dependency --force and --help to validate", () => {
  assert.deepEqual(
    taskArgsOf([
      "deno",
      "task",
      "reproduce",
      "--force",
      "orbits-rotate",
      "--profile=smoke",
      "--help",
    ]),
    ["--force", "orbits-rotate", "--profile=smoke", "--help"],
  );
});

Deno.test("parsePipelineArgs() maps --backend to a config override", () => {
  const args = parsePipelineArgs(["--backend", "wasm", "--set", "seed=1"]);
  assert.deepEqual(args.sets, ["seed=1", "backend=wasm"]);
  assert.throws(() => parsePipelineArgs(["--nope"]), TypeError);
});

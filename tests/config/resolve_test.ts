import assert from "node:assert/strict";
import {
  deviationsFor,
  deviationsFromPaper,
} from "../../lib/config/deviations.ts";
import { profileConfig } from "../../lib/config/profiles.ts";
import { ConfigError, resolveConfig } from "../../lib/config/resolve.ts";

Deno.test("resolveConfig() gives the paper's parameters in the paper profile", () => {
  const config = resolveConfig({ profile: "paper" });
  assert.equal(config.seed, 124);
  assert.equal(config.pairs.nPairs, 512);
  assert.equal(config.pairs.drawFactor, 1.2);
  assert.deepEqual(config.rotation.orbitSizes, [2, 4, 8, 16, 32, 64]);
  assert.deepEqual(config.shift.orbitSizes, [2, 4, 7, 14, 28]);
  assert.equal(config.analysis.exactRidge, 1e-10);
  assert.equal(config.analysis.spectralRidge, 1e-5);
  assert.deepEqual(config.kernels.mlp5, { hiddenLayers: 5, wStd: 1, bStd: 1 });
});

Deno.test("resolveConfig() applies --set values as JSON, lists and strings", () => {
  const config = resolveConfig({
    profile: "smoke",
    sets: [
      "pairs.nPairs=64",
      "rotation.orbitSizes=2,4,16",
      "rotation.focusN=16",
      "data.source=mirror",
      "analysis.exactRidge=1e-8",
    ],
  });
  assert.equal(config.pairs.nPairs, 64);
  assert.deepEqual(config.rotation.orbitSizes, [2, 4, 16]);
  assert.equal(config.rotation.focusN, 16);
  assert.equal(config.data.source, "mirror");
  assert.equal(config.analysis.exactRidge, 1e-8);
  assert.equal(config.profile, "smoke");
});

Deno.test("resolveConfig() error lists every invalid field with what was given", () => {
  try {
    resolveConfig({
      sets: ["pairs.nPairs=-3", "shift.orbitSizes=[3]", "data.source=ftp"],
    });
    assert.fail("expected a ConfigError");
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.match(
      error.message,
      /pairs\.nPairs: Too small: expected number to be >=1; given -3/,
    );
    assert.match(
      error.message,
      /shift\.orbitSizes\.0: a shift orbit size must divide 28 .*; given 3/,
    );
    assert.match(
      error.message,
      /data\.source: .*"npm"\|"mirror".*; given "ftp"/,
    );
  }
});

Deno.test("resolveConfig() rejects unknown keys, profiles and malformed overrides", () => {
  assert.throws(
    () => resolveConfig({ sets: ["pairs.npairs=3"] }),
    (e: Error) =>
      e instanceof ConfigError &&
      e.message.includes(
        'Unknown config key "pairs.npairs": pairs has nPairs, drawFactor',
      ),
  );
  assert.throws(
    () => resolveConfig({ profile: "huge" }),
    /Unknown profile "huge": expected one of smoke, default, paper/,
  );
  assert.throws(
    () => resolveConfig({ sets: ["nPairs"] }),
    /expected key=value/,
  );
  assert.throws(
    () => resolveConfig({ sets: ["rotation.focusN=32"], profile: "smoke" }),
    /rotation\.focusN must be one of rotation\.orbitSizes \(2, 4, 8\); given 32/,
  );
});

Deno.test("resolveConfig() refuses the profile, repeated sizes and inherited keys", () => {
  assert.throws(
    () => resolveConfig({ sets: ["profile=paper"] }),
    /The profile cannot be set with --set profile=paper; use --profile/,
  );
  assert.throws(
    () => resolveConfig({ sets: ["rotation.orbitSizes=2,2,8"] }),
    /rotation\.orbitSizes: orbit sizes must be distinct; given \[2,2,8\]/,
  );
  assert.throws(
    () => resolveConfig({ sets: ["__proto__=1"] }),
    /Unknown config key "__proto__"/,
  );
});

Deno.test("deviationsFromPaper() lists what the smoke profile changes", () => {
  const keys = deviationsFromPaper(profileConfig("smoke")).map((d) => d.key);
  assert.deepEqual(keys, [
    "method.rng",
    "method.precision",
    "pairs.nPairs",
    "rotation.orbitSizes",
    "shift.orbitSizes",
    "cnn.rotation.fc.maxPairs",
    "cnn.rotation.fc.maxOrbitSize",
    "cnn.rotation.gap.maxPairs",
    "cnn.rotation.gap.maxOrbitSize",
    "cnn.shift.fc.maxPairs",
    "cnn.shift.fc.maxOrbitSize",
    "cnn.shift.gap.maxPairs",
    "cnn.shift.gap.maxOrbitSize",
    "training.fig1.models",
    "training.fig1.digits",
    "training.fig1.orbitSizes",
    "training.fig1.images",
    "training.fig1.epochs",
    "training.fig1.batchSize",
    "training.fig1.maxEval",
    "training.twoSeed.orbitSizes",
    "training.twoSeed.maxPairs",
    "training.twoSeed.steps",
    "analysis.truncation",
  ]);
  const defaults = deviationsFromPaper(profileConfig("default"));
  assert.deepEqual(
    defaults.filter((d) => d.key.startsWith("cnn")).map((d) =>
      `${d.key}=${d.used}`
    ),
    [
      "cnn.rotation.fc.maxOrbitSize=32",
      "cnn.rotation.gap.maxPairs=64",
      "cnn.rotation.gap.maxOrbitSize=16",
    ],
  );
  const paper = deviationsFromPaper(profileConfig("paper")).map((d) => d.key);
  assert.deepEqual(paper, ["method.rng", "method.precision"]);
});

Deno.test("deviationsFor() keeps what bears on one experiment", () => {
  const keys = (prefixes: string[]) =>
    deviationsFor(profileConfig("smoke"), prefixes).map((d) => d.key);
  assert.deepEqual(keys(["shift", "cnn.kernelSize", "cnn.shift.gap"]), [
    "method.rng",
    "method.precision",
    "pairs.nPairs",
    "shift.orbitSizes",
    "cnn.shift.gap.maxPairs",
    "cnn.shift.gap.maxOrbitSize",
    "analysis.truncation",
  ]);
  assert.deepEqual(keys(["rotation", "kernels.mlp1"]), [
    "method.rng",
    "method.precision",
    "pairs.nPairs",
    "rotation.orbitSizes",
    "analysis.truncation",
  ]);
});

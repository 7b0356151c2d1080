/**
 * A DAG reporter that prints nothing, for tests that run pipeline stages.
 *
 * @module
 */
import type { DagReporter } from "../lib/dag/runner.ts";

export const quietReporter: DagReporter = {
  cached() {},
  running() {},
  finished() {},
  note() {},
  progress: () => ({ tick() {}, done() {} }),
};

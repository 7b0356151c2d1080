/**
 * The `--backend` setting as the backend chooser takes it.
 *
 * @module
 */
import type { Config } from "../../lib/config/schema.ts";

/** The backend override of a config: undefined for the automatic choice. */
export function backendOverride(config: Config): string | undefined {
  return config.backend === "auto" ? undefined : config.backend;
}

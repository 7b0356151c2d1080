/**
 * Build the run's configuration from a profile name and `--set key=value`
 * overrides, and validate it before any work starts.
 *
 * @module
 */
import type { z } from "zod";
import { type Config, ConfigSchema } from "./schema.ts";
import { PROFILE_NAMES, profileConfig, type ProfileName } from "./profiles.ts";

/** A configuration that failed validation; the message lists every problem. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Options of {@link resolveConfig}. */
export interface ResolveConfigOptions {
  /** Profile name; @default "default" */
  profile?: string;
  /** Overrides as `dotted.path=value`, applied in order. */
  sets?: readonly string[];
}

/**
 * The validated configuration for a profile plus overrides.
 *
 * A value is read as JSON when it parses (`512`, `[2,4]`, `"npm"`), as a
 * comma-separated list when the field is a list (`2,4,8`), and otherwise as a
 * plain string.
 *
 * @throws {ConfigError} for an unknown profile, an unknown key, or a value
 * the schema rejects; the message gives the field's path, what was expected,
 * what was given and how to fix it.
 */
export function resolveConfig(options: ResolveConfigOptions = {}): Config {
  const profile = options.profile ?? "default";
  if (!(PROFILE_NAMES as readonly string[]).includes(profile)) {
    throw new ConfigError(
      `Unknown profile "${profile}": expected one of ${
        PROFILE_NAMES.join(", ")
      }; pass --profile ${PROFILE_NAMES.join("|")}`,
    );
  }
  const raw: Record<string, unknown> = profileConfig(profile as ProfileName);
  for (const assignment of options.sets ?? []) applyOverride(raw, assignment);

  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(describeIssues(parsed.error.issues, raw));
  }
  return parsed.data;
}

function applyOverride(raw: Record<string, unknown>, assignment: string) {
  const eq = assignment.indexOf("=");
  if (eq <= 0) {
    throw new ConfigError(
      `Invalid --set "${assignment}": expected key=value, for example --set pairs.nPairs=64`,
    );
  }
  const path = assignment.slice(0, eq).trim().split(".");
  const text = assignment.slice(eq + 1).trim();

  if (path[0] === "profile") {
    throw new ConfigError(
      `The profile cannot be set with --set ${assignment}; use --profile ${
        PROFILE_NAMES.join("|")
      }`,
    );
  }
  let node: Record<string, unknown> = raw;
  for (const [depth, key] of path.entries()) {
    if (!Object.hasOwn(node, key)) {
      const known = Object.keys(node).join(", ");
      const where = path.slice(0, depth).join(".") || "the top level";
      throw new ConfigError(
        `Unknown config key "${path.join(".")}": ${where} has ${known}; ` +
          `fix the key in --set ${assignment}`,
      );
    }
    if (depth === path.length - 1) {
      node[key] = parseValue(text, node[key]);
    } else {
      const next = node[key];
      if (typeof next !== "object" || next === null || Array.isArray(next)) {
        throw new ConfigError(
          `Config key "${path.slice(0, depth + 1).join(".")}" is a value, ` +
            `not a group; use --set ${path.slice(0, depth + 1).join(".")}=...`,
        );
      }
      node = next as Record<string, unknown>;
    }
  }
}

function parseValue(text: string, current: unknown): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = Array.isArray(current)
      ? text.split(",").map((part) => parseValue(part.trim(), undefined))
      : text;
  }
  // A single value for a list field is a list of one.
  return Array.isArray(current) && !Array.isArray(value) ? [value] : value;
}

function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  raw: Record<string, unknown>,
): string {
  const lines = issues.map((issue) => {
    const path = issue.path.join(".") || "(top level)";
    const given = JSON.stringify(valueAt(raw, issue.path));
    return `- ${path}: ${issue.message}; given ${given}`;
  });
  return [
    "Invalid configuration:",
    ...lines,
    "Fix the --set values or the profile (see `deno task reproduce --help`).",
  ].join("\n");
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Picks and activates the TensorFlow.js backend for heavy kernel work:
 * WebGPU when `navigator.gpu` gives a real (non-fallback) adapter,
 * otherwise WebAssembly (SIMD); the pure-JS "cpu" backend only when asked
 * for by name. Returns the choice and why, so callers can log it and key
 * caches on it.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { registerWasmConv2DBackpropFilter } from "./wasm_conv_grad.ts";

/** A TensorFlow.js backend this project can run on. */
export type BackendName = "webgpu" | "wasm" | "cpu";

/** The backend picked and why. */
export interface BackendChoice {
  /** tfjs backend name. */
  name: BackendName;
  /** One sentence saying why this backend was picked. */
  reason: string;
}

/** The part of a WebGPU adapter the chooser reads. */
export interface GpuAdapterLike {
  /** Deprecated flag of older implementations. */
  isFallbackAdapter?: boolean;
  /** Adapter info; `isFallbackAdapter` and `description` are read. */
  info?: { isFallbackAdapter?: boolean; description?: string };
}

/** The part of `navigator.gpu` the chooser calls. */
export interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

/** Options of {@link chooseBackend} and {@link selectBackend}. */
export interface ChooseBackendOptions {
  /**
   * Backend asked for by name (a `--backend` option value): "wasm",
   * "webgpu" or "cpu"; default: choose automatically.
   */
  override?: string;
  /** WebGPU entry point; default `navigator.gpu` (absent: no WebGPU). */
  gpu?: GpuLike | null;
}

const NAMES: readonly BackendName[] = ["webgpu", "wasm", "cpu"];

function defaultGpu(): GpuLike | null {
  const nav = navigator as Navigator & { gpu?: GpuLike };
  return nav.gpu ?? null;
}

/** Describes the adapter `gpu` gives: null, fallback or real. */
async function probeGpu(
  gpu: GpuLike | null,
): Promise<{ real: boolean; found: boolean; what: string }> {
  if (gpu === null) {
    return { real: false, found: false, what: "navigator.gpu is absent" };
  }
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (error) {
    return {
      real: false,
      found: false,
      what: `requestAdapter() failed (${(error as Error).message})`,
    };
  }
  if (adapter === null) {
    return { real: false, found: false, what: "requestAdapter() gave null" };
  }
  const fallback = adapter.info?.isFallbackAdapter ??
    adapter.isFallbackAdapter ?? false;
  const description = adapter.info?.description || "unnamed adapter";
  return {
    real: !fallback,
    found: true,
    what: fallback
      ? `the WebGPU adapter is a fallback (software) adapter: ${description}`
      : `WebGPU adapter: ${description}`,
  };
}

/**
 * Decides which backend to use, without touching tfjs.
 *
 * - No override: "webgpu" when the adapter is real (not a fallback
 *   adapter), else "wasm".
 * - Override "webgpu": accepted when any adapter exists (a fallback one is
 *   named in the reason); "wasm" and "cpu" are always accepted.
 *
 * @param options Override and WebGPU entry point.
 * @returns The backend name and a one-sentence reason.
 * @throws {RangeError} If the override is not a known backend name.
 * @throws {Error} If "webgpu" is asked for and no adapter is available.
 *
 * @example
 * ```ts
 * import { chooseBackend } from "./select.ts";
 * import assert from "node:assert/strict";
 *
 * const choice = await chooseBackend({ gpu: null });
 * assert.equal(choice.name, "wasm");
 * ```
 */
export async function chooseBackend(
  options: ChooseBackendOptions = {},
): Promise<BackendChoice> {
  const { override } = options;
  const gpu = options.gpu === undefined ? defaultGpu() : options.gpu;
  if (override !== undefined && !NAMES.includes(override as BackendName)) {
    throw new RangeError(
      `chooseBackend: expected backend "wasm", "webgpu" or "cpu", got ` +
        `${JSON.stringify(override)}; pass one of these to --backend`,
    );
  }
  if (override === "wasm" || override === "cpu") {
    return {
      name: override,
      reason: `asked for by name (--backend ${override})`,
    };
  }
  const probe = await probeGpu(gpu);
  if (override === "webgpu") {
    if (!probe.found) {
      throw new Error(
        `chooseBackend: backend "webgpu" was asked for but is unavailable: ` +
          `${probe.what}; run on a machine with a GPU or use --backend wasm`,
      );
    }
    return { name: "webgpu", reason: `asked for by name; ${probe.what}` };
  }
  if (probe.real) return { name: "webgpu", reason: probe.what };
  return {
    name: "wasm",
    reason: `${probe.what}, so WebAssembly (SIMD) is used`,
  };
}

/**
 * {@link chooseBackend}, then registers and activates that backend in
 * tfjs (`tf.setBackend`, `tf.ready`). The wasm binaries are loaded from
 * the installed `@tensorflow/tfjs-backend-wasm` package's `dist/` folder.
 *
 * @param options Override and WebGPU entry point.
 * @returns The backend now active and why it was picked.
 * @throws {RangeError} If the override is not a known backend name.
 * @throws {Error} If the chosen backend is unavailable or fails to start.
 */
export async function selectBackend(
  options: ChooseBackendOptions = {},
): Promise<BackendChoice> {
  const choice = await chooseBackend(options);
  if (choice.name === "wasm") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const entry = import.meta.resolve("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(new URL("./", entry).href);
    registerWasmConv2DBackpropFilter();
  } else if (choice.name === "webgpu") {
    await import("@tensorflow/tfjs-backend-webgpu");
  }
  if (tf.getBackend() !== choice.name) {
    const ok = await tf.setBackend(choice.name);
    if (!ok) {
      throw new Error(
        `selectBackend: tfjs could not start backend "${choice.name}" ` +
          `(${choice.reason}); pass --backend wasm`,
      );
    }
  }
  await tf.ready();
  return choice;
}

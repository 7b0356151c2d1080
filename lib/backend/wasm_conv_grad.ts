/**
 * The `Conv2DBackpropFilter` kernel for the tfjs wasm backend, which does
 * not ship one (paper.md 10.5 "wasm limitation for CNN training"). The 2-D
 * problem is recast as a 3-D one of depth 1: x [b, h, w, c] becomes
 * [b, 1, h, w, c], dy [b, h', w', k] becomes [b, 1, h', w', k], and the
 * wasm `Conv3DBackpropFilterV2` kernel returns the filter gradient
 * [1, fh, fw, c, k], reshaped back to [fh, fw, c, k]. Stride 1 only: the
 * wasm 3-D kernel gives wrong results for larger strides.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";

/** Attributes of tfjs's `Conv2DBackpropFilter` kernel that are used here. */
interface Conv2DBackpropFilterAttrs {
  strides: number | [number, number];
  pad: unknown;
  dataFormat: "NHWC" | "NCHW";
  filterShape: [number, number, number, number];
}

/**
 * Registers `Conv2DBackpropFilter` for the `wasm` backend, once per
 * process (later calls do nothing). The kernel computes
 * dW[i, j, c, k] = Σ_{b, y, x} X[b, y + i − pT, x + j − pL, c] ·
 * dY[b, y, x, k] through the wasm `Conv3DBackpropFilterV2` kernel at
 * depth 1, in float32.
 *
 * Supported: NHWC data, stride 1, padding `"valid"` or `"same"`. Anything
 * else throws a RangeError when the gradient is requested.
 *
 * @throws {Error} When registering, if the installed wasm backend has no
 *   `Conv3DBackpropFilterV2` or `Reshape` kernel.
 */
export function registerWasmConv2DBackpropFilter(): void {
  if (tf.getKernel("Conv2DBackpropFilter", "wasm") !== undefined) return;
  const conv3d = tf.getKernel("Conv3DBackpropFilterV2", "wasm");
  const reshape = tf.getKernel("Reshape", "wasm");
  if (conv3d === undefined || reshape === undefined) {
    throw new Error(
      "registerWasmConv2DBackpropFilter: expected the wasm backend to provide Conv3DBackpropFilterV2 and Reshape, found none; import @tensorflow/tfjs-backend-wasm 4.22.0 before registering",
    );
  }
  tf.registerKernel({
    kernelName: "Conv2DBackpropFilter",
    backendName: "wasm",
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const { strides, pad, dataFormat, filterShape } =
        attrs as unknown as Conv2DBackpropFilterAttrs;
      const [strideH, strideW] = typeof strides === "number"
        ? [strides, strides]
        : strides;
      if (strideH !== 1 || strideW !== 1) {
        throw new RangeError(
          `Conv2DBackpropFilter (wasm): expected stride 1, got [${strideH}, ${strideW}]; use stride-1 convolutions (with pooling) or the cpu backend`,
        );
      }
      if (pad !== "valid" && pad !== "same") {
        throw new RangeError(
          `Conv2DBackpropFilter (wasm): expected padding "valid" or "same", got ${
            JSON.stringify(pad)
          }; use one of those or the cpu backend`,
        );
      }
      if (dataFormat !== "NHWC") {
        throw new RangeError(
          `Conv2DBackpropFilter (wasm): expected dataFormat "NHWC", got "${dataFormat}"; use channels-last tensors`,
        );
      }
      const run = (
        kernel: tf.KernelConfig,
        kernelInputs: tf.NamedTensorInfoMap,
        kernelAttrs: tf.NamedAttrMap,
      ) =>
        kernel.kernelFunc({
          inputs: kernelInputs,
          backend,
          attrs: kernelAttrs,
        }) as tf.TensorInfo;
      const x5 = run(reshape, { x }, {
        shape: [x.shape[0], 1, ...x.shape.slice(1)],
      });
      const dy5 = run(reshape, { x: dy }, {
        shape: [dy.shape[0], 1, ...dy.shape.slice(1)],
      });
      const dw5 = run(conv3d, { x: x5, dy: dy5 }, {
        strides: [1, 1, 1],
        pad,
        filterShape: [1, ...filterShape],
      });
      const dw = run(reshape, { x: dw5 }, { shape: filterShape });
      for (const info of [x5, dy5, dw5]) {
        (backend as tf.KernelBackend).disposeData(info.dataId);
      }
      return dw;
    },
  });
}

/**
 * The Figure 1 ViT (paper.md 6.1): vit-pytorch's `SimpleViT(image_size=28,
 * patch_size=4, num_classes=10, dim=256, depth=2, heads=4, mlp_dim=256,
 * channels=1)` with dim_head 64, rebuilt on tfjs ops.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { multiHeadSelfAttention } from "./attention.ts";
import {
  constantVariable,
  createUniformSource,
  torchDefaultVariable,
} from "./_init.ts";
import type { CreateModelOptions, Fig1Model } from "./fig1_model.ts";

/** Patch side in pixels; 28/4 = 7 patches per side, 49 tokens. */
const PATCH = 4;
/** Patches per image side. */
const GRID = 7;
/** Pixels per patch. */
const PATCH_DIM = 16;
/** Token width. */
const DIM = 256;
/** Transformer blocks. */
const DEPTH = 2;
/** Attention heads; head width 64, inner width 256. */
const HEADS = 4;
/** Inner attention width, heads · 64. */
const INNER = 256;
/** Feed-forward hidden width. */
const MLP_DIM = 256;
/** PyTorch's LayerNorm epsilon. */
const LN_EPS = 1e-5;

/**
 * Fixed 2-D sine-cosine position embeddings of vit-pytorch's
 * `posemb_sincos_2d(h, w, dim, temperature)`: for token t = y·w + x and
 * ω_j = temperature^(−j/(dim/4 − 1)), j < dim/4, the row is
 * [sin(x ω), cos(x ω), sin(y ω), cos(y ω)].
 *
 * @param h Patch rows.
 * @param w Patch columns.
 * @param dim Embedding width, a multiple of 4.
 * @param temperature Frequency base; 10 000 in SimpleViT.
 * @returns [h · w, dim] row-major float32.
 * @throws {RangeError} If dim is not a multiple of 4 (or is 4).
 */
export function sinCosPositionEmbedding2d(
  h: number,
  w: number,
  dim: number,
  temperature = 10000,
): Float32Array {
  if (dim % 4 !== 0 || dim < 8) {
    throw new RangeError(
      `sinCosPositionEmbedding2d: expected dim a multiple of 4 and at least 8, got ${dim}; use e.g. 256`,
    );
  }
  const quarter = dim / 4;
  const out = new Float32Array(h * w * dim);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const row = (y * w + x) * dim;
      for (let j = 0; j < quarter; j++) {
        const omega = 1 / temperature ** (j / (quarter - 1));
        out[row + j] = Math.sin(x * omega);
        out[row + quarter + j] = Math.cos(x * omega);
        out[row + 2 * quarter + j] = Math.sin(y * omega);
        out[row + 3 * quarter + j] = Math.cos(y * omega);
      }
    }
  }
  return out;
}

/** LayerNorm over the last axis with gain g and shift b (PyTorch eps). */
function layerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(
    tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, LN_EPS))), g),
    b,
  );
}

/** Exact (erf) GELU, PyTorch's default: x · (1 + erf(x/√2)) / 2. */
function gelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}

/**
 * Builds the Figure 1 ViT: 4 x 4 patches (49 tokens of 16 pixels) →
 * LayerNorm(16) → Linear(16, 256) → LayerNorm(256) → + sin-cos position
 * embedding → 2 pre-LayerNorm blocks [x += Attn(LN(x)); x += FF(LN(x))]
 * with 4 bias-free heads of width 64 (scale 1/8) and FF = Linear(256, 256)
 * → GELU → Linear(256, 256) → mean over tokens → LayerNorm → Linear(256,
 * 10) logits. PyTorch's default initialisation: Linear weights and biases
 * U(−1/√fan_in, 1/√fan_in), LayerNorm gain 1 and shift 0.
 *
 * @param options Initialisation seed.
 * @returns A model mapping [batch, 784] to [batch, 10] logits.
 */
export function createVit(options: CreateModelOptions): Fig1Model {
  const source = createUniformSource(options.seed);
  const lnPatchG = constantVariable([PATCH_DIM], 1);
  const lnPatchB = constantVariable([PATCH_DIM], 0);
  const wEmbed = torchDefaultVariable(source, [PATCH_DIM, DIM], PATCH_DIM);
  const bEmbed = torchDefaultVariable(source, [DIM], PATCH_DIM);
  const lnEmbedG = constantVariable([DIM], 1);
  const lnEmbedB = constantVariable([DIM], 0);
  const blocks = Array.from({ length: DEPTH }, () => ({
    lnAttnG: constantVariable([DIM], 1),
    lnAttnB: constantVariable([DIM], 0),
    wQkv: torchDefaultVariable(source, [DIM, 3 * INNER], DIM),
    wOut: torchDefaultVariable(source, [INNER, DIM], INNER),
    lnFfG: constantVariable([DIM], 1),
    lnFfB: constantVariable([DIM], 0),
    wFf1: torchDefaultVariable(source, [DIM, MLP_DIM], DIM),
    bFf1: torchDefaultVariable(source, [MLP_DIM], DIM),
    wFf2: torchDefaultVariable(source, [MLP_DIM, DIM], MLP_DIM),
    bFf2: torchDefaultVariable(source, [DIM], MLP_DIM),
  }));
  const lnHeadG = constantVariable([DIM], 1);
  const lnHeadB = constantVariable([DIM], 0);
  const wHead = torchDefaultVariable(source, [DIM, 10], DIM);
  const bHead = torchDefaultVariable(source, [10], DIM);
  const variables = [
    lnPatchG,
    lnPatchB,
    wEmbed,
    bEmbed,
    lnEmbedG,
    lnEmbedB,
    ...blocks.flatMap((block) => Object.values(block)),
    lnHeadG,
    lnHeadB,
    wHead,
    bHead,
  ];
  const positions = tf.keep(
    tf.tensor(sinCosPositionEmbedding2d(GRID, GRID, DIM), [GRID * GRID, DIM]),
  );
  return {
    name: "vit",
    variables,
    apply(x: tf.Tensor2D): tf.Tensor2D {
      const batch = x.shape[0];
      // "b (h p1) (w p2) -> b (h w) (p1 p2)": [b, 7, 4, 7, 4] → [b, 7, 7, 4, 4].
      const patches = tf.reshape(
        tf.transpose(tf.reshape(x, [batch, GRID, PATCH, GRID, PATCH]), [
          0,
          1,
          3,
          2,
          4,
        ]),
        [batch * GRID * GRID, PATCH_DIM],
      );
      const embedded = layerNorm(
        tf.add(
          tf.matMul(
            layerNorm(patches, lnPatchG, lnPatchB) as tf.Tensor2D,
            wEmbed,
          ),
          bEmbed,
        ),
        lnEmbedG,
        lnEmbedB,
      );
      let tokens = tf.add(
        tf.reshape(embedded, [batch, GRID * GRID, DIM]),
        positions,
      ) as tf.Tensor3D;
      for (const block of blocks) {
        const attended = multiHeadSelfAttention(
          layerNorm(tokens, block.lnAttnG, block.lnAttnB) as tf.Tensor3D,
          {
            wQkv: block.wQkv as tf.Tensor2D,
            wOut: block.wOut as tf.Tensor2D,
          },
          { heads: HEADS },
        );
        tokens = tf.add(tokens, attended);
        const normed = tf.reshape(
          layerNorm(tokens, block.lnFfG, block.lnFfB),
          [batch * GRID * GRID, DIM],
        ) as tf.Tensor2D;
        const hidden = gelu(tf.add(tf.matMul(normed, block.wFf1), block.bFf1));
        const ff = tf.add(
          tf.matMul(hidden as tf.Tensor2D, block.wFf2),
          block.bFf2,
        );
        tokens = tf.add(tokens, tf.reshape(ff, [batch, GRID * GRID, DIM]));
      }
      const pooled = layerNorm(tf.mean(tokens, 1), lnHeadG, lnHeadB);
      return tf.add(
        tf.matMul(pooled as tf.Tensor2D, wHead),
        bHead,
      ) as tf.Tensor2D;
    },
    dispose: () => tf.dispose([...variables, positions]),
  };
}

/**
 * Infinite-width ReLU MLP kernels (NTK and NNGP) in neural-tangents' "ntk"
 * parameterisation, paper.md section 5.1 (and 5.3 for per-layer biases).
 *
 * Network: `[Dense(σ_w, σ_b), Relu] × depth, Dense(σ_w, σ_b)`. All values are
 * float64; matrices are row-major `Float64Array`s.
 *
 * @module
 */

/**
 * Architecture of the ReLU MLP kernel (paper.md 5.1, 5.3).
 */
export interface MlpKernelOptions {
  /** Number of hidden Dense + ReLU blocks, an integer ≥ 0; default 1. */
  depth?: number;
  /**
   * σ_w of each Dense layer: one number for all of them, or an array of
   * length depth + 1 (hidden layers first, output layer last); default 1.
   */
  wStd?: number | readonly number[];
  /**
   * σ_b of each Dense layer: one number for all of them, or an array of
   * length depth + 1 (0 for a layer without bias, as in paper.md 5.3);
   * default 1.
   */
  bStd?: number | readonly number[];
  /**
   * Input dimension d_in that divides x·x' and ‖x‖² (neural-tangents'
   * input covariance); defaults to the feature dimension of the inputs.
   */
  dIn?: number;
}

/** Options of {@link mlpCross}: the architecture plus the feature size. */
export interface MlpCrossOptions extends MlpKernelOptions {
  /** Feature dimension d of each input row (784 for flattened MNIST). */
  d: number;
}

/** The inner products that a ReLU MLP kernel depends on. */
export interface MlpInner {
  /** x·x'. */
  dot: number;
  /** ‖x‖². */
  sqNorm1: number;
  /** ‖x'‖². */
  sqNorm2: number;
}

/** NTK and NNGP values (scalars or row-major matrices). */
export interface MlpKernelPair<T> {
  /** Neural tangent kernel Θ of the network output. */
  ntk: T;
  /** NNGP kernel Σ of the network output. */
  nngp: T;
}

interface Layers {
  depth: number;
  /** σ_w² per Dense layer, length depth + 1. */
  w2: Float64Array;
  /** σ_b² per Dense layer, length depth + 1. */
  b2: Float64Array;
  dIn: number;
}

function perLayer(
  value: number | readonly number[],
  depth: number,
  name: string,
): Float64Array {
  if (typeof value === "number") {
    return new Float64Array(depth + 1).fill(value * value);
  }
  if (value.length !== depth + 1) {
    throw new RangeError(
      `mlp kernel: expected ${name} of length depth + 1 = ${depth + 1}, ` +
        `got ${value.length}; give one value per Dense layer, output last`,
    );
  }
  return Float64Array.from(value, (s) => s * s);
}

function resolveLayers(
  options: MlpKernelOptions,
  dDefault: number | undefined,
): Layers {
  const depth = options.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 0) {
    throw new RangeError(
      `mlp kernel: expected depth to be an integer ≥ 0, got ${depth}`,
    );
  }
  const dIn = options.dIn ?? dDefault;
  if (dIn === undefined || !(dIn > 0)) {
    throw new RangeError(
      `mlp kernel: expected a positive input dimension dIn, got ${dIn}; ` +
        `pass options.dIn`,
    );
  }
  return {
    depth,
    w2: perLayer(options.wStd ?? 1, depth, "wStd"),
    b2: perLayer(options.bStd ?? 1, depth, "bStd"),
    dIn,
  };
}

/**
 * Per-point pre-activation variances q_l after each hidden Dense layer,
 * `[n, depth]` row-major, from ‖x‖² (paper.md 5.1: q ← σ_w²q + σ_b², then
 * q ← q/2 through the ReLU).
 */
function variances(sqNorms: Float64Array, layers: Layers): Float64Array {
  const { depth, w2, b2, dIn } = layers;
  const q = new Float64Array(sqNorms.length * depth);
  for (let i = 0; i < sqNorms.length; i++) {
    let v = sqNorms[i] / dIn;
    for (let l = 0; l < depth; l++) {
      v = w2[l] * v + b2[l];
      q[i * depth + l] = v;
      v /= 2;
    }
  }
  return q;
}

/**
 * Runs the layer recursion of paper.md 5.1 for one input pair and writes Θ
 * and Σ of the output into `out[0]`, `out[1]`.
 */
function recurse(
  dot: number,
  q1: Float64Array,
  q2: Float64Array,
  offsets: readonly [number, number],
  layers: Layers,
  out: Float64Array,
): void {
  const { depth, w2, b2, dIn } = layers;
  let sigma = dot / dIn;
  let theta = 0;
  for (let l = 0; l < depth; l++) {
    // Dense.
    sigma = w2[l] * sigma + b2[l];
    theta = sigma + w2[l] * theta;
    // ReLU: θ = arccos(Σ/u) = atan2(√(u² − Σ²), Σ), and u·sin θ = √(u² − Σ²).
    const u = Math.sqrt(q1[offsets[0] + l] * q2[offsets[1] + l]);
    const s = Math.sqrt(Math.max(0, (u - sigma) * (u + sigma)));
    const angle = s === 0 && sigma === 0 ? Math.PI / 2 : Math.atan2(s, sigma);
    theta *= (Math.PI - angle) / (2 * Math.PI);
    sigma = (s + (Math.PI - angle) * sigma) / (2 * Math.PI);
  }
  sigma = w2[depth] * sigma + b2[depth];
  theta = sigma + w2[depth] * theta;
  out[0] = theta;
  out[1] = sigma;
}

/**
 * ReLU MLP NTK and NNGP for one input pair, from the inner products only
 * (paper.md 5.1).
 *
 * With the defaults (depth 1, σ_w = σ_b = 1, d_in = 784), x = x' = e1 gives
 * NTK 2.00127551 and NNGP 1.50063776 (paper.md F.3).
 *
 * @param inner x·x', ‖x‖², ‖x'‖² (unitless).
 * @param options Architecture; `dIn` is required here.
 * @returns The scalar NTK and NNGP.
 * @throws {RangeError} If `dIn` is missing or the per-layer arrays have the
 * wrong length.
 */
export function mlpKernel(
  inner: MlpInner,
  options: MlpKernelOptions,
): MlpKernelPair<number> {
  const layers = resolveLayers(options, undefined);
  const q = variances(
    Float64Array.of(inner.sqNorm1, inner.sqNorm2),
    layers,
  );
  const out = new Float64Array(2);
  recurse(inner.dot, q, q, [0, layers.depth], layers, out);
  return { ntk: out[0], nngp: out[1] };
}

function checkShape(x: Float64Array, n: number, d: number, name: string) {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new RangeError(
      `mlp kernel: expected positive integer sizes for ${name}, got ` +
        `n = ${n}, d = ${d}`,
    );
  }
  if (x.length !== n * d) {
    throw new RangeError(
      `mlp kernel: expected ${name} of length n·d = ${n}·${d} = ${n * d}, ` +
        `got ${x.length}; pass a row-major [n, d] Float64Array`,
    );
  }
}

function rowSqNorms(x: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let k = i * d; k < (i + 1) * d; k++) acc += x[k] * x[k];
    out[i] = acc;
  }
  return out;
}

/**
 * ReLU MLP NTK and NNGP Gram matrices of one set of inputs (paper.md 5.1).
 *
 * Computes X Xᵀ once (upper triangle, mirrored), then applies the layer
 * recursion elementwise.
 *
 * @param x Inputs, `[n, d]` row-major Float64Array.
 * @param n Number of inputs (rows).
 * @param options Architecture; `dIn` defaults to d.
 * @returns `ntk` and `nngp`, each `[n, n]` row-major Float64Array, symmetric.
 * @throws {RangeError} If `x.length` is not a positive multiple of n, or the
 * options are invalid.
 */
export function mlpGram(
  x: Float64Array,
  n: number,
  options: MlpKernelOptions = {},
): MlpKernelPair<Float64Array> {
  const d = x.length / n;
  checkShape(x, n, d, "x");
  const layers = resolveLayers(options, d);
  const sqNorms = rowSqNorms(x, n, d);
  const q = variances(sqNorms, layers);
  const ntk = new Float64Array(n * n);
  const nngp = new Float64Array(n * n);
  const out = new Float64Array(2);

  for (let i = 0; i < n; i++) {
    const rowI = i * d;
    for (let j = i; j < n; j++) {
      let dot = 0;
      if (i === j) {
        dot = sqNorms[i];
      } else {
        const rowJ = j * d;
        for (let k = 0; k < d; k++) dot += x[rowI + k] * x[rowJ + k];
      }
      recurse(dot, q, q, [i * layers.depth, j * layers.depth], layers, out);
      ntk[i * n + j] = ntk[j * n + i] = out[0];
      nngp[i * n + j] = nngp[j * n + i] = out[1];
    }
  }
  return { ntk, nngp };
}

/**
 * ReLU MLP NTK and NNGP between two sets of inputs (paper.md 5.1).
 *
 * @param x1 First inputs, `[n1, d]` row-major Float64Array.
 * @param x2 Second inputs, `[n2, d]` row-major Float64Array.
 * @param options Architecture and the feature dimension `d`; `dIn` defaults
 * to d.
 * @returns `ntk` and `nngp`, each `[n1, n2]` row-major Float64Array.
 * @throws {RangeError} If the lengths are not multiples of d, or the options
 * are invalid.
 */
export function mlpCross(
  x1: Float64Array,
  x2: Float64Array,
  options: MlpCrossOptions,
): MlpKernelPair<Float64Array> {
  const { d } = options;
  const n1 = x1.length / d;
  const n2 = x2.length / d;
  checkShape(x1, n1, d, "x1");
  checkShape(x2, n2, d, "x2");
  const layers = resolveLayers(options, d);
  const q1 = variances(rowSqNorms(x1, n1, d), layers);
  const q2 = variances(rowSqNorms(x2, n2, d), layers);
  const ntk = new Float64Array(n1 * n2);
  const nngp = new Float64Array(n1 * n2);
  const out = new Float64Array(2);

  for (let i = 0; i < n1; i++) {
    const rowI = i * d;
    for (let j = 0; j < n2; j++) {
      const rowJ = j * d;
      let dot = 0;
      for (let k = 0; k < d; k++) dot += x1[rowI + k] * x2[rowJ + k];
      recurse(dot, q1, q2, [i * layers.depth, j * layers.depth], layers, out);
      ntk[i * n2 + j] = out[0];
      nngp[i * n2 + j] = out[1];
    }
  }
  return { ntk, nngp };
}

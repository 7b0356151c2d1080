/**
 * Adam with explicit, serialisable state (paper.md 6.1: lr 1e-3, betas
 * (0.7, 0.9)). Written out rather than using `tf.train.adam` so that a
 * checkpoint restores it bit for bit: the bias corrections 1 − β^t are
 * computed in float64 from the step count t instead of being accumulated
 * in a float32 variable.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";

/** Options of {@link createAdam}. */
export interface AdamOptions {
  /** Step size; default 1e-3. */
  learningRate?: number;
  /** First-moment decay β1; default 0.7 (paper.md 6.1). */
  beta1?: number;
  /** Second-moment decay β2; default 0.9 (paper.md 6.1). */
  beta2?: number;
  /** Denominator guard ε; default 1e-8 (PyTorch's default). */
  epsilon?: number;
}

/** Adam state: step count and one moment pair per variable. */
export interface AdamState {
  /** Steps taken so far, t. */
  step: number;
  /** First moments m, one float32 array per variable, in variable order. */
  m: Float32Array[];
  /** Second moments v, one float32 array per variable. */
  v: Float32Array[];
}

/** An Adam optimiser bound to a fixed list of variables. */
export interface Adam {
  /**
   * One step: m ← β1 m + (1 − β1) g, v ← β2 v + (1 − β2) g²,
   * θ ← θ − lr · (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε).
   *
   * @param loss Scalar loss built from the variables (called once).
   * @returns The loss before the update.
   */
  minimize(loss: () => tf.Scalar): number;
  /** Copies the state out (for a checkpoint). */
  getState(): Promise<AdamState>;
  /** Replaces the state (from a checkpoint). */
  setState(state: AdamState): void;
  /** Frees the moment tensors. */
  dispose(): void;
}

/**
 * Creates Adam for `variables` with zero moments.
 *
 * @param variables Trainable float32 variables, in a fixed order.
 * @param options Learning rate, betas and epsilon.
 * @returns The optimiser.
 */
export function createAdam(
  variables: readonly tf.Variable[],
  options: AdamOptions = {},
): Adam {
  const { learningRate = 1e-3, beta1 = 0.7, beta2 = 0.9, epsilon = 1e-8 } =
    options;
  let step = 0;
  let m: tf.Tensor[] = variables.map((x) => tf.keep(tf.zerosLike(x)));
  let v: tf.Tensor[] = variables.map((x) => tf.keep(tf.zerosLike(x)));
  return {
    minimize(loss: () => tf.Scalar): number {
      step++;
      const correction1 = 1 - beta1 ** step;
      const correction2 = 1 - beta2 ** step;
      const { value, grads } = tf.variableGrads(loss, [...variables]);
      const lossValue = value.dataSync()[0];
      const next = tf.tidy(() =>
        variables.map((x, i) => {
          const g = grads[x.name];
          const mNew = tf.add(tf.mul(m[i], beta1), tf.mul(g, 1 - beta1));
          const vNew = tf.add(
            tf.mul(v[i], beta2),
            tf.mul(tf.square(g), 1 - beta2),
          );
          const denominator = tf.add(
            tf.sqrt(tf.div(vNew, correction2)),
            epsilon,
          );
          const update = tf.mul(
            tf.div(tf.div(mNew, correction1), denominator),
            learningRate,
          );
          x.assign(tf.sub(x, update));
          return [mNew, vNew];
        })
      );
      tf.dispose([value, ...Object.values(grads), ...m, ...v]);
      m = next.map((pair) => pair[0]);
      v = next.map((pair) => pair[1]);
      return lossValue;
    },
    async getState(): Promise<AdamState> {
      return {
        step,
        m: await Promise.all(m.map((t) => t.data() as Promise<Float32Array>)),
        v: await Promise.all(v.map((t) => t.data() as Promise<Float32Array>)),
      };
    },
    setState(state: AdamState): void {
      if (state.m.length !== variables.length) {
        throw new RangeError(
          `Adam.setState: expected ${variables.length} moment arrays, got ${state.m.length}; restore a checkpoint of the same model`,
        );
      }
      tf.dispose([...m, ...v]);
      step = state.step;
      m = state.m.map((a, i) => tf.tensor(a, variables[i].shape, "float32"));
      v = state.v.map((a, i) => tf.tensor(a, variables[i].shape, "float32"));
    },
    dispose(): void {
      tf.dispose([...m, ...v]);
    },
  };
}

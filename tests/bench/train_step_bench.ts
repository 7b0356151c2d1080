/**
 * One Adam training step (paper.md 6.1 settings) of each Figure 1 model at
 * batch 128 on the tfjs wasm backend (paper.md 10.5 "Training backend").
 */
import * as tf from "@tensorflow/tfjs";
import { createFig1Model } from "../../lib/models/fig1_model.ts";
import { createAdam } from "../../lib/training/adam.ts";
import { selectBackend } from "../../lib/backend/select.ts";

const BATCH = 128;

await selectBackend({ override: "wasm" });

for (const name of ["mlp", "cnn", "vit"] as const) {
  const model = createFig1Model(name, { seed: 1 });
  const adam = createAdam(model.variables, { beta1: 0.7, beta2: 0.9 });
  const x = tf.randomUniform([BATCH, 784], 0, 0.07, "float32", 2);
  const target = tf.oneHot(
    tf.randomUniform([BATCH], 0, 10, "int32", 3) as tf.Tensor1D,
    10,
  );
  let step = 0;
  Deno.bench({
    name: `${name}: one Adam step, batch ${BATCH}, wasm`,
    // Steps take 0.1–20 s: a few timed runs are enough.
    n: 5,
    warmup: 1,
    fn: () => {
      adam.minimize(() =>
        tf.tidy(() =>
          tf.neg(tf.mean(tf.sum(
            tf.mul(
              tf.logSoftmax(
                model.apply(x as tf.Tensor2D, {
                  training: true,
                  dropoutSeed: step++,
                }),
              ),
              target,
            ),
            1,
          )))
        )
      );
    },
  });
}

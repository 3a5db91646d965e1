/**
 * Row 2: lesson 5's batch gradient descent with `GradientDescentOptimizer` (1,000 epochs on
 * 20,640 × 9, the MSE read every 100 epochs as the lesson prints it), against the hand-written
 * Float32Array loop and against eager tfjs on its wasm backend.
 */
import type { Tensor } from "@tensorflow/tfjs-core";
import * as tf from "tensorlings";
import { linearRegressionGd, linearRegressionGdUnrolled9 } from "../handwritten/linearRegressionGd";
import { interleave } from "../harness";
import type { RowResult } from "../report";
import { loadTfjs, useBackend } from "../eagerTfjs";
import { HousingData, loadHousing } from "../housing";
import type { BenchSettings } from "../settings";

const LEARNING_RATE = 0.01;
/** What the book prints at epochs 0 and 100. */
const BOOK_MSE = ["9.161542", "0.7145004"];

export async function batchGradientDescentRow(settings: BenchSettings): Promise<RowResult> {
  let data: HousingData;
  try {
    data = loadHousing();
  } catch (e) {
    return na(
      `California housing not available locally (${(e as Error).message.split("\n")[0]}); run \`npm run data\``,
    );
  }
  const epochs = settings.quick ? 100 : 1000;
  const { m, n } = data;

  // The lesson's graph, built once; each timed run opens a session, initialises and trains.
  const graph = tf.Graph();
  const model = graph.asDefault(() => {
    tf.setRandomSeed(42);
    const X = tf.constant(data.X, { dtype: tf.float32, name: "X" });
    const y = tf.constant(data.y, { dtype: tf.float32, name: "y" });
    const theta = tf.Variable(tf.randomUniform([n, 1], -1.0, 1.0, { seed: 42 }), { name: "theta" });
    const yPred = tf.matmul(X, theta, { name: "predictions" });
    const error = yPred.sub(y);
    const mse = tf.reduceMean(tf.square(error), { name: "mse" });
    const trainingOp = tf.train.GradientDescentOptimizer({ learningRate: LEARNING_RATE }).minimize(mse);
    return { theta, mse, trainingOp, init: tf.globalVariablesInitializer() };
  });
  const engine = () => {
    const sess = tf.Session({ graph });
    sess.run(model.init);
    const mses: string[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      if (epoch % 100 === 0) mses.push(String(sess.run(model.mse)));
      sess.run(model.trainingOp);
    }
    const theta = sess.run(model.theta) as tf.NDArray;
    sess.close();
    return { theta: theta.data as Float32Array, mses };
  };
  const first = engine();
  const theta0 = (() => {
    const sess = tf.Session({ graph });
    sess.run(model.init);
    const t = sess.run(model.theta) as tf.NDArray;
    sess.close();
    return t.data as Float32Array;
  })();
  const hand = linearRegressionGd(data.Xf32, data.yf32, m, n, theta0, epochs, LEARNING_RATE);
  const identical = first.theta.every((v, i) => Object.is(v, hand.theta[i]));
  const unrolled =
    n === 9
      ? () => linearRegressionGdUnrolled9(data.Xf32, data.yf32, m, theta0, epochs, LEARNING_RATE)
      : null;
  const unrolledIdentical = unrolled ? unrolled().theta.every((v, i) => Object.is(v, hand.theta[i])) : false;

  const etf = await loadTfjs();
  const eager = () =>
    etf.tidy(() => {
      const X = etf.tensor2d(data.Xf32, [m, n]);
      const y = etf.tensor2d(data.yf32, [m, 1]);
      let theta: Tensor = etf.tensor2d(theta0, [n, 1]);
      const mses: number[] = [];
      for (let epoch = 0; epoch < epochs; epoch++) {
        const next = etf.tidy(() => {
          const error = etf.sub(etf.matMul(X, theta), y);
          if (epoch % 100 === 0) mses.push(etf.mean(etf.square(error)).dataSync()[0]);
          const gradients = etf.mul(etf.matMul(X, error, true, false), 2 / m);
          return etf.sub(theta, etf.mul(gradients, LEARNING_RATE));
        });
        theta.dispose();
        theta = next;
      }
      return Float32Array.from(theta.dataSync());
    });
  await useBackend(etf, "wasm");
  const eagerTheta = eager();
  const maxDiff = Math.max(...Array.from(eagerTheta, (v, i) => Math.abs(v - first.theta[i])));

  const measured = await interleave(
    [
      { name: "engine (optimizer)", run: () => (engine(), epochs) },
      {
        name: "hand-written loop",
        run: () => (linearRegressionGd(data.Xf32, data.yf32, m, n, theta0, epochs, LEARNING_RATE), epochs),
      },
      { name: "eager tfjs-wasm", prepare: () => useBackend(etf, "wasm"), run: () => (eager(), epochs) },
      ...(unrolled ? [{ name: "hand-written, unrolled", run: () => (unrolled(), epochs) }] : []),
    ],
    { rounds: settings.quick ? 3 : 5 },
  );
  const e = measured["engine (optimizer)"].median;
  const h = measured["hand-written loop"].median;
  const w = measured["eager tfjs-wasm"].median;
  const bookOk = BOOK_MSE.every((v, i) => first.mses[i] === undefined || first.mses[i] === v);
  return {
    id: 2,
    title: `lesson 5 batch GD, ${epochs} epochs on ${m} × ${n} (ms per epoch)`,
    status: "ok",
    unit: "ms/epoch",
    measurements: measured,
    ratios: [
      { name: "engine / hand-written", value: round(e / h) },
      { name: "engine / eager tfjs-wasm", value: round(e / w) },
      ...(unrolled
        ? [
            {
              name: "engine / hand-written, unrolled (reference)",
              value: round(e / measured["hand-written, unrolled"].median),
            },
          ]
        : []),
    ],
    targets: [
      { description: "engine ≤ 1.5× hand-written", met: e / h <= 1.5 },
      { description: "engine faster than eager tfjs-wasm", met: e < w },
    ],
    notes: [
      `engine MSE at epochs 0, 100: ${first.mses.slice(0, 2).join(", ")} (book: ${BOOK_MSE.join(", ")}) ${bookOk ? "ok" : "DIFFERENT"}`,
      `final θ of engine and hand-written loops ${identical && unrolledIdentical ? "bit-identical" : "DIFFER"}; eager tfjs-wasm within ${maxDiff.toExponential(1)}`,
      "hand-written: two plain passes over X per epoch, any number of columns; unrolled: one pass, the 9 columns spelled out",
    ],
  };
}

const round = (x: number) => Number(x.toPrecision(3));
const na = (reason: string): RowResult => ({
  id: 2,
  title: "lesson 5 batch GD (ms per epoch)",
  status: "n/a",
  reason,
});

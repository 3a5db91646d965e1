// tf.losses.logLoss / meanSquaredError: values against NumPy float32 (tests/fixtures/train/
// generate_fixtures.py), TF's scope names, the losses collection, and their gradients.
import * as tf from "tensorlings";
import fixture from "../fixtures/train/losses.json";
import { runInitialized, valuesOf } from "./trainHelpers";

beforeEach(() => tf.resetDefaultGraph());

const column = (rows: number[][]) =>
  new tf.NDArray(tf.float32, [rows.length, 1], Float32Array.from(rows.flat()));
const labels = () => tf.constant(column(fixture.labels), { name: "labels" });
const predictions = () => tf.constant(column(fixture.predictions), { name: "predictions" });
const weights = () => tf.constant(column(fixture.weights), { name: "weights" });
const relClose = (got: number, want: number) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(2e-7 * Math.abs(want));

describe("values", () => {
  test("logLoss with the default epsilon 1e-7, including p = 0 and p = 1", () => {
    relClose(runInitialized(tf.losses.logLoss(labels(), predictions())).item(), fixture.logLoss);
  });
  test("logLoss with another epsilon and with weights (zero weights not counted)", () => {
    relClose(
      runInitialized(tf.losses.logLoss(labels(), predictions(), { epsilon: 1e-3 })).item(),
      fixture["logLossEps1e-3"],
    );
    relClose(
      runInitialized(tf.losses.logLoss(labels(), predictions(), { weights: weights() })).item(),
      fixture.logLossWeighted,
    );
  });
  test("meanSquaredError, plain and weighted", () => {
    relClose(
      runInitialized(tf.losses.meanSquaredError(labels(), predictions())).item(),
      fixture.meanSquaredError,
    );
    relClose(
      runInitialized(tf.losses.meanSquaredError(labels(), predictions(), { weights: weights() })).item(),
      fixture.meanSquaredErrorWeighted,
    );
  });
  test("fed through placeholders of unknown batch size", () => {
    const y = tf.placeholder(tf.float32, { shape: [null, 1], name: "y" });
    const p = tf.placeholder(tf.float32, { shape: [null, 1], name: "p" });
    const loss = tf.losses.logLoss(y, p);
    relClose(
      runInitialized(loss, [
        [y, fixture.labels],
        [p, fixture.predictions],
      ]).item(),
      fixture.logLoss,
    );
  });
});

describe("names", () => {
  test("log_loss/... with the result log_loss/value, added to the losses collection", () => {
    const loss = tf.losses.logLoss(labels(), predictions());
    expect(loss.name).toBe("log_loss/value:0");
    const ops = tf
      .getDefaultGraph()
      .getOperations()
      .map((op) => op.name)
      .filter((n) => !["labels", "predictions"].includes(n));
    expect(ops.every((n) => n.startsWith("log_loss/"))).toBe(true);
    // The cross-entropy terms, named as TF's wrapper names them.
    expect(ops.slice(0, 13)).toEqual([
      "log_loss/add/y",
      "log_loss/add",
      "log_loss/Log",
      "log_loss/Mul",
      "log_loss/Neg",
      "log_loss/sub/x",
      "log_loss/sub",
      "log_loss/sub_1/x",
      "log_loss/sub_1",
      "log_loss/add_1/y",
      "log_loss/add_1",
      "log_loss/Log_1",
      "log_loss/Mul_1",
    ]);
    expect(ops).toContain("log_loss/num_present");
    expect(tf.getDefaultGraph().getCollection("losses")).toEqual([loss]);
    expect(tf.losses.logLoss(labels(), predictions()).name).toBe("log_loss_1/value:0");
  });

  test("scope: 'loss' names everything loss/..., inside enclosing name scopes", () => {
    const loss = tf.losses.logLoss(labels(), predictions(), { scope: "loss" });
    expect(loss.name).toBe("loss/value:0");
    const nested = tf.nameScope("train", () => tf.losses.logLoss(labels(), predictions(), { scope: "loss" }));
    expect(nested.name).toBe("train/loss/value:0");
  });

  test("meanSquaredError is mean_squared_error/value", () => {
    expect(tf.losses.meanSquaredError(labels(), predictions()).name).toBe("mean_squared_error/value:0");
  });
});

describe("gradients", () => {
  test("logLoss gradient with respect to the predictions: (p - y) / (p(1 - p)) / n, up to epsilon", () => {
    const y = [[1], [0], [1]];
    const p0 = [0.9, 0.2, 0.4];
    const p = tf.Variable(column(p0.map((v) => [v])), { name: "p" });
    const loss = tf.losses.logLoss(tf.constant(column(y)), p);
    const [g] = tf.gradients(loss, [p]);
    const got = valuesOf(runInitialized(g));
    const eps = 1e-7;
    p0.forEach((pv, i) => {
      const yv = y[i][0];
      const want = (-yv / (pv + eps) + (1 - yv) / (1 - pv + eps)) / p0.length;
      expect(got[i]).toBeCloseTo(want, 5);
    });
  });

  test("logistic regression trained with logLoss moves theta downhill", () => {
    const X = tf.constant(
      [
        [1, 0.5],
        [1, -1.5],
        [1, 2],
      ],
      { name: "X" },
    );
    const y = tf.constant([[1], [0], [1]], { name: "y" });
    const theta = tf.Variable([[0.1], [-0.3]], { name: "theta" });
    const loss = tf.losses.logLoss(y, tf.sigmoid(tf.matmul(X, theta)));
    const train = tf.train.GradientDescentOptimizer({ learningRate: 0.5 }).minimize(loss);
    const [first, last] = tf.withSession(tf.Session(), (s) => {
      s.run(tf.globalVariablesInitializer());
      const l0 = s.run(loss).item();
      for (let i = 0; i < 20; i++) s.run(train);
      return [l0, s.run(loss).item()];
    });
    expect(last).toBeLessThan(first / 2);
  });
});

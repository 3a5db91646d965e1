/**
 * Writes a log directory like exercise 12's (logistic regression on the moons): the graph with
 * the `logistic_regression/{model,train,init,save}` scopes, and one `log_loss` scalar per epoch,
 * computed on the test set after each epoch of mini-batch training.
 *
 * Events are written with the io layer directly (EventFileWriter + the proto encoders) so this
 * fixture does not depend on the `tf.summary` API.
 */
import * as path from "path";
import * as tf from "tensorlings";
import { RandomState, addBiasColumn, makeMoons, matrix, randomBatch, toNDArray, trainTestSplitLast } from "tensorlings/datasets";
import type { Matrix } from "tensorlings/datasets";
import { asGraphDef } from "../../src/graph/graphDefExport";
import { EventFileWriter, encodeEvent, encodeGraphDef } from "../../src/io";

export interface LogregRunSpec {
  /** Run directory name under the log directory. */
  name: string;
  epochs: number;
  learningRate?: number;
  batchSize?: number;
}

export interface WrittenRun {
  name: string;
  dir: string;
  /** The logged `log_loss` per epoch (step = epoch). */
  losses: number[];
  /** The writer, still open, to append events later (tests of live updates). */
  writer: EventFileWriter;
}

export const LOSS_TAG = "log_loss";

/** The book's enhanced moons: bias, x1, x2, x1², x2², x1³, x2³; the last 20% is the test set. */
function moonsData() {
  const { X, y } = makeMoons(1000, { noise: 0.1, randomState: 42 });
  const Xb = addBiasColumn(X);
  const enhanced = matrix(Xb.rows, 7);
  for (let i = 0; i < Xb.rows; i++) {
    const [b, x1, x2] = [Xb.data[i * 3], Xb.data[i * 3 + 1], Xb.data[i * 3 + 2]];
    enhanced.data.set([b, x1, x2, x1 * x1, x2 * x2, x1 ** 3, x2 ** 3], i * 7);
  }
  const labels = Float64Array.from(y);
  return { X: trainTestSplitLast(enhanced), y: trainTestSplitLast(labels) };
}

/** Exercise 12's `logistic_regression(X, y)` graph, in a fresh default graph. */
function buildGraph(learningRate: number) {
  tf.resetDefaultGraph();
  tf.setRandomSeed(42);
  const X = tf.placeholder(tf.float32, { shape: [null, 7], name: "X" });
  const y = tf.placeholder(tf.float32, { shape: [null, 1], name: "y" });
  return tf.nameScope("logistic_regression", () => {
    const yProba = tf.nameScope("model", () => {
      const theta = tf.Variable(tf.randomUniform([7, 1], -1.0, 1.0, { seed: 42 }), { name: "theta" });
      const logits = tf.matmul(X, theta, { name: "logits" });
      return tf.sigmoid(logits);
    });
    const { loss, trainingOp } = tf.nameScope("train", () => {
      const loss = tf.losses.logLoss(y, yProba, { scope: "loss" });
      const trainingOp = tf.train.GradientDescentOptimizer({ learningRate }).minimize(loss);
      return { loss, trainingOp };
    });
    const init = tf.nameScope("init", () => tf.globalVariablesInitializer());
    tf.nameScope("save", () => tf.train.Saver());
    return { X, y, loss, trainingOp, init };
  });
}

const feed = (t: tf.Tensor, m: Matrix | Float64Array, column = false): [tf.Tensor, tf.NDArray] => [
  t,
  toNDArray(m, { asColumn: column }).astype(tf.float32),
];

/** Trains and logs one run into `<logdir>/<spec.name>`; returns the logged losses. */
export function writeLogregRun(logdir: string, spec: LogregRunSpec): WrittenRun {
  const { X: Xs, y: ys } = moonsData();
  const g = buildGraph(spec.learningRate ?? 0.01);
  const dir = path.join(logdir, spec.name);
  const writer = new EventFileWriter(dir);
  writer.addEvent(encodeEvent({ wallTime: Date.now() / 1000, graphDef: encodeGraphDef(asGraphDef(tf.getDefaultGraph(), { addShapes: true })) }));
  const batchSize = spec.batchSize ?? 50;
  const rng = new RandomState(42);
  const losses: number[] = [];
  const sess = tf.Session();
  sess.run(g.init);
  const testFeed = [feed(g.X, Xs.test), feed(g.y, ys.test, true)];
  for (let epoch = 0; epoch < spec.epochs; epoch++) {
    for (let b = 0; b < Math.ceil(1000 / batchSize); b++) {
      const batch = randomBatch(Xs.train, ys.train, batchSize, rng);
      sess.run(g.trainingOp, [feed(g.X, batch.X), feed(g.y, batch.y, true)]);
    }
    const loss = (sess.run(g.loss, testFeed) as tf.NDArray).item() as number;
    losses.push(loss);
    writer.addEvent(encodeEvent({ wallTime: Date.now() / 1000, step: epoch, summary: { value: [{ tag: LOSS_TAG, simpleValue: loss }] } }));
  }
  sess.close();
  return { name: spec.name, dir, losses, writer };
}

/** Appends `log_loss` points for further steps to a run (what a still-running training does). */
export function appendLosses(run: WrittenRun, points: { step: number; value: number }[]): void {
  for (const p of points) {
    run.writer.addEvent(encodeEvent({ wallTime: Date.now() / 1000, step: p.step, summary: { value: [{ tag: LOSS_TAG, simpleValue: p.value }] } }));
    run.losses.push(p.value);
  }
}

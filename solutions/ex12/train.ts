/**
 * Exercise 12's training run: mini-batch gradient descent on the enhanced moons, with a
 * checkpoint every few hundred epochs, a restart that picks up where an interrupted run stopped,
 * the test loss logged for TensorBoard every epoch, and precision/recall at the end.
 *
 * Run it:  node_modules/.bin/ts-node solutions/ex12/train.ts --epochs 10001 --batch-size 50
 *          --learning-rate 0.01 --checkpoint /tmp/my_logreg_model.ckpt --final ./my_logreg_model
 * Stop it with Ctrl-C, start it again: it continues from the last checkpoint.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import * as tf from "tensorlings";
import { npRandom, randomBatch, toNDArray } from "tensorlings/datasets";
import type { Matrix } from "tensorlings/datasets";
import { loadMoons } from "./data";
import { logDir } from "./logdir";
import { precisionRecall, predictClasses } from "./metrics";
import { logisticRegression } from "./model";

export interface TrainOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Where the regular checkpoints go; the epoch to resume at is kept in `<checkpointPath>.epoch`. */
  checkpointPath?: string;
  /** Where the trained model is saved at the end. */
  finalModelPath?: string;
  /** TensorBoard log directory; a fresh `tf_logs/logreg-run-<timestamp>/` when omitted. */
  logdir?: string;
  /** Save a checkpoint (and print progress) every this many epochs. */
  checkpointEvery?: number;
  /** Seeds the initial theta (graph and op seed) and the batch sampling. */
  seed?: number;
}

export interface TrainResult {
  /** 0 for a fresh run, else the epoch the interrupted run resumed at. */
  startEpoch: number;
  /** Log loss on the test set after the last epoch. */
  loss: number;
  precision: number;
  recall: number;
  logdir: string;
  finalModelPath: string;
}

/** The book's settings. */
export const DEFAULTS: Required<Omit<TrainOptions, "logdir">> = {
  epochs: 10001,
  batchSize: 50,
  learningRate: 0.01,
  checkpointPath: path.join(os.tmpdir(), "my_logreg_model.ckpt"),
  finalModelPath: "./my_logreg_model",
  checkpointEvery: 500,
  seed: 42,
};

/** The options with every unset (or undefined, as unused command-line flags are) value defaulted. */
export function withDefaults(
  options: TrainOptions,
): Required<Omit<TrainOptions, "logdir">> & { logdir?: string } {
  const set = Object.entries(options).filter(([, v]) => v !== undefined);
  return { ...DEFAULTS, ...Object.fromEntries(set) };
}

/** The engine takes float32 feeds for float32 placeholders. */
const asFloat32 = (m: Matrix) => toNDArray(m).astype(tf.float32);

export function train(options: TrainOptions = {}): TrainResult {
  const o = withDefaults(options);
  checkPositiveInteger("epochs", o.epochs, 0);
  checkPositiveInteger("batchSize", o.batchSize, 1);
  checkPositiveInteger("checkpointEvery", o.checkpointEvery, 1);
  if (!(o.learningRate > 0)) throw new RangeError(`learningRate must be positive, got ${o.learningRate}`);
  const logdir = options.logdir ?? logDir("logreg");
  const epochFile = `${o.checkpointPath}.epoch`;
  const data = loadMoons();
  const m = data.XTrain.rows + data.XTest.rows;
  // As the book: ceil(m / batch_size) batches per epoch, m counting all 1,000 rows.
  const nBatches = Math.ceil(m / o.batchSize);

  const graph = tf.Graph();
  return graph.asDefault(() => {
    // What the notebook's reset_graph() does: seed the graph and NumPy's global generator.
    tf.setRandomSeed(o.seed);
    npRandom.seed(o.seed);
    const X = tf.placeholder(tf.float32, { shape: [null, data.XTrain.cols], name: "X" });
    const y = tf.placeholder(tf.float32, { shape: [null, 1], name: "y" });
    const model = logisticRegression(X, y, { seed: o.seed, learningRate: o.learningRate });
    const fileWriter = tf.summary.FileWriter(logdir, graph);
    const testFeed = new Map([
      [X, asFloat32(data.XTest)],
      [y, asFloat32(data.yTest)],
    ]);

    try {
      return tf.withSession(tf.Session(), (sess) => runTraining(sess));
    } finally {
      fileWriter.close();
    }

    function runTraining(sess: tf.Session): TrainResult {
      let startEpoch = 0;
      if (fs.existsSync(epochFile)) {
        // A previous run stopped part way: take its weights, skip the epochs it finished.
        startEpoch = readEpochFile(epochFile);
        console.log(`Training was interrupted. Continuing at epoch ${startEpoch}`);
        model.saver.restore(sess, o.checkpointPath);
      } else {
        sess.run(model.init);
      }

      let loss = NaN;
      for (let epoch = startEpoch; epoch < o.epochs; epoch++) {
        for (let b = 0; b < nBatches; b++) {
          const batch = randomBatch(data.XTrain, data.yTrain, o.batchSize);
          sess.run(
            model.trainingOp,
            new Map([
              [X, asFloat32(batch.X)],
              [y, asFloat32(batch.y)],
            ]),
          );
        }
        // One point per epoch on the learning curve, measured on data the model never trains on.
        const [lossVal, summaryStr] = sess.run([model.loss, model.lossSummary], testFeed);
        loss = lossVal.item();
        fileWriter.addSummary(summaryStr, epoch);
        if (epoch % o.checkpointEvery === 0) {
          console.log(`Epoch: ${epoch}\tLoss: ${Number(loss.toPrecision(6))}`);
          model.saver.save(sess, o.checkpointPath);
          // After the checkpoint: if a kill lands in between, the epoch count lags the weights,
          // so a restart repeats some epochs but never skips any.
          fs.writeFileSync(epochFile, String(epoch + 1));
        }
      }

      model.saver.save(sess, o.finalModelPath);
      const yProbaVal = sess.run(model.yProba, new Map([[X, asFloat32(data.XTest)]])) as tf.NDArray;
      if (Number.isNaN(loss)) loss = sess.run(model.loss, testFeed).item();
      fs.rmSync(epochFile, { force: true });

      const { precision, recall } = precisionRecall(
        data.yTest.data,
        predictClasses(yProbaVal.data as ArrayLike<number>),
      );
      console.log(`precision: ${precision.toFixed(4)}  recall: ${recall.toFixed(4)}`);
      return { startEpoch, loss, precision, recall, logdir, finalModelPath: o.finalModelPath };
    }
  });
}

function readEpochFile(file: string): number {
  const text = fs.readFileSync(file, "utf8").trim();
  const epoch = Number(text);
  if (!Number.isInteger(epoch) || epoch < 0)
    throw new Error(`${file} should hold an epoch number, found "${text}"`);
  return epoch;
}

function checkPositiveInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
}

/** The command line: every hyperparameter is a flag, so runs can be compared in TensorBoard. */
export function parseTrainArgs(argv: string[]): TrainOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      epochs: { type: "string" },
      "batch-size": { type: "string" },
      "learning-rate": { type: "string" },
      checkpoint: { type: "string" },
      final: { type: "string" },
      logdir: { type: "string" },
      "checkpoint-every": { type: "string" },
      seed: { type: "string" },
    },
    strict: true,
  });
  const num = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n)) throw new Error(`--${flag} needs a number, got "${v}"`);
    return n;
  };
  return {
    epochs: num("epochs", values.epochs),
    batchSize: num("batch-size", values["batch-size"]),
    learningRate: num("learning-rate", values["learning-rate"]),
    checkpointPath: values.checkpoint,
    finalModelPath: values.final,
    logdir: values.logdir,
    checkpointEvery: num("checkpoint-every", values["checkpoint-every"]),
    seed: num("seed", values.seed),
  };
}

if (require.main === module) {
  try {
    const started = Date.now();
    const result = train(parseTrainArgs(process.argv.slice(2)));
    console.log(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s. TensorBoard logs: ${result.logdir}`,
    );
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}

/**
 * Exercise 12, part 5: the training run (and its command line).
 *
 *   node_modules/.bin/ts-node exercises/ex12/train.ts --epochs 10001 --batch-size 50 \
 *     --learning-rate 0.01 --checkpoint /tmp/my_logreg_model.ckpt --final ./my_logreg_model \
 *     [--logdir tf_logs/my-run/] [--checkpoint-every 500] [--seed 42]
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- the starter's stubs leave their parameters unused */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import * as tf from "tensorlings";
import { npRandom, randomBatch, toNDArray } from "tensorlings/datasets";
import { loadMoons } from "./data";
import { logDir } from "./logdir";
import { precisionRecall } from "./metrics";
import { logisticRegression } from "./model";

export interface TrainOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Where the regular checkpoints go; the epoch to resume at is kept in `<checkpointPath>.epoch`. */
  checkpointPath?: string;
  /** Where the trained model is saved at the end. */
  finalModelPath?: string;
  /** TensorBoard log directory; a fresh `logDir("logreg")` when omitted. */
  logdir?: string;
  /** Save a checkpoint (and print progress) every this many epochs. */
  checkpointEvery?: number;
  /** Seeds the initial theta (graph and op seed) and the batch sampling (`npRandom.seed`). */
  seed?: number;
}

export interface TrainResult {
  /** 0 for a fresh run, else the epoch the interrupted run resumed at. */
  startEpoch: number;
  /** Log loss on the test set after the last epoch. */
  loss: number;
  /** Precision and recall of the final model on the test set (threshold 0.5). */
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

/**
 * Trains on the enhanced moons (7 features) and returns what it measured. The steps:
 *
 *  1. Data from `loadMoons()`; `Math.ceil(1000 / batchSize)` batches per epoch, as the book.
 *  2. In a fresh graph (`tf.Graph()` + `graph.asDefault(...)`): `tf.setRandomSeed(seed)`,
 *     `npRandom.seed(seed)`, placeholders X ([null, 7], "X") and y ([null, 1], "y"),
 *     `logisticRegression(...)`, and `tf.summary.FileWriter(logdir, graph)`.
 *  3. In a session: if `<checkpointPath>.epoch` exists, read the epoch from it, print
 *     `Training was interrupted. Continuing at epoch <n>` and restore the checkpoint;
 *     otherwise run the initializer.
 *  4. Each epoch: the mini-batches (`randomBatch(XTrain, yTrain, batchSize)`, fed as float32,
 *     e.g. `toNDArray(m).astype(tf.float32)`), then the loss and its summary on the TEST set;
 *     write the summary with step = epoch. Every `checkpointEvery` epochs (epoch 0 included):
 *     print the epoch and loss, save a checkpoint, then write `epoch + 1` to the epoch file.
 *  5. At the end: save the final model, delete the epoch file, close the writer, and compute
 *     precision and recall of `yProba >= 0.5` on the test set.
 */
export function train(options: TrainOptions = {}): TrainResult {
  const o = withDefaults(options);
  const logdir = options.logdir ?? logDir("logreg");
  const epochFile = `${o.checkpointPath}.epoch`;
  // TODO: steps 1 to 5 above.
  throw new Error("TODO: exercise 12, train");
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

/**
 * Exercise 12: logistic regression with mini-batch gradient descent on the moons.
 *
 * Every expected value is computed here from the data or from the learner's own files: the
 * moons come from `makeMoons`, losses and precision/recall from the theta stored in the learner's
 * checkpoints, the graph is inspected by op names and types. The resume check starts the
 * learner's `train.ts` as a real process (inside the learner's sandbox), kills it with SIGKILL
 * after a checkpoint, and starts it again.
 *
 * The learner's code writes its files in its scratch folder; this suite copies them out (regular
 * files and folders only, never through a link) and reads the copies with the pristine
 * `tensorlings/io` readers.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";
import { makeMoons } from "tensorlings/datasets";
import { learner, randomInt, rng, submission } from "../harness";
import { check } from "./support/checks";
import {
  makeScratchTempDir,
  readScratchFile,
  removeCopies,
  removeScratchFile,
  safeCopy,
  writeNewScratchFile,
  type ScratchCopy,
} from "./support/ex12/scratchFiles";
import type * as Ex12 from "../../solutions/ex12";
import type * as Io from "tensorlings/io";

const load = () => submission<typeof Ex12>("ex12");

/** Epochs for the quality check: enough for precision and recall >= 0.95 with the book's settings. */
const QUALITY_EPOCHS = 1500;
const QUALITY_BAR = 0.95;
const THETA_KEY = "logistic_regression/model/theta";
const LOSS_TAG = "logistic_regression/train/log_loss";
const EPSILON = 1e-7;

// ---------------------------------------------------------------------------------------------
// Helpers (trusted side)

const io = (): typeof Io => require("tensorlings/io");
const scratch = () => learner().scratch;

/** A fresh folder inside the learner's scratch folder (the only place its code may write). */
function tempDir(label: string): string {
  return makeScratchTempDir(scratch(), `ex12-${label}-`);
}

/** A trusted copy of a folder the learner's code wrote. */
function copyOut(dir: string): ScratchCopy {
  return safeCopy(scratch(), dir);
}

const drivers: { root: string; file: string }[] = [];
afterAll(() => {
  removeCopies();
  for (const d of drivers) removeScratchFile(d.root, d.file);
});

interface Moons {
  /** Rows [1, x1, x2, x1², x2², x1³, x2³]. */
  XTrain: number[][];
  XTest: number[][];
  yTrain: number[];
  yTest: number[];
}

/** The book's data, built independently of the learner's `loadMoons`. */
function bookMoons(): Moons {
  const { X, y } = makeMoons(1000, { noise: 0.1, randomState: 42 });
  const rows = Array.from({ length: X.rows }, (_, i) => {
    const x1 = X.data[2 * i];
    const x2 = X.data[2 * i + 1];
    return [1, x1, x2, x1 ** 2, x2 ** 2, x1 ** 3, x2 ** 3];
  });
  const labels = Array.from(y);
  return {
    XTrain: rows.slice(0, 800),
    XTest: rows.slice(800),
    yTrain: labels.slice(0, 800),
    yTest: labels.slice(800),
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const probabilities = (X: number[][], theta: ArrayLike<number>) =>
  X.map((row) => sigmoid(row.reduce((s, v, j) => s + v * theta[j], 0)));

/** `tf.losses.log_loss` in float64. */
function logLoss(X: number[][], y: number[], theta: ArrayLike<number>): number {
  const p = probabilities(X, theta);
  return (
    p.reduce((s, pi, i) => s - (y[i] * Math.log(pi + EPSILON) + (1 - y[i]) * Math.log(1 - pi + EPSILON)), 0) /
    p.length
  );
}

function precisionRecall(yTrue: ArrayLike<number>, yPred: ArrayLike<number>) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yPred[i] === 1 && yTrue[i] === 1) tp++;
    else if (yPred[i] === 1) fp++;
    else if (yTrue[i] === 1) fn++;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

/** Rows of a `{ rows, cols, data }` matrix, checking its shape. */
function rowsOf(m: unknown, what: string, rows: number, cols: number): number[][] {
  const mat = m as { rows?: unknown; cols?: unknown; data?: unknown };
  check(
    !!mat && typeof mat === "object" && mat.data instanceof Float64Array,
    `${what} should be a matrix { rows, cols, data: Float64Array }, got ${describeValue(m)}`,
  );
  check(
    mat.rows === rows && mat.cols === cols,
    `${what} should be ${rows}×${cols}, got ${String(mat.rows)}×${String(mat.cols)}`,
  );
  const data = mat.data as Float64Array;
  return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === "object") return `an object with keys [${Object.keys(v).join(", ")}]`;
  return typeof v;
}

function maxAbsDiff(a: number[][], b: number[][]): number {
  let worst = 0;
  a.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - b[i][j])))));
  return worst;
}

/** Theta from a checkpoint (its prefix in the learner's scratch, read from `copy`), checking the key, dtype and shape. */
function thetaFrom(copy: ScratchCopy, prefix: string, what: string): Float32Array {
  const { listCheckpoint, readCheckpoint } = io();
  const local = copy.toCopy(prefix);
  check(
    fileIn(copy, `${prefix}.index`),
    `${what}: no ${path.basename(prefix)}.index next to the checkpoint prefix ${prefix}`,
  );
  const entries = listCheckpoint(local);
  const info = entries.find((e) => e.key === THETA_KEY);
  check(
    !!info,
    `${what}: the checkpoint should hold the variable "${THETA_KEY}"; it holds [${entries.map((e) => e.key).join(", ")}]`,
  );
  check(
    info!.dtype === tf.float32 && JSON.stringify(info!.shape) === "[7,1]",
    `${what}: theta should be float32 of shape [7, 1], got ${info!.dtype.name} ${JSON.stringify(info!.shape)}`,
  );
  return readCheckpoint(local).get(THETA_KEY)!.data as Float32Array;
}

/** Whether the copy holds the regular file `file` (a path in the learner's scratch). */
function fileIn(copy: ScratchCopy, file: string): boolean {
  const local = copy.toCopy(file);
  if (local === file) return false;
  try {
    return fs.lstatSync(local).isFile();
  } catch {
    return false;
  }
}

/** The `log_loss` points of the event files directly in `logdir` (read from `copy`), in step order as written. */
function lossPoints(copy: ScratchCopy, logdir: string, what: string) {
  const local = copy.toCopy(logdir);
  const runs = fileOrDirIn(local) ? io().readLogdir(local) : [];
  const run = runs.find((r) => r.name === ".");
  check(
    !!run,
    `${what}: expected an event file (events.out.tfevents.*) directly in ${logdir}; found runs [${runs.map((r) => r.name).join(", ")}]`,
  );
  const points = run!.scalars.get(LOSS_TAG);
  check(
    !!points,
    `${what}: expected scalar summaries tagged "${LOSS_TAG}"; the event file has tags [${[...run!.scalars.keys()].join(", ")}]`,
  );
  return { run: run!, points: points! };
}

function fileOrDirIn(local: string): boolean {
  try {
    return fs.lstatSync(local).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The prefix the "checkpoint" state file of `dir` names (as a path in the learner's scratch),
 * when that checkpoint's .index exists; null otherwise (as `tf.train.latest_checkpoint`).
 */
function latestIn(copy: ScratchCopy, dir: string): string | null {
  const state = io().getCheckpointState(copy.toCopy(dir));
  if (!state?.modelCheckpointPath) return null;
  // Relative entries come back joined to the copy; absolute ones name the scratch folder.
  const named = copy.toOriginal(path.resolve(state.modelCheckpointPath));
  return fileIn(copy, `${named}.index`) ? named : null;
}

// ---------------------------------------------------------------------------------------------
// Building the learner's graph in a fresh graph of its process

/**
 * What the driver returns: the fresh graph (rebuilt here from its MetaGraphDef), its placeholders,
 * the learner's parts and how many ops the graph had.
 */
interface Built {
  graph: tf.Graph;
  X: tf.Tensor;
  y: tf.Tensor;
  parts: Ex12.LogisticRegressionGraph;
  opCount: number;
}
interface Driver {
  build(n: number, options?: { initializer?: number[][]; seed?: number; learningRate?: number }): Built;
}

// Runs in the learner's process (a call made here cannot make the learner's default graph a
// graph of this process): placeholders X and y in a fresh graph made default, then the learner's
// logisticRegression, as a learner's script would call it.
const DRIVER_SOURCE = `"use strict";
const tf = require("tensorlings");
const ex = require("./ex12");
exports.build = function build(n, options) {
  const graph = tf.Graph();
  return graph.asDefault(() => {
    const X = tf.placeholder(tf.float32, { shape: [null, n], name: "X" });
    const y = tf.placeholder(tf.float32, { shape: [null, 1], name: "y" });
    let parts;
    if (options === undefined) parts = ex.logisticRegression(X, y);
    else {
      const o = {};
      if (options.initializer !== undefined) o.initializer = tf.constant(options.initializer, { dtype: tf.float32 });
      if (options.seed !== undefined) o.seed = options.seed;
      if (options.learningRate !== undefined) o.learningRate = options.learningRate;
      parts = ex.logisticRegression(X, y, o);
    }
    return { graph, X, y, parts, opCount: graph.getOperations().length };
  });
};
`;

let driver: Driver | null = null;
function graphDriver(): Driver {
  if (driver) return driver;
  const name = `grader_ex12_${crypto.randomBytes(6).toString("hex")}`;
  const file = path.join(scratch(), "submission", `${name}.js`);
  writeNewScratchFile(scratch(), file, DRIVER_SOURCE);
  drivers.push({ root: scratch(), file });
  driver = submission<Driver>(name);
  return driver;
}

/** The ops the learner's code made (the rebuilt graph may hold more, made when it was rebuilt). */
function learnerOps(b: Built): tf.Operation[] {
  const all = b.graph.getOperations();
  const n = Number.isInteger(b.opCount) && b.opCount >= 0 && b.opCount <= all.length ? b.opCount : all.length;
  return all.slice(0, n);
}

// ---------------------------------------------------------------------------------------------
// Shared short training run (checkpoints and summaries are checked on it)

const SHORT = { epochs: 25, checkpointEvery: 10, lastCheckpoint: 20 };
interface ShortRun {
  ckpt: string;
  final: string;
  logdir: string;
  result: Ex12.TrainResult;
  /** A trusted copy of the run's folder. */
  copy: ScratchCopy;
}
let shortRun: { value?: ShortRun; error?: unknown } | null = null;

function runShort(): ShortRun {
  if (!shortRun) {
    try {
      const dir = tempDir("short");
      const paths = {
        ckpt: path.join(dir, "ckpt", "my_logreg_model.ckpt"),
        final: path.join(dir, "final", "my_logreg_model"),
        logdir: path.join(dir, "logs"),
      };
      const result = load().train({
        epochs: SHORT.epochs,
        checkpointEvery: SHORT.checkpointEvery,
        checkpointPath: paths.ckpt,
        finalModelPath: paths.final,
        logdir: paths.logdir,
      });
      shortRun = { value: { ...paths, result, copy: copyOut(dir) } };
    } catch (error) {
      shortRun = { error };
    }
  }
  if (shortRun.error) throw shortRun.error;
  return shortRun.value!;
}

// ---------------------------------------------------------------------------------------------
// Running the learner's training script (a Node process inside the learner's sandbox)

interface Finished {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the learner's process reports about its child, as plain strings and numbers. */
function pollTraining(pid: number): Finished & { done: boolean } {
  const r = learner().poll(pid) as unknown as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v.slice(-20_000) : "");
  const error = typeof r?.error === "string" ? `\ncould not start: ${r.error}` : "";
  return {
    done: r?.done === true,
    code: typeof r?.code === "number" ? r.code : null,
    signal: typeof r?.signal === "string" ? r.signal : null,
    stdout: text(r?.stdout),
    stderr: text(r?.stderr) + error,
  };
}

/**
 * Starts `node <submission>/ex12/train.ts ...args` in the learner's sandbox and polls it every few
 * ms: `watch` may kill it; after `limitMs` it is killed as stalled.
 */
async function runTraining(
  args: string[],
  cwd: string,
  limitMs: number,
  watch: (kill: () => void) => void = () => undefined,
): Promise<Finished & { stalled: boolean }> {
  const pid = learner().spawn("ex12/train.ts", args, cwd);
  check(Number.isInteger(pid), "the training script ex12/train.ts could not be started");
  const started = Date.now();
  let killedAt = 0;
  let stalled = false;
  const kill = () => {
    if (!killedAt) {
      killedAt = Date.now();
      learner().kill(pid);
    }
  };
  for (;;) {
    const r = pollTraining(pid);
    if (r.done) return { code: r.code, signal: r.signal, stdout: r.stdout, stderr: r.stderr, stalled };
    if (!killedAt) {
      watch(kill);
      if (!killedAt && Date.now() - started > limitMs) {
        stalled = true;
        kill();
      }
    } else if (Date.now() - killedAt > 15_000) {
      return { code: null, signal: null, stdout: r.stdout, stderr: `${r.stderr}\n(the process did not end after SIGKILL)`, stalled };
    }
    await sleep(5);
  }
}

function readEpochFile(file: string): number | null {
  try {
    const text = readScratchFile(scratch(), file, 64);
    if (text === null) return null;
    const n = Number(text.toString("utf8").trim());
    return Number.isInteger(n) ? n : null;
  } catch {
    return null;
  }
}

const tail = (s: string) => s.trim().split("\n").slice(-8).join("\n");

// ---------------------------------------------------------------------------------------------

test("[ex12.data] prepares the moons: bias column, extra features, last 20 % as the test set", () => {
  const ex = load();
  const want = bookMoons();
  const d = ex.loadMoons();
  const got = {
    XTrain: rowsOf(d.XTrain, "loadMoons().XTrain", 800, 7),
    XTest: rowsOf(d.XTest, "loadMoons().XTest", 200, 7),
    yTrain: rowsOf(d.yTrain, "loadMoons().yTrain", 800, 1),
    yTest: rowsOf(d.yTest, "loadMoons().yTest", 200, 1),
  };
  check(
    maxAbsDiff(got.XTrain, want.XTrain) < 1e-12,
    `XTrain differs from makeMoons(1000, { noise: 0.1, randomState: 42 }) with columns [1, x1, x2, x1², x2², x1³, x2³] (largest difference ${maxAbsDiff(got.XTrain, want.XTrain)})`,
  );
  check(
    maxAbsDiff(got.XTest, want.XTest) < 1e-12,
    `XTest should be the last 200 rows, in order, with the same 7 columns (largest difference ${maxAbsDiff(got.XTest, want.XTest)})`,
  );
  const badLabels = [...got.yTrain, ...got.yTest].filter(
    (r, i) => r[0] !== [...want.yTrain, ...want.yTest][i],
  ).length;
  check(
    badLabels === 0,
    `${badLabels} labels differ from makeMoons' y (first 800 for training, last 200 for testing)`,
  );

  const basic = ex.loadMoons({ polynomial: false });
  const basicTest = rowsOf(basic.XTest, "loadMoons({ polynomial: false }).XTest", 200, 3);
  check(
    maxAbsDiff(
      basicTest,
      want.XTest.map((r) => r.slice(0, 3)),
    ) < 1e-12,
    "without the extra features, the rows should be [1, x1, x2]",
  );

  const next = rng(1);
  const rows = Array.from({ length: 5 }, () => [1, next() * 4 - 2, next() * 4 - 2]);
  const poly = rowsOf(
    ex.addPolynomialFeatures({ rows: 5, cols: 3, data: Float64Array.from(rows.flat()) }),
    "addPolynomialFeatures(5×3)",
    5,
    7,
  );
  const polyWant = rows.map(([b, x1, x2]) => [b, x1, x2, x1 ** 2, x2 ** 2, x1 ** 3, x2 ** 3]);
  check(
    maxAbsDiff(poly, polyWant) < 1e-12,
    "addPolynomialFeatures on seeded rows [1, x1, x2] should append x1², x2², x1³, x2³ in that order",
  );
});

test("[ex12.graph] logisticRegression() builds the graph under clean name scopes", () => {
  const built = graphDriver().build(7);
  const parts = built.parts;
  const g = built.graph;
  check(
    !!parts && typeof parts === "object",
    `logisticRegression should return an object, got ${describeValue(parts)}`,
  );
  for (const k of ["yProba", "loss", "lossSummary"] as const)
    check(
      parts[k] instanceof tf.Tensor && parts[k].graph === g,
      `the returned ${k} should be a tensor of the default graph, got ${describeValue(parts[k])}`,
    );
  for (const k of ["trainingOp", "init"] as const)
    check(
      parts[k] instanceof tf.Operation && parts[k].graph === g,
      `the returned ${k} should be an operation of the default graph, got ${describeValue(parts[k])}`,
    );
  check(
    typeof parts.saver?.save === "function" && typeof parts.saver?.restore === "function",
    "the returned saver should be a tf.train.Saver (with save and restore)",
  );

  const ops = learnerOps(built);
  const byName = new Map(ops.map((o) => [o.name, o]));
  const theta = byName.get("logistic_regression/model/theta");
  check(
    !!theta && theta.type.startsWith("Variable"),
    `expected a variable named "theta" in the scope logistic_regression/model; variables found: [${ops
      .filter((o) => o.type.startsWith("Variable"))
      .map((o) => o.name)
      .join(", ")}]`,
  );
  check(
    JSON.stringify(theta!.outputs[0].shape) === "[7,1]",
    `theta's shape should follow X's columns ([7, 1] here), got ${JSON.stringify(theta!.outputs[0].shape)}`,
  );
  const logits = byName.get("logistic_regression/model/logits");
  check(
    logits?.type === "MatMul",
    `expected a MatMul named "logits" in logistic_regression/model, got ${logits ? logits.type : "none"}`,
  );
  check(
    parts.yProba.op.type === "Sigmoid" && parts.yProba.op.name.startsWith("logistic_regression/model/"),
    `yProba should be a Sigmoid in logistic_regression/model, got ${parts.yProba.op.type} "${parts.yProba.op.name}"`,
  );
  check(
    parts.loss.op.name.startsWith("logistic_regression/train/loss/"),
    `the loss should come from tf.losses.logLoss with the scope "loss" inside logistic_regression/train, got "${parts.loss.op.name}"`,
  );
  check(
    parts.trainingOp.name.startsWith("logistic_regression/train/"),
    `the training op should be made in logistic_regression/train, got "${parts.trainingOp.name}"`,
  );
  check(
    ops.some((o) => o.type === "ApplyGradientDescent" && o.name.startsWith("logistic_regression/train/")),
    "expected a GradientDescentOptimizer's update (ApplyGradientDescent) in logistic_regression/train",
  );
  check(
    parts.lossSummary.op.type === "ScalarSummary" && parts.lossSummary.op.name === LOSS_TAG,
    `the loss summary should be tf.summary.scalar("log_loss", ...) made in logistic_regression/train, got ${parts.lossSummary.op.type} "${parts.lossSummary.op.name}"`,
  );
  check(
    parts.init.name.startsWith("logistic_regression/init/"),
    `the initializer should be made in logistic_regression/init, got "${parts.init.name}"`,
  );
  const saveOps = ops.filter((o) => o.type === "SaveV2" || o.type === "RestoreV2");
  check(
    saveOps.length >= 2 && saveOps.every((o) => o.name.startsWith("logistic_regression/save/")),
    `the Saver's ops should be in logistic_regression/save, got [${saveOps.map((o) => o.name).join(", ")}]`,
  );

  const scopes = new Set(["model", "train", "init", "save"]);
  const stray = ops.filter(
    (o) =>
      o.name !== "X" &&
      o.name !== "y" &&
      !(o.name.startsWith("logistic_regression/") && scopes.has(o.name.split("/")[1])),
  );
  check(
    stray.length === 0,
    `every op except the placeholders should sit in logistic_regression/{model,train,init,save}; outside: [${stray
      .slice(0, 8)
      .map((o) => o.name)
      .join(", ")}]`,
  );
});

test("[ex12.options] the initializer, seed and learningRate options are honoured", () => {
  const next = rng(2);
  const n = randomInt(next, 3, 5);
  const m = 16;
  const theta0 = Array.from({ length: n }, () => next() - 0.5);
  const lr = 0.05 + next() * 0.2;
  const Xb = Array.from({ length: m }, () => [1, ...Array.from({ length: n - 1 }, () => next() * 2 - 1)]);
  const yb = Array.from({ length: m }, () => (next() < 0.5 ? 0 : 1));

  // One step of gradient descent on the log loss (epsilon included), in float64.
  const p = probabilities(Xb, theta0);
  const want = theta0.map((t, j) => {
    let grad = 0;
    for (let i = 0; i < m; i++)
      grad +=
        ((-yb[i] / (p[i] + EPSILON) + (1 - yb[i]) / (1 - p[i] + EPSILON)) * p[i] * (1 - p[i]) * Xb[i][j]) / m;
    return t - lr * grad;
  });

  // The learner's graph, rebuilt here, runs in this process's engine.
  const built = graphDriver().build(n, { initializer: theta0.map((v) => [v]), learningRate: lr });
  const { graph: g, X, y, parts } = built;
  const got = (() => {
    const theta = g.getTensorByName("logistic_regression/model/theta:0");
    return tf.withSession(tf.Session({ graph: g }), (sess) => {
      sess.run(parts.init);
      const before = Array.from((sess.run(theta) as tf.NDArray).data as Float32Array);
      sess.run(
        parts.trainingOp,
        new Map([
          [X, Xb],
          [y, yb.map((v) => [v])],
        ] as [tf.Tensor, number[][]][]),
      );
      return { before, after: Array.from((sess.run(theta) as tf.NDArray).data as Float32Array) };
    });
  })();
  check(
    got.before.every((v, j) => Math.abs(v - theta0[j]) < 1e-6),
    "with an initializer tensor given, theta should start at exactly those values",
  );
  const err = Math.max(...got.after.map((v, j) => Math.abs(v - want[j])));
  check(
    err < 1e-5,
    `one training step with learningRate ${lr.toFixed(4)} on a seeded batch should move theta by learningRate × gradient of the log loss (off by ${err.toExponential(2)})`,
  );

  const initialTheta = (seed: number) => {
    const b = graphDriver().build(7, { seed });
    return tf.withSession(tf.Session({ graph: b.graph }), (sess) => {
      sess.run(b.parts.init);
      return Array.from(
        (sess.run(b.graph.getTensorByName("logistic_regression/model/theta:0")) as tf.NDArray).data as Float32Array,
      );
    });
  };
  const a = initialTheta(42);
  const b = initialTheta(42);
  const c = initialTheta(7);
  check(
    a.every((v) => v >= -1 && v < 1),
    `by default theta should start uniform in [-1, 1), got [${a.map((v) => v.toFixed(3)).join(", ")}]`,
  );
  check(
    a.every((v, i) => v === b[i]),
    "the same seed should give the same initial theta",
  );
  check(
    a.some((v, i) => v !== c[i]),
    "a different seed should give a different initial theta",
  );
});

test("[ex12.metrics] precisionRecall() and logDir()", () => {
  const ex = load();
  const next = rng(3);
  for (let k = 0; k < 5; k++) {
    const len = randomInt(next, 20, 60);
    const yTrue = Array.from({ length: len }, () => (next() < 0.5 ? 0 : 1));
    const yPred = yTrue.map((v) => (next() < 0.3 ? 1 - v : v));
    if (!yPred.includes(1) || !yTrue.includes(1)) continue;
    const want = precisionRecall(yTrue, yPred);
    const got = ex.precisionRecall(yTrue, yPred);
    check(
      Math.abs(got.precision - want.precision) < 1e-12 && Math.abs(got.recall - want.recall) < 1e-12,
      `on ${len} seeded labels, precisionRecall gave precision ${got.precision} and recall ${got.recall}; check which counts go into each denominator`,
    );
  }

  const now = new Date();
  const dir = ex.logDir("logreg");
  const match = /^tf_logs\/logreg-run-(\d{14})\/$/.exec(dir);
  check(!!match, `logDir("logreg") should look like tf_logs/logreg-run-<YYYYmmddHHMMSS>/, got "${dir}"`);
  const s = match![1];
  const stamp = Date.UTC(
    +s.slice(0, 4),
    +s.slice(4, 6) - 1,
    +s.slice(6, 8),
    +s.slice(8, 10),
    +s.slice(10, 12),
    +s.slice(12, 14),
  );
  check(
    Math.abs(stamp - now.getTime()) < 120_000,
    `logDir's timestamp should be the current UTC time, got ${s}`,
  );
  check(
    /^tf_logs\/run-\d{14}\/$/.test(ex.logDir()),
    `logDir() without a prefix should look like tf_logs/run-<YYYYmmddHHMMSS>/, got "${ex.logDir()}"`,
  );
  const when = new Date(
    Date.UTC(
      2000 + randomInt(next, 0, 30),
      randomInt(next, 0, 11),
      randomInt(next, 1, 28),
      randomInt(next, 0, 23),
      randomInt(next, 0, 59),
      randomInt(next, 0, 59),
    ),
  );
  const pad = (v: number) => String(v).padStart(2, "0");
  const expected = `tf_logs/x-run-${when.getUTCFullYear()}${pad(when.getUTCMonth() + 1)}${pad(when.getUTCDate())}${pad(when.getUTCHours())}${pad(when.getUTCMinutes())}${pad(when.getUTCSeconds())}/`;
  check(
    ex.logDir("x", when) === expected,
    `logDir("x", date) should format the given date in UTC, got "${ex.logDir("x", when)}" for ${when.toISOString()}`,
  );
});

test("[ex12.checkpoints] saves checkpoints at the interval and a final model", () => {
  const run = runShort();
  const { decodeMetaGraphDef } = io();
  const copy = run.copy;
  for (const [prefix, what] of [
    [run.ckpt, "the regular checkpoint"],
    [run.final, "the final model"],
  ] as const) {
    for (const suffix of [".index", ".data-00000-of-00001", ".meta"])
      check(
        fileIn(copy, prefix + suffix),
        `${what}: expected ${path.basename(prefix)}${suffix} in ${path.dirname(prefix)}`,
      );
    const latest = latestIn(copy, path.dirname(prefix));
    check(
      latest !== null && path.resolve(latest) === path.resolve(prefix),
      `${what}: the "checkpoint" state file in ${path.dirname(prefix)} should name ${path.basename(prefix)}, it names ${latest}`,
    );
    const meta = decodeMetaGraphDef(fs.readFileSync(copy.toCopy(`${prefix}.meta`)));
    check(
      !!meta.graphDef?.nodes.some((n) => n.name === THETA_KEY),
      `${what}: the .meta file should hold the graph (with ${THETA_KEY})`,
    );
  }
  check(
    !fileIn(copy, `${run.ckpt}.epoch`),
    "after a finished run the epoch file (<checkpoint>.epoch) should be deleted",
  );

  // The regular checkpoint is the one of the last interval (epoch 20 of 25); the final model is trained further.
  const d = bookMoons();
  const lossCkpt = logLoss(d.XTest, d.yTest, thetaFrom(copy, run.ckpt, "the regular checkpoint"));
  const lossFinal = logLoss(d.XTest, d.yTest, thetaFrom(copy, run.final, "the final model"));
  check(
    lossFinal < lossCkpt,
    `the final model should be trained past the last checkpoint: test loss ${lossFinal.toFixed(5)} (final) vs ${lossCkpt.toFixed(5)} (checkpoint)`,
  );
  check(
    Math.abs(run.result?.loss - lossFinal) < 1e-4,
    `train() should return the final test loss; it returned ${run.result?.loss}, the final model's theta gives ${lossFinal.toFixed(6)}`,
  );
});

test("[ex12.summaries] logs the test loss for TensorBoard once per epoch", () => {
  const run = runShort();
  const { run: events, points } = lossPoints(run.copy, run.logdir, "the training run's log directory");
  const steps = points.map((p) => p.step);
  check(
    JSON.stringify(steps) === JSON.stringify(Array.from({ length: SHORT.epochs }, (_, i) => i)),
    `expected one loss point per epoch with step = epoch (0 to ${SHORT.epochs - 1}), got steps [${steps.slice(0, 30).join(", ")}]`,
  );
  check(
    !!events.graph?.nodes.some((n) => n.name === THETA_KEY),
    "the event file should hold the graph (pass it to the FileWriter) so TensorBoard can draw it",
  );
  const d = bookMoons();
  const atCheckpoint = logLoss(d.XTest, d.yTest, thetaFrom(run.copy, run.ckpt, "the regular checkpoint"));
  const atEnd = logLoss(d.XTest, d.yTest, thetaFrom(run.copy, run.final, "the final model"));
  const logged = (step: number) => points.find((p) => p.step === step)!.value;
  check(
    Math.abs(logged(SHORT.lastCheckpoint) - atCheckpoint) < 1e-4,
    `the loss logged at epoch ${SHORT.lastCheckpoint} (${logged(SHORT.lastCheckpoint).toFixed(5)}) should be the test-set loss of the theta checkpointed then (${atCheckpoint.toFixed(5)})`,
  );
  check(
    Math.abs(logged(SHORT.epochs - 1) - atEnd) < 1e-4,
    `the last logged loss (${logged(SHORT.epochs - 1).toFixed(5)}) should be the test-set loss of the final model (${atEnd.toFixed(5)})`,
  );
});

test("[ex12.resume] an interrupted training process continues from its last checkpoint", async () => {
  const dir = tempDir("resume");
  const ckpt = path.join(dir, "ckpt", "my_logreg_model.ckpt");
  const final = path.join(dir, "final", "my_logreg_model");
  const epochFile = `${ckpt}.epoch`;
  // Long enough that the first run is still going when the watcher sees epoch 41, short enough
  // that the restarted run finishes in seconds.
  const epochs = 2000;
  const args = (logdir: string) => [
    ...["--epochs", String(epochs), "--checkpoint-every", "20"],
    ...["--checkpoint", ckpt, "--final", final, "--logdir", logdir],
  ];
  const command = `train.ts --epochs ${epochs} --checkpoint-every 20 --checkpoint <dir>/ckpt/my_logreg_model.ckpt --final <dir>/final/my_logreg_model --logdir <dir>/logs`;

  // First run: kill it hard once the checkpoint of epoch 40 (or later) is on disk.
  let killed = false;
  const r1 = await runTraining(args(path.join(dir, "logs-first")), dir, 60_000, (kill) => {
    const e = readEpochFile(epochFile);
    if (e !== null && e >= 41) {
      killed = true;
      kill();
    }
  });
  check(
    !r1.stalled,
    `started as \`${command}\`, the run did not write 41 (or more) to <checkpoint>.epoch within 60 s`,
  );
  check(
    killed,
    `started as \`${command}\`, the run should write 41 (or more) to <checkpoint>.epoch after the checkpoint of epoch 40 and still be training; it ended first, with code ${r1.code} (signal ${r1.signal}).\n${tail(r1.stderr || r1.stdout)}`,
  );
  const resumeAt = readEpochFile(epochFile);
  check(
    resumeAt !== null && resumeAt >= 41,
    `after the kill, ${path.basename(epochFile)} should hold the epoch to resume at, found ${resumeAt}`,
  );
  const firstCopy = copyOut(dir);
  const d = bookMoons();
  const lossAtCheckpoint = logLoss(
    d.XTest,
    d.yTest,
    thetaFrom(firstCopy, ckpt, "the checkpoint left by the killed run"),
  );
  const firstLoss =
    lossPoints(firstCopy, path.join(dir, "logs-first"), "the killed run").points[0]?.value ?? NaN;

  // Second run: same command; it must say so, continue from the checkpoint, and finish.
  const r2 = await runTraining(args(path.join(dir, "logs-second")), dir, 90_000);
  check(
    r2.code === 0,
    `the restarted run should finish with exit code 0, got ${r2.code} (signal ${r2.signal}).\n${tail(r2.stderr || r2.stdout)}`,
  );
  check(
    r2.stdout.includes(`Training was interrupted. Continuing at epoch ${resumeAt}`),
    `the restarted run should print "Training was interrupted. Continuing at epoch <n>" with the epoch from the epoch file; its output ended with:\n${tail(r2.stdout)}`,
  );
  const secondCopy = copyOut(dir);
  const { points } = lossPoints(secondCopy, path.join(dir, "logs-second"), "the restarted run");
  check(
    points.length > 0 && points[0].step === resumeAt && points[points.length - 1].step === epochs - 1,
    `the restarted run should log epochs ${resumeAt} to ${epochs - 1}, it logged steps ${points[0]?.step} to ${points[points.length - 1]?.step}`,
  );
  const gap = Math.abs(points[0].value - lossAtCheckpoint);
  check(
    gap < 0.03,
    `right after the restart the test loss should continue from the checkpoint's (${lossAtCheckpoint.toFixed(4)}; a fresh start gave ${firstLoss.toFixed(4)}), got ${points[0].value.toFixed(4)}`,
  );
  check(
    fileIn(secondCopy, `${final}.index`) && !fileIn(secondCopy, epochFile),
    "the restarted run should save the final model and delete the epoch file",
  );
});

test(`[ex12.quality] reaches precision and recall of at least ${QUALITY_BAR} on the test set`, () => {
  const dir = tempDir("quality");
  const final = path.join(dir, "final", "my_logreg_model");
  const result = load().train({
    epochs: QUALITY_EPOCHS,
    checkpointPath: path.join(dir, "ckpt", "my_logreg_model.ckpt"),
    finalModelPath: final,
    logdir: path.join(dir, "logs"),
  });
  const copy = copyOut(path.join(dir, "final"));
  const d = bookMoons();
  const predicted = probabilities(d.XTest, thetaFrom(copy, final, "the final model")).map((p) =>
    p >= 0.5 ? 1 : 0,
  );
  const { precision, recall } = precisionRecall(d.yTest, predicted);
  check(
    precision >= QUALITY_BAR && recall >= QUALITY_BAR,
    `after ${QUALITY_EPOCHS} epochs (book settings otherwise) the final model scores precision ${precision.toFixed(4)} and recall ${recall.toFixed(4)} on the test set; both should be at least ${QUALITY_BAR}`,
  );
  check(
    Math.abs(result?.precision - precision) < 1e-9 && Math.abs(result?.recall - recall) < 1e-9,
    `train() should return the precision and recall it measured: it returned ${result?.precision} / ${result?.recall}, the final model gives ${precision.toFixed(4)} / ${recall.toFixed(4)}`,
  );
});

/** Shared helpers of the Saver and summary suites. */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tf from "tensorlings";

export const ROOT = path.join(__dirname, "..", "..");

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test file. */
export function tempDir(prefix = "tensorlings-saver-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/**
 * Capture what is written to stderr (TF's `INFO:tensorflow:` lines) for the rest of the test file;
 * `lines()` gives what came since the last `clear()`.
 */
export function captureStderr(): { lines: () => string[]; clear: () => void } {
  let buffer = "";
  let spy: jest.SpyInstance;
  beforeEach(() => {
    buffer = "";
    spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: unknown) => {
      buffer += String(chunk);
      return true;
    });
  });
  afterEach(() => spy.mockRestore());
  return {
    lines: () => buffer.split("\n").filter((l) => l !== ""),
    clear: () => {
      buffer = "";
    },
  };
}

/** The float values of an array, as plain numbers. */
export const valuesOf = (a: tf.NDArray): number[] => Array.from(a.data as Float32Array, Number);

/** 20 rows, a bias column and 2 features; y = 1 + 2 x1 - 3 x2 + a little noise (fixed). */
export function regressionData(): { X: number[][]; y: number[][] } {
  const X: number[][] = [];
  const y: number[][] = [];
  for (let i = 0; i < 20; i++) {
    const x1 = Math.sin(i * 1.3);
    const x2 = Math.cos(i * 0.7) * 0.5;
    X.push([1, x1, x2]);
    y.push([1 + 2 * x1 - 3 * x2 + 0.01 * Math.sin(i * 17)]);
  }
  return { X, y };
}

/**
 * The chapter's linear regression with an optimizer, in a fresh default graph, named as in the
 * book: `X`, `y`, `theta`, `predictions`, a `loss` scope holding `mse`, `GradientDescent`.
 */
export function buildRegression() {
  tf.resetDefaultGraph();
  tf.setRandomSeed(42);
  const { X: xs, y: ys } = regressionData();
  const X = tf.constant(xs, { name: "X" });
  const y = tf.constant(ys, { name: "y" });
  const theta = tf.Variable(tf.randomUniform([3, 1], -1.0, 1.0, { seed: 42 }), { name: "theta" });
  const predictions = tf.matmul(X, theta, { name: "predictions" });
  const mse = tf.nameScope("loss", () => {
    const error = predictions.sub(y);
    return tf.reduceMean(tf.square(error), null, { name: "mse" });
  });
  const trainingOp = tf.train.GradientDescentOptimizer({ learningRate: 0.1 }).minimize(mse);
  const init = tf.globalVariablesInitializer();
  return { X, y, theta, mse, trainingOp, init };
}

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a TypeScript file of this folder in a fresh Node process (`node -r ts-node/register`). */
export function runChild(file: string, args: string[], cwd = ROOT): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register", path.join(__dirname, file), ...args], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

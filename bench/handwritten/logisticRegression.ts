/**
 * Exercise 12 written by hand: the yardstick of row 3. The same moons (1,000 points, bias and
 * the four polynomial features, last 20 % for testing), the same batch sampler (`randomBatch` on
 * NumPy's generator seeded 42), the same model and arithmetic as the graph: sigmoid of X·θ,
 * `tf.losses.log_loss` with ε = 1e-7 averaged over the batch, its gradient back to θ, a plain
 * gradient step, and the test-set loss after every epoch. No files are written.
 */
import {
  addBiasColumn,
  makeMoons,
  matrix,
  npRandom,
  randomBatch,
  trainTestSplitLast,
} from "tensorlings/datasets";
import type { Matrix } from "tensorlings/datasets";

const EPS = 1e-7;

export interface MoonsData {
  XTrain: Matrix;
  yTrain: Matrix;
  XTest: Matrix;
  yTest: Matrix;
}

export function moonsWithFeatures(): MoonsData {
  const { X, y } = makeMoons(1000, { noise: 0.1, randomState: 42 });
  const withBias = addBiasColumn(X);
  const features = matrix(withBias.rows, 7);
  for (let i = 0; i < withBias.rows; i++) {
    const x1 = withBias.data[i * 3 + 1];
    const x2 = withBias.data[i * 3 + 2];
    features.data.set([1, x1, x2, x1 * x1, x2 * x2, x1 ** 3, x2 ** 3], i * 7);
  }
  const Xs = trainTestSplitLast(features, 0.2);
  const ys = trainTestSplitLast(matrix(y.length, 1, Float64Array.from(y)), 0.2);
  return { XTrain: Xs.train, yTrain: ys.train, XTest: Xs.test, yTest: ys.test };
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** Mean log loss of θ on (X, y); fills `p` with the probabilities. */
function logLoss(X: Matrix, y: Matrix, theta: Float32Array, p: Float32Array): number {
  const n = X.cols;
  let total = 0;
  for (let i = 0; i < X.rows; i++) {
    let z = 0;
    for (let j = 0; j < n; j++) z += Math.fround(X.data[i * n + j]) * theta[j];
    p[i] = sigmoid(Math.fround(z));
    const t = y.data[i];
    total += Math.fround(-t * Math.log(p[i] + EPS) - (1 - t) * Math.log(1 - p[i] + EPS));
  }
  return Math.fround(total / X.rows);
}

export function logisticRegressionByHand(
  data: MoonsData,
  theta0: Float32Array,
  options: { epochs: number; batchSize: number; learningRate: number; batchesPerEpoch: number; seed: number },
): { theta: Float32Array; loss: number } {
  const theta = Float32Array.from(theta0);
  const n = data.XTrain.cols;
  const p = new Float32Array(Math.max(options.batchSize, data.XTest.rows));
  const dz = new Float32Array(options.batchSize);
  const grad = new Float64Array(n);
  const lr = Math.fround(options.learningRate);
  npRandom.seed(options.seed);
  let loss = NaN;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let b = 0; b < options.batchesPerEpoch; b++) {
      const { X, y } = randomBatch(data.XTrain, data.yTrain, options.batchSize);
      const rows = X.rows;
      logLoss(X, y, theta, p);
      // d(mean log loss)/dz for each row, through the sigmoid.
      for (let i = 0; i < rows; i++) {
        const t = y.data[i];
        const dp = (-t / (p[i] + EPS) + (1 - t) / (1 - p[i] + EPS)) / rows;
        dz[i] = dp * p[i] * (1 - p[i]);
      }
      grad.fill(0);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < n; j++) grad[j] += Math.fround(X.data[i * n + j]) * dz[i];
      for (let j = 0; j < n; j++) theta[j] = theta[j] - Math.fround(Math.fround(grad[j]) * lr);
    }
    loss = logLoss(data.XTest, data.yTest, theta, p);
  }
  return { theta, loss };
}

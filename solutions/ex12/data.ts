/**
 * The exercise-12 data: 1,000 moons, a bias column, labels as a column, the last 20 % as the test
 * set, and (for the full model) the book's four extra features x1², x2², x1³, x2³.
 */
import { addBiasColumn, makeMoons, matrix, trainTestSplitLast } from "tensorlings/datasets";
import type { Matrix } from "tensorlings/datasets";

export interface MoonsSplit {
  XTrain: Matrix;
  XTest: Matrix;
  /** Labels as n×1 columns (the book's `y_moons.reshape(-1, 1)`), 0 or 1. */
  yTrain: Matrix;
  yTest: Matrix;
}

/**
 * Appends x1², x2², x1³, x2³ to rows laid out as [1, x1, x2]: more features let a linear model
 * draw a curved boundary, which the two interleaving moons need.
 */
export function addPolynomialFeatures(X: Matrix): Matrix {
  if (X.cols !== 3) throw new RangeError(`expected rows [1, x1, x2] (3 columns), got ${X.cols} columns`);
  const out = matrix(X.rows, 7);
  for (let i = 0; i < X.rows; i++) {
    const [bias, x1, x2] = X.data.subarray(i * 3, i * 3 + 3);
    out.data.set([bias, x1, x2, x1 * x1, x2 * x2, x1 ** 3, x2 ** 3], i * 7);
  }
  return out;
}

/** The moons as the book prepares them; `polynomial` adds the four extra features. */
export function loadMoons(options: { polynomial?: boolean; testRatio?: number } = {}): MoonsSplit {
  const { polynomial = true, testRatio = 0.2 } = options;
  const { X, y } = makeMoons(1000, { noise: 0.1, randomState: 42 });
  const withBias = addBiasColumn(X);
  const features = polynomial ? addPolynomialFeatures(withBias) : withBias;
  const labels = matrix(y.length, 1, Float64Array.from(y));
  const Xs = trainTestSplitLast(features, testRatio);
  const ys = trainTestSplitLast(labels, testRatio);
  return { XTrain: Xs.train, XTest: Xs.test, yTrain: ys.train, yTest: ys.test };
}

/** Exercise 12, part 1: the data. */
/* eslint-disable @typescript-eslint/no-unused-vars -- the starter's stubs leave their parameters unused */
import { addBiasColumn, makeMoons, matrix, trainTestSplitLast } from "tensorlings/datasets";
import type { Matrix } from "tensorlings/datasets";

export interface MoonsSplit {
  XTrain: Matrix;
  XTest: Matrix;
  /** Labels as n×1 matrices holding 0 or 1. */
  yTrain: Matrix;
  yTest: Matrix;
}

/**
 * Rows [1, x1, x2] in, rows [1, x1, x2, x1², x2², x1³, x2³] out (a new 7-column matrix).
 */
export function addPolynomialFeatures(X: Matrix): Matrix {
  // TODO: build a new rows×7 matrix (see `matrix` in tensorlings/datasets) from X's rows.
  throw new Error("TODO: exercise 12, addPolynomialFeatures");
}

/**
 * `makeMoons(1000, { noise: 0.1, randomState: 42 })` with a bias column of ones in front
 * (`addBiasColumn`), the labels as a column, and the last 20 % of the rows as the test set
 * (`trainTestSplitLast`). With `polynomial` (the default) the rows also get the four extra
 * features (7 columns); without it they are [1, x1, x2].
 */
export function loadMoons(options: { polynomial?: boolean } = {}): MoonsSplit {
  // TODO: build the split described above.
  throw new Error("TODO: exercise 12, loadMoons");
}

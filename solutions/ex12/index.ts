/** Exercise 12, reference solution: what the grader imports. */
export { addPolynomialFeatures, loadMoons } from "./data";
export type { MoonsSplit } from "./data";
export { logisticRegression } from "./model";
export type { LogisticRegressionGraph, LogisticRegressionOptions } from "./model";
export { precisionRecall, predictClasses } from "./metrics";
export { logDir } from "./logdir";
export { train, parseTrainArgs, withDefaults, DEFAULTS } from "./train";
export type { TrainOptions, TrainResult } from "./train";

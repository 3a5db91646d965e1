/** Precision and recall of 0/1 predictions, as scikit-learn's `precision_score` / `recall_score`. */

export interface PrecisionRecall {
  precision: number;
  recall: number;
}

/**
 * precision = TP / (TP + FP): of the points called positive, how many are.
 * recall    = TP / (TP + FN): of the positive points, how many were found.
 * An empty denominator gives 0, as scikit-learn does (with a warning there).
 */
export function precisionRecall(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): PrecisionRecall {
  if (yTrue.length !== yPred.length)
    throw new RangeError(`yTrue has ${yTrue.length} labels but yPred has ${yPred.length}`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const actual = yTrue[i] === 1;
    const predicted = yPred[i] === 1;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
  }
  return { precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 0 : tp / (tp + fn) };
}

/** Class 1 where the estimated probability is at least `threshold`. */
export function predictClasses(yProba: ArrayLike<number>, threshold = 0.5): Int32Array {
  return Int32Array.from(yProba, (p) => (p >= threshold ? 1 : 0));
}

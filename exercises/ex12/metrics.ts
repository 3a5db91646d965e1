/** Exercise 12, part 3: precision and recall. */

export interface PrecisionRecall {
  precision: number;
  recall: number;
}

/**
 * Labels and predictions are 0 or 1. precision: of the points predicted 1, the share that are 1;
 * recall: of the points that are 1, the share predicted 1.
 */
export function precisionRecall(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): PrecisionRecall {
  // TODO: count true positives, false positives and false negatives.
  throw new Error("TODO: exercise 12, precisionRecall");
}

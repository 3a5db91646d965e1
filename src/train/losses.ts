import { float32 } from "../base/dtypes";
import { getDefaultGraph } from "../graph/graph";
import { Tensor } from "../graph/tensor";
import { convertToTensor } from "../ops/array/constant";
import { onesLike, zerosLike } from "../ops/array/shapeOps";
import { select } from "../ops/array/select";
import { inOpScope } from "../ops/createOp";
import { divNoNan, equal, multiply, squaredDifference } from "../ops/math/binary";
import { cast } from "../ops/math/cast";
import { reduceSum } from "../ops/math/reduce";
import { log } from "../ops/math/unary";

export const LOSSES = "losses";

export interface LossOptions {
  weights?: number | Tensor;
  /** The loss's name scope (`log_loss` / `mean_squared_error` by default). */
  scope?: string;
  lossCollection?: string | null;
}

/**
 * TF's `compute_weighted_loss` with the default SUM_BY_NONZERO_WEIGHTS reduction:
 * sum(losses * weights) / (number of elements with non-zero weight), named `value`. It runs in
 * the loss's own scope (TF passes that scope on), so the result is `log_loss/value`.
 */
function weightedMean(losses: Tensor, weights: number | Tensor, collection: string | null | undefined): Tensor {
  const inputDtype = losses.dtype;
  const l = cast(losses, float32);
  const w = cast(convertToTensor(weights, { dtype: float32 }), float32);
  const total = reduceSum(multiply(l, w));
  const present = inOpScope("num_present", [l, w], (scope) => {
    const nonZero = select(equal(w, 0), zerosLike(w), onesLike(w));
    return reduceSum(multiply(nonZero, onesLike(l)), null, { name: `${scope}/` });
  });
  const value = cast(divNoNan(total, present, { name: "value" }), inputDtype);
  if (collection !== null) getDefaultGraph().addToCollection(collection ?? LOSSES, value);
  return value;
}

/** `tf.losses.log_loss(labels, predictions, weights=1.0, epsilon=1e-7)`: mean cross-entropy of probabilities. */
export function logLoss(labels: unknown, predictions: unknown, options: LossOptions & { epsilon?: number } = {}): Tensor {
  return inOpScope(options.scope ?? "log_loss", [labels, predictions], () => {
    const p = cast(convertToTensor(predictions), float32);
    const y = cast(convertToTensor(labels), float32);
    const eps = options.epsilon ?? 1e-7;
    const losses = multiply(y, log(p.add(eps))).neg().sub(multiply(y.rsub(1), log(p.rsub(1).add(eps))));
    return weightedMean(losses, options.weights ?? 1.0, options.lossCollection);
  });
}

/** `tf.losses.mean_squared_error(labels, predictions, weights=1.0)`. */
export function meanSquaredError(labels: unknown, predictions: unknown, options: LossOptions = {}): Tensor {
  return inOpScope(options.scope ?? "mean_squared_error", [labels, predictions], () => {
    const p = cast(convertToTensor(predictions), float32);
    const y = cast(convertToTensor(labels), float32);
    return weightedMean(squaredDifference(p, y), options.weights ?? 1.0, options.lossCollection);
  });
}

/** Everything added to the losses collection. */
export function getLosses(): Tensor[] {
  return getDefaultGraph().getCollection<Tensor>(LOSSES);
}

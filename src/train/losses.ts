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

/** Name of the collection the losses are added to (TF's `tf.GraphKeys.LOSSES`). */
export const LOSSES = "losses";

/** Keyword arguments shared by the `tf.losses` functions. */
export interface LossOptions {
  /** Weight of each element (broadcast to the losses), 1 by default; elements of weight 0 are not counted. */
  weights?: number | Tensor;
  /** The loss's name scope (`log_loss` / `mean_squared_error` by default). */
  scope?: string;
  /** Collection the loss is added to (`losses` by default); null adds it nowhere. */
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

/**
 * Mean cross-entropy of predicted probabilities against 0/1 labels, over the elements of non-zero weight:
 * -(y log(p + eps) + (1 - y) log(1 - p + eps)). Mirrors TF 1.x `tf.losses.log_loss(labels, predictions,
 * weights=1.0, epsilon=1e-7, scope=None, loss_collection=tf.GraphKeys.LOSSES)`
 * (tensorflow/python/ops/losses/losses_impl.py, `log_loss`).
 * @param labels - The 0/1 labels.
 * @param predictions - Probabilities, same shape as `labels`.
 * @param options.weights - Per-element weights (1).
 * @param options.epsilon - Added inside the logs (1e-7).
 * @param options.scope - Name scope (`log_loss`).
 * @param options.lossCollection - Collection to add the loss to (`losses`), or null.
 * @returns The scalar loss, named `<scope>/value`.
 * @throws {@link ValueError} when the shapes of labels and predictions cannot match.
 * @example
 * ```ts
 * const y = tf.placeholder(tf.float32, [null, 1], { name: "y" });
 * const yProba = tf.sigmoid(tf.placeholder(tf.float32, [null, 1]));
 * const loss = tf.losses.logLoss(y, yProba);
 * ```
 */
export function logLoss(labels: unknown, predictions: unknown, options: LossOptions & { epsilon?: number } = {}): Tensor {
  return inOpScope(options.scope ?? "log_loss", [labels, predictions], () => {
    const p = cast(convertToTensor(predictions), float32);
    const y = cast(convertToTensor(labels), float32);
    const eps = options.epsilon ?? 1e-7;
    const losses = multiply(y, log(p.add(eps))).neg().sub(multiply(y.rsub(1), log(p.rsub(1).add(eps))));
    return weightedMean(losses, options.weights ?? 1.0, options.lossCollection);
  });
}

/**
 * Mean of the squared differences between predictions and labels, over the elements of non-zero weight.
 * Mirrors TF 1.x `tf.losses.mean_squared_error(labels, predictions, weights=1.0, scope=None,
 * loss_collection=tf.GraphKeys.LOSSES)` (tensorflow/python/ops/losses/losses_impl.py, `mean_squared_error`).
 * @param labels - The targets.
 * @param predictions - The predictions, same shape as `labels`.
 * @param options.weights - Per-element weights (1).
 * @param options.scope - Name scope (`mean_squared_error`).
 * @param options.lossCollection - Collection to add the loss to (`losses`), or null.
 * @returns The scalar loss, named `<scope>/value`.
 * @throws {@link ValueError} when the shapes of labels and predictions cannot match.
 * @example
 * ```ts
 * const mse = tf.losses.meanSquaredError(tf.constant([[1], [2]]), tf.constant([[1.5], [2.5]]));
 * ```
 */
export function meanSquaredError(labels: unknown, predictions: unknown, options: LossOptions = {}): Tensor {
  return inOpScope(options.scope ?? "mean_squared_error", [labels, predictions], () => {
    const p = cast(convertToTensor(predictions), float32);
    const y = cast(convertToTensor(labels), float32);
    return weightedMean(squaredDifference(p, y), options.weights ?? 1.0, options.lossCollection);
  });
}

/**
 * Everything added to the `losses` collection of the default graph.
 * Mirrors TF 1.x `tf.losses.get_losses()` (tensorflow/python/ops/losses/util.py, `get_losses`).
 * @returns The loss tensors, in the order they were added.
 * @example
 * ```ts
 * const all = tf.losses.getLosses();
 * ```
 */
export function getLosses(): Tensor[] {
  return getDefaultGraph().getCollection<Tensor>(LOSSES);
}

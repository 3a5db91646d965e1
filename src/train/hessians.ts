// `tf.hessians(ys, xs)`: second derivatives, one row of the Hessian per element of each x.
// TF builds the rows in a while_loop; the engine has no control flow, so the rows are unrolled,
// which needs each x's shape to be known while building.
import { isFullyDefined } from "../base/shape";
import type { Tensor } from "../graph/tensor";
import { ValueError } from "../base/errors";
import { reshape, zerosLike } from "../ops/array/shapeOps";
import { stack, unstack } from "../ops/array/packOps";
import { nameScope } from "../graph/nameScope";
import { gradients } from "./gradients";

/**
 * Second derivatives of the sum of `ys` with respect to each x: for an x of shape S, a tensor of shape S + S.
 * Mirrors TF 1.x `tf.hessians(ys, xs, name="hessians")` (tensorflow/python/ops/gradients_impl.py,
 * `hessians`).
 * @param ys - The tensor(s) to differentiate.
 * @param xsIn - One tensor or a list of them, each with a fully known shape.
 * @param options.name - Name scope of the added ops (`hessians`).
 * @returns One Hessian per x.
 * @throws {@link ValueError} when an x's shape is not fully known, or `ys` does not depend on an x.
 * @example
 * ```ts
 * const x = tf.constant([1, 2], { dtype: tf.float32 });
 * const [h] = tf.hessians(tf.reduceSum(tf.square(x)), x); // [[2, 0], [0, 2]]
 * ```
 */
export function hessians(ys: Tensor | Tensor[], xsIn: Tensor | Tensor[], options: { name?: string } = {}): Tensor[] {
  const xs = Array.isArray(xsIn) ? xsIn : [xsIn];
  return nameScope(options.name ?? "hessians", () => {
    const firstOrder = gradients(ys, xs);
    return xs.map((x, i) => {
      if (!isFullyDefined(x.shape)) {
        throw new ValueError(`hessians needs the shape of ${x.name} to be fully defined, but it is ${x.getShape()}`);
      }
      const g = firstOrder[i];
      if (g === null) throw new ValueError(`ys do not depend on ${x.name}: its Hessian is not defined`);
      const flat = reshape(g, [-1]);
      const n = x.shape.reduce((a, b) => a * b, 1);
      const rows = x.shape.length === 0 ? [reshape(flat, [])] : unstack(flat, { num: n });
      const hessianRows = rows.map((row) => gradients(row, x)[0] ?? zerosLike(x));
      return reshape(stack(hessianRows), [...x.shape, ...x.shape]);
    });
  });
}

import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError } from "../../base/errors";
import { NDArray } from "../../base/ndarray/ndarray";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";
import { convertToTensor } from "./constant";

registerOp({
  type: "Select",
  outputs: ([, x]) => [{ dtype: x.dtype, shape: x.shape }],
  kernel: () => ([c, x, y]) => {
    const out = NDArray.zeros(x.dtype, x.shape);
    const cd = c.data as Uint8Array;
    const xd = x.data as Float32Array;
    const yd = y.data as Float32Array;
    const od = out.data as Float32Array;
    if (c.size === x.size) {
      for (let i = 0; i < od.length; i++) od[i] = cd[i] ? xd[i] : yd[i];
    } else if (c.shape.length === 1 && c.size === x.shape[0]) {
      // A vector condition picks whole rows, as TF's Select does.
      const row = x.size / c.size;
      for (let i = 0; i < od.length; i++) od[i] = cd[Math.floor(i / row)] ? xd[i] : yd[i];
    } else {
      throw new InvalidArgumentError(`'then' and 'else' must have the same size.  but received: [${x.shape}] vs. [${c.shape}]`);
    }
    return [out];
  },
});

/**
 * Elementwise choice: `x` where `condition` is true, `y` elsewhere (a `Select` op). `condition` has the
 * shape of `x`, or is a vector choosing whole rows.
 * Mirrors TF 1.x `tf.where(condition, x, y)` (tensorflow/python/ops/array_ops.py, `where`; op `Select`).
 * Exported as both `tf.select` and `tf.where`.
 * @param condition - a bool tensor
 * @param x - values where true
 * @param y - values where false (same shape and dtype as `x`)
 * @param options.name - the op's name (default "Select")
 * @returns the chosen values
 * @throws {@link InvalidArgumentError} from `sess.run` when the shapes don't match
 * @example
 * ```ts
 * const v = tf.constant([-1, 2, -3]);
 * const relu = tf.where(tf.greater(v, 0), v, tf.zerosLike(v)); // [0, 2, 0]
 * ```
 */
export function select(condition: unknown, x: unknown, y: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Select", [condition, x, y], (opName, graph) => {
    const c = convertToTensor(condition, { name: "condition" });
    const tx = convertToTensor(x, { name: "x" });
    const ty = convertToTensor(y, { name: "y", dtype: tx.dtype });
    return createOp(graph, "Select", opName, [c, tx, ty], { T: attr.type(tx.dtype) }).outputs[0];
  });
}


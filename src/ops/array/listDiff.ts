// ListDiff (`tf.setdiff1d`): the values of x not in y, in x's order, with their positions in x.
import { int32 } from "../../base/dtypes";
import { Tensor } from "../../graph/tensor";
import { NDArray } from "../../base/ndarray/ndarray";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";
import { convertToTensor } from "./constant";

registerOp({
  type: "ListDiff",
  outputs: ([x]) => [
    { dtype: x.dtype, shape: [null] },
    { dtype: int32, shape: [null] },
  ],
  kernel: () => ([x, y]) => {
    const drop = new Set(Array.from(y.data as ArrayLike<number>));
    const values: number[] = [];
    const positions: number[] = [];
    Array.from(x.data as ArrayLike<number>).forEach((v, i) => {
      if (drop.has(v)) return;
      values.push(v);
      positions.push(i);
    });
    const out = NDArray.zeros(x.dtype, [values.length]);
    (out.data as Float64Array).set(values);
    return [out, new NDArray(int32, [positions.length], Int32Array.from(positions))];
  },
  gradient: null,
});

/**
 * The values of vector `x` that are not in `y`, in `x`'s order, and their positions in `x` (a `ListDiff` op).
 * Mirrors TF 1.x `tf.setdiff1d` (tensorflow/python/ops/array_ops.py, `setdiff1d`; op `ListDiff`).
 * @param x - the vector to keep values from
 * @param y - the values to remove (converted to `x`'s dtype)
 * @param options.name - the op's name (default "ListDiff")
 * @returns `[out, idx]`: the kept values and their int32 indices in `x`
 * @throws {@link ValueError} when `y` is a tensor of another dtype
 * @example
 * ```ts
 * const [out, idx] = tf.setdiff1d(tf.constant([1, 2, 3, 4]), [2, 4]); // [1, 3], [0, 2]
 * ```
 */
export function setdiff1d(x: unknown, y: unknown, options: { name?: string } = {}): [Tensor, Tensor] {
  return inOpScope(options.name ?? "ListDiff", [x, y], (opName, graph) => {
    const tx = convertToTensor(x, { name: "x" });
    const ty = convertToTensor(y, { name: "y", dtype: tx.dtype });
    const op = createOp(graph, "ListDiff", opName, [tx, ty], { T: attr.type(tx.dtype), out_idx: attr.type(int32) });
    return [op.outputs[0], op.outputs[1]];
  });
}

import { DType } from "../../base/dtypes";
import { checkRequired } from "../../base/optionalArgs";
import { Tensor } from "../../graph/tensor";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";
import { convertToTensor } from "../array/constant";

registerOp({
  type: "Cast",
  outputs: ([x], attrs) => [{ dtype: (attrs.DstT as { value: DType }).value, shape: x.shape }],
  kernel: (op) => {
    const dst = op.attrType("DstT");
    return ([x]) => [x.astype(dst)];
  },
  gradient: (op, [g]) => {
    const src = op.attrType("SrcT");
    const dst = op.attrType("DstT");
    return [g && src.isFloating && dst.isFloating ? cast(g, src) : null];
  },
});

/**
 * Converts `x` to another dtype elementwise (a `Cast` op); returns `x` itself when it already has that
 * dtype, as TF does. Floats cast to integers truncate toward zero; bools become 0/1.
 * Mirrors TF 1.x `tf.cast` (tensorflow/python/ops/math_ops.py, `cast`).
 * @param x - a tensor, Variable or JS value
 * @param dtype - the target {@link DType}
 * @param options.name - the op's name (default "Cast")
 * @returns the converted tensor
 * @throws TypeError when `dtype` is missing or not a DType
 * @example
 * ```ts
 * const correct = tf.equal(tf.constant([1, 2]), tf.constant([1, 3]));
 * const accuracy = tf.reduceMean(tf.cast(correct, tf.float32)); // 0.5
 * ```
 */
export function cast(x: unknown, dtype: DType, options: { name?: string } = {}): Tensor {
  checkRequired("tf.cast", "dtype", dtype);
  const t = convertToTensor(x, { name: "x" });
  if (t.dtype === dtype) return t;
  return inOpScope(options.name ?? "Cast", [t], (opName, graph) =>
    createOp(graph, "Cast", opName, [t], { SrcT: attr.type(t.dtype), DstT: attr.type(dtype), Truncate: attr.bool(false) })
      .outputs[0],
  );
}

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

/** `tf.cast(x, dtype)`: returns `x` itself when it already has that dtype, as TF does. */
export function cast(x: unknown, dtype: DType, options: { name?: string } = {}): Tensor {
  checkRequired("tf.cast", "dtype", dtype);
  const t = convertToTensor(x, { name: "x" });
  if (t.dtype === dtype) return t;
  return inOpScope(options.name ?? "Cast", [t], (opName, graph) =>
    createOp(graph, "Cast", opName, [t], { SrcT: attr.type(t.dtype), DstT: attr.type(dtype), Truncate: attr.bool(false) })
      .outputs[0],
  );
}

import type { Tensor } from "../graph/tensor";
import type { NDArray } from "../base/ndarray/ndarray";
import { isFullyDefined } from "../base/shape";
import { NDArray as ND } from "../base/ndarray/ndarray";
import { int32 } from "../base/dtypes";

/** TF's `tensor_util.constant_value`: the value of a tensor known while building, else null. */
export function constantValue(t: Tensor): NDArray | null {
  const op = t.op;
  if (op.type === "Const") {
    const v = op.attrs.value;
    return v.kind === "tensor" ? v.value : null;
  }
  if (op.type === "Shape" && isFullyDefined(op.inputs[0].shape)) {
    return ND.from(op.inputs[0].shape as number[], int32);
  }
  if (op.type === "Identity") return constantValue(op.inputs[0]);
  if (op.type === "Pack" && op.attrs.axis?.kind === "i" && op.attrs.axis.value === 0) return packedValue(op.inputs);
  return null;
}

/** Constant value as plain numbers (axes, shapes, perms), or null. */
export function constantNumbers(t: Tensor): number[] | null {
  const v = constantValue(t);
  return v ? Array.from(v.data as Int32Array) : null;
}

/** Pack along axis 0 of inputs all known while building: their values one after another. */
function packedValue(inputs: Tensor[]): NDArray | null {
  const parts = inputs.map(constantValue);
  if (parts.some((p) => p === null)) return null;
  const arrays = parts as NDArray[];
  if (!arrays[0].dtype.isNumeric) return null;
  const data = arrays.flatMap((a) => Array.from(a.data as ArrayLike<number>));
  return ND.from(data, arrays[0].dtype).reshape([arrays.length, ...arrays[0].shape]);
}

import type { DType } from "../../base/dtypes";
import { getDefaultGraph } from "../../graph/graph";
import { StaticShape, shapeToDebug, toStaticShape } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError } from "../../base/errors";
import { attr } from "../attrs";
import { createOpNamed } from "../createOp";
import { registerOp } from "../registry";
import { convertToTensor } from "./constant";
import { checkRequired, optionalArgs } from "../../base/optionalArgs";

registerOp({
  type: "Placeholder",
  outputs: (_inputs, attrs) => [
    { dtype: (attrs.dtype as { value: DType }).value, shape: (attrs.shape as { value: StaticShape }).value },
  ],
  kernel: (op) => {
    const dtype = op.attrType("dtype");
    const shape = (op.attrs.shape as { value: StaticShape }).value;
    const suffix = shape === null ? "" : ` and shape ${shapeToDebug(shape)}`;
    return () => {
      throw new InvalidArgumentError(
        `You must feed a value for placeholder tensor '${op.name}' with dtype ${dtype.cName}${suffix}`,
      );
    };
  },
  gradient: null,
});

registerOp({
  type: "PlaceholderWithDefault",
  outputs: ([input], attrs) => [{ dtype: input.dtype, shape: (attrs.shape as { value: StaticShape }).value }],
  kernel: () => (inputs) => [inputs[0]],
  // Unfed, it passes its input through, so the gradient does too (TF registers Identity's gradient).
  gradient: (_op, [g]) => [g],
});

export interface PlaceholderOptions {
  /** `null` (unknown rank) by default; `null` entries are unknown dims: `[null, 3]`. */
  shape?: readonly (number | null)[] | null;
  name?: string;
}

/** `tf.placeholder(dtype, shape=None, name=None)`: a value that must be fed at run time. */
export function placeholder(dtype: DType, options?: PlaceholderOptions): Tensor;
export function placeholder(dtype: DType, shape: readonly (number | null)[] | null | undefined, options?: PlaceholderOptions): Tensor;
export function placeholder(dtype: DType, ...rest: unknown[]): Tensor {
  checkRequired("tf.placeholder", "dtype", dtype);
  const { values, options } = optionalArgs<PlaceholderOptions>({ fn: "tf.placeholder", names: ["shape"] }, rest);
  const shape = (values[0] as readonly (number | null)[] | undefined) ?? options.shape;
  const op = createOpNamed(getDefaultGraph(), "Placeholder", options.name ?? "Placeholder", [], {
    dtype: attr.type(dtype),
    shape: attr.shape(toStaticShape(shape)),
  });
  return op.outputs[0];
}

/** `tf.placeholder_with_default(input, shape)`: the input's value unless fed. */
export function placeholderWithDefault(input: unknown, shape: (number | null)[] | null, options: { name?: string } = {}): Tensor {
  const t = convertToTensor(input, { name: "input" });
  const op = createOpNamed(getDefaultGraph(), "PlaceholderWithDefault", options.name ?? "PlaceholderWithDefault", [t], {
    dtype: attr.type(t.dtype),
    shape: attr.shape(toStaticShape(shape)),
  });
  return op.outputs[0];
}

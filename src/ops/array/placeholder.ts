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

/** Options of {@link placeholder}. */
export interface PlaceholderOptions {
  /** `null` (unknown rank) by default; `null` entries are unknown dims: `[null, 3]`. */
  shape?: readonly (number | null)[] | null;
  /** The op's name (default "Placeholder"). */
  name?: string;
}

/**
 * A graph input with no value of its own: every `sess.run` that needs it must feed one.
 * Mirrors TF 1.x `tf.placeholder` (tensorflow/python/ops/array_ops.py, `placeholder`).
 * `shape` may be given positionally or in the options.
 * @param dtype - the element type of the values to feed
 * @param options.shape - static shape; `null` entries are dimensions left open, `null` itself leaves the rank open
 * @param options.name - the op's name (default "Placeholder")
 * @returns the placeholder's output
 * @throws TypeError when `dtype` is missing or not a {@link DType}
 * @throws {@link ValueError} when a dimension is negative
 * @throws {@link InvalidArgumentError} (from `sess.run`) when a fetch needs the placeholder and it is not fed
 * @example
 * ```ts
 * const X = tf.placeholder(tf.float32, [null, 3], { name: "X" });
 * const y = tf.placeholder(tf.float32, { shape: [null, 1] });
 * ```
 */
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

/**
 * A placeholder that need not be fed: unfed, it passes `input` through.
 * Mirrors TF 1.x `tf.placeholder_with_default` (tensorflow/python/ops/array_ops.py, generated
 * `placeholder_with_default` in gen_array_ops.py).
 * @param input - the default value (tensor or JS value)
 * @param shape - the static shape of the output, which may be looser than the default's
 * @param options.name - the op's name (default "PlaceholderWithDefault")
 * @returns the op's output
 * @throws {@link ValueError} when `input` is null/undefined or a dimension is negative
 * @example
 * ```ts
 * const training = tf.placeholderWithDefault(false, [], { name: "training" });
 * ```
 */
export function placeholderWithDefault(input: unknown, shape: (number | null)[] | null, options: { name?: string } = {}): Tensor {
  const t = convertToTensor(input, { name: "input" });
  const op = createOpNamed(getDefaultGraph(), "PlaceholderWithDefault", options.name ?? "PlaceholderWithDefault", [t], {
    dtype: attr.type(t.dtype),
    shape: attr.shape(toStaticShape(shape)),
  });
  return op.outputs[0];
}

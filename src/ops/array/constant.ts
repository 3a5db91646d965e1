import { DType } from "../../base/dtypes";
import { getDefaultGraph } from "../../graph/graph";
import { Tensor } from "../../graph/tensor";
import { ArrayLike, NDArray } from "../../base/ndarray/ndarray";
import { attr } from "../attrs";
import { createOpNamed } from "../createOp";
import { registerOp } from "../registry";
import { ValueError } from "../../base/errors";
import { describeValue, isPlainObject, misplacedOptions, optionalArgs } from "../../base/optionalArgs";

registerOp({
  type: "Const",
  outputs: (_inputs, attrs) => {
    const v = attrs.value;
    if (v.kind !== "tensor") throw new Error("Const needs a tensor value");
    return [{ dtype: v.value.dtype, shape: [...v.value.shape] }];
  },
  kernel: (op) => {
    const a = op.attrs.value;
    const value = a.kind === "tensor" ? a.value : null;
    return () => [value as NDArray];
  },
  gradient: null,
});

/** Options of {@link constant} (Python's keyword arguments of `tf.constant`). */
export interface ConstantOptions {
  /** The element type; by default inferred from the value (JS numbers give float32). */
  dtype?: DType;
  /** Reshape a matching value, or fill the shape with the given values and then the last one. */
  shape?: readonly number[];
  /** The op's name (default "Const", made unique in the current name scope). */
  name?: string;
  /** Require the value's own shape to equal `shape` (TypeError otherwise). */
  verifyShape?: boolean;
}

/**
 * A tensor whose value is fixed when the graph is built: a `Const` op holding `value`.
 * Mirrors TF 1.x `tf.constant` (tensorflow/python/framework/constant_op.py, `constant`).
 * `dtype` and `shape` may be given positionally, as in Python, or in the options object.
 * @param value - a number, boolean, string, nested array of them, or an {@link NDArray}
 * @param options.dtype - element type to store (the value is converted to it)
 * @param options.shape - shape of the result: a value with as many elements is reshaped, a shorter one is
 *   padded with its last element
 * @param options.name - the op's name (default "Const")
 * @param options.verifyShape - when true, the value's own shape must equal `shape`
 * @returns the `Const` op's output
 * @throws {@link ValueError} when the value has more elements than `shape` holds
 * @throws TypeError when `verifyShape` is set and the shapes differ, or when a plain object is passed as
 *   the value (a misplaced options object)
 * @example
 * ```ts
 * const a = tf.constant([[1, 2], [3, 4]]);               // float32, shape (2, 2)
 * const b = tf.constant(0, tf.int32, [3], { name: "b" }); // [0, 0, 0]
 * ```
 */
export function constant(value: ArrayLike, options?: ConstantOptions): Tensor;
export function constant(
  value: ArrayLike,
  dtype: DType | null | undefined,
  options?: ConstantOptions,
): Tensor;
export function constant(
  value: ArrayLike,
  dtype: DType | null | undefined,
  shape: readonly number[] | null | undefined,
  options?: ConstantOptions,
): Tensor;
export function constant(value: ArrayLike, ...rest: unknown[]): Tensor {
  const { values, options } = optionalArgs<ConstantOptions>(
    { fn: "tf.constant", names: ["dtype", "shape"] },
    rest,
  );
  const dtype = (values[0] as DType | undefined) ?? options.dtype;
  const shape = (values[1] as readonly number[] | undefined) ?? options.shape;
  if (isPlainObject(value)) throw misplacedOptions("tf.constant", "value", value);
  let array = NDArray.from(value, dtype);
  if (shape) array = fitToShape(array, [...shape], options.verifyShape ?? false);
  const graph = getDefaultGraph();
  const op = createOpNamed(graph, "Const", options.name ?? "Const", [], {
    dtype: attr.type(array.dtype),
    value: attr.tensor(array),
  });
  return op.outputs[0];
}

/**
 * TF's `make_tensor_proto` with a `shape`: the same number of values is reshaped; fewer values
 * fill the rest with the last one (none given: zeros); more is a ValueError.
 */
function fitToShape(array: NDArray, shape: number[], verifyShape: boolean): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  if (verifyShape && array.shape.join(",") !== shape.join(",")) {
    throw new TypeError(`Expected Tensor's shape: ${pyTuple(shape)}, got ${pyTuple(array.shape)}.`);
  }
  // No elements to hold: TF starts from an empty array of that shape whatever the value.
  if (size === 0) return NDArray.zeros(array.dtype, shape);
  if (array.size > size) {
    throw new ValueError(`Too many elements provided. Needed at most ${size}, but received ${array.size}`);
  }
  if (array.size === size) return array.reshape(shape);
  const out = NDArray.zeros(array.dtype, shape);
  const from = array.data as unknown[];
  const to = out.data as unknown[];
  for (let i = 0; i < from.length; i++) to[i] = from[i];
  if (from.length > 0) for (let i = from.length; i < size; i++) to[i] = from[from.length - 1];
  return out;
}

/** Python's repr of a tuple of ints: `(5,)`, `(2, 3)`. */
const pyTuple = (dims: readonly number[]) => (dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(", ")})`);

/** A variable's snapshot is what ops read; the Variable class registers how to get it. */
export const variableReadHook: { read: ((v: unknown) => Tensor | null) | null } = { read: null };

/** Options of {@link convertToTensor}. */
export interface ConvertOptions {
  /** The dtype the result must have: a tensor of another dtype is an error, a JS value is converted to it. */
  dtype?: DType;
  /** Name of the `Const` op made for a JS value (default "Const"). */
  name?: string;
  /** Dtype to use for plain JS numbers when `dtype` is not given (float32 otherwise). */
  preferredDtype?: DType;
}

/**
 * Turns anything an op accepts into a tensor: tensors pass through (dtype checked), variables give
 * their snapshot, and JS values become a `Const` op in the current name scope.
 * Mirrors TF 1.x `tf.convert_to_tensor` (tensorflow/python/framework/ops.py, `convert_to_tensor`).
 * @param value - a {@link Tensor}, a Variable, or a value {@link constant} accepts
 * @param options.dtype - the dtype the result must have
 * @param options.name - name of the `Const` op made for a JS value
 * @param options.preferredDtype - dtype for JS numbers when `dtype` is not given (float32 otherwise)
 * @returns the tensor itself, or a new `Const` output
 * @throws {@link ValueError} when a tensor's dtype differs from `options.dtype`, or the value is null/undefined
 * @throws TypeError when the value is a plain object
 * @example
 * ```ts
 * const t = tf.convertToTensor([1, 2, 3], { dtype: tf.int32 });
 * ```
 */
export function convertToTensor(value: unknown, options: ConvertOptions = {}): Tensor {
  const read = variableReadHook.read?.(value);
  const t = read ?? (value instanceof Tensor ? value : null);
  if (t) {
    if (options.dtype && t.dtype !== options.dtype) {
      throw new ValueError(
        `Tensor conversion requested dtype ${options.dtype.name} for Tensor with dtype ${t.dtype.name}: '${t}'`,
      );
    }
    return t;
  }
  if (value === null || value === undefined) {
    throw new ValueError(`None values not supported. (argument '${options.name ?? "value"}')`);
  }
  if (isPlainObject(value)) {
    // TF's text for a dict, and a hint: in this API a `{ ... }` argument is usually options put in a value's place.
    throw new TypeError(
      `Failed to convert object of type <class 'dict'> to Tensor. Contents: ${describeValue(value)}. Consider casting elements to a supported type. ` +
        `(argument '${options.name ?? "value"}' received a plain object: a misplaced options object? Options come last, after the values.)`,
    );
  }
  // Plain JS numbers become float32 unless a dtype is given (NDArray.from's rule).
  return constant(value as ArrayLike, {
    dtype: options.dtype ?? options.preferredDtype,
    name: options.name ?? "Const",
  });
}

/** Convert operands of a binary op: a JS value takes the dtype of the tensor it is combined with. */
/**
 * `opType` names the op in the dtype-mismatch TypeError, as TF's op_def_library does (`'Add' Op`);
 * `argNames` are the op's input names, used for converted constants (`MatMul/b`) and that message.
 */
export function convertPair(
  x: unknown,
  y: unknown,
  opType = "op",
  argNames: readonly [string, string] = ["x", "y"],
): [Tensor, Tensor] {
  const [nx, ny] = argNames;
  const xt = isTensorLike(x) ? convertToTensor(x, { name: nx }) : null;
  const yt = isTensorLike(y) ? convertToTensor(y, { name: ny }) : null;
  const dtype = xt?.dtype ?? yt?.dtype;
  const tx = xt ?? convertToTensor(x, { name: nx, dtype });
  const ty = yt ?? convertToTensor(y, { name: ny, dtype });
  if (tx.dtype !== ty.dtype) {
    throw new TypeError(
      `Input '${ny}' of '${opType}' Op has type ${ty.dtype.name} that does not match type ${tx.dtype.name} of argument '${nx}'.`,
    );
  }
  return [tx, ty];
}

export function isTensorLike(v: unknown): boolean {
  return v instanceof Tensor || variableReadHook.read?.(v) != null;
}

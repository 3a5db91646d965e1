import { DType } from "../../graph/dtypes";
import { getDefaultGraph } from "../../graph/graph";
import { Tensor } from "../../graph/tensor";
import { ArrayLike, NDArray } from "../../runtime/ndarray";
import { attr } from "../attrs";
import { createOpNamed } from "../createOp";
import { registerOp } from "../registry";
import { ValueError } from "../../errors";
import { describeValue, isPlainObject, misplacedOptions, optionalArgs } from "../../optionalArgs";

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

export interface ConstantOptions {
  dtype?: DType;
  /** Broadcast a scalar (or reshape a matching value) to this shape. */
  shape?: readonly number[];
  name?: string;
}

/** `tf.constant(value, dtype=None, shape=None, name="Const")`. */
export function constant(value: ArrayLike, options?: ConstantOptions): Tensor;
export function constant(value: ArrayLike, dtype: DType | null | undefined, options?: ConstantOptions): Tensor;
export function constant(value: ArrayLike, dtype: DType | null | undefined, shape: readonly number[] | null | undefined, options?: ConstantOptions): Tensor;
export function constant(value: ArrayLike, ...rest: unknown[]): Tensor {
  const { values, options } = optionalArgs<ConstantOptions>({ fn: "tf.constant", names: ["dtype", "shape"] }, rest);
  const dtype = (values[0] as DType | undefined) ?? options.dtype;
  const shape = (values[1] as readonly number[] | undefined) ?? options.shape;
  if (isPlainObject(value)) throw misplacedOptions("tf.constant", "value", value);
  let array = NDArray.from(value, dtype);
  if (shape) array = fitToShape(array, [...shape]);
  const graph = getDefaultGraph();
  const op = createOpNamed(graph, "Const", options.name ?? "Const", [], {
    dtype: attr.type(array.dtype),
    value: attr.tensor(array),
  });
  return op.outputs[0];
}

function fitToShape(array: NDArray, shape: number[]): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  if (array.size === size) return array.reshape(shape);
  if (array.size === 1) {
    const out = NDArray.zeros(array.dtype, shape);
    for (let i = 0; i < size; i++) (out.data as unknown[])[i] = (array.data as unknown[])[0];
    return out;
  }
  throw new TypeError(`Expected Tensor's shape: (${shape.join(", ")}), got (${array.shape.join(", ")}).`);
}

/** A variable's snapshot is what ops read; the Variable class registers how to get it. */
export const variableReadHook: { read: ((v: unknown) => Tensor | null) | null } = { read: null };

export interface ConvertOptions {
  dtype?: DType;
  name?: string;
  /** Dtype to use for plain JS numbers when `dtype` is not given (float32 otherwise). */
  preferredDtype?: DType;
}

/**
 * `ops.convert_to_tensor`: tensors pass through (dtype checked), variables give their snapshot,
 * anything else becomes a Const in the current scope.
 */
export function convertToTensor(value: unknown, options: ConvertOptions = {}): Tensor {
  const read = variableReadHook.read?.(value);
  const t = read ?? (value instanceof Tensor ? value : null);
  if (t) {
    if (options.dtype && t.dtype !== options.dtype) {
      throw new ValueError(`Tensor conversion requested dtype ${options.dtype.name} for Tensor with dtype ${t.dtype.name}: '${t}'`);
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
  return constant(value as ArrayLike, { dtype: options.dtype ?? options.preferredDtype, name: options.name ?? "Const" });
}

/** Convert operands of a binary op: a JS value takes the dtype of the tensor it is combined with. */
/**
 * `opType` names the op in the dtype-mismatch TypeError, as TF's op_def_library does (`'Add' Op`);
 * `argNames` are the op's input names, used for converted constants (`MatMul/b`) and that message.
 */
export function convertPair(x: unknown, y: unknown, opType = "op", argNames: readonly [string, string] = ["x", "y"]): [Tensor, Tensor] {
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


import { DType, TypedStorage, allocStorage, bool, float32, float64, int32, int64, string } from "../dtypes";
import { formatNDArray, reprNDArray } from "./format";
import { ValueError } from "../errors";

/** A concrete shape: one non-negative length per dimension (`[]` for a scalar). */
export type Shape = number[];
/** What a user may feed or pass as a constant: numbers, booleans, strings, nested arrays, typed arrays, NDArrays. */
export type NestedArray = number | boolean | string | Uint8Array | readonly NestedArray[];

/** One element's JS value: a number, or a boolean (bool arrays) or a string (string arrays). */
export type Scalar = number | boolean | string;
/** `toArray()`'s result when the rank is not given: a bare value for scalars, nested arrays otherwise. */
export type Nested<E extends Scalar = number> = E | Nested<E>[];
/** `toArray(rank)`'s result: `E` for rank 0, `E[]` for rank 1, `E[][]` for rank 2, ... up to rank 4. */
export type NestedOfRank<E, R extends number> = R extends 0
  ? E
  : R extends 1
    ? E[]
    : R extends 2
      ? E[][]
      : R extends 3
        ? E[][][]
        : R extends 4
          ? E[][][][]
          : Nested<E & Scalar>;
/** Anything convertible to an NDArray: nested arrays and scalars, a flat typed array, or an NDArray. */
export type ArrayLike = NestedArray | Float32Array | Float64Array | Int32Array | NDArray;

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * A concrete tensor value: what `sess.run` returns and what feeds are converted to.
 * Row-major, dense, immutable by convention (kernels allocate new ones). Plays the part of the NumPy
 * `ndarray` that TF 1.x's `sess.run` returns.
 * @example
 * ```ts
 * const a = tf.NDArray.from([[1, 2], [3, 4]]);
 * const text = a.toString(); // "[[1. 2.]\n [3. 4.]]"
 * ```
 */
export class NDArray {
  /**
   * @param dtype - The element type.
   * @param shape - The dimensions.
   * @param data - The flat row-major values (a typed array, or an array of UTF-8 byte strings).
   * @throws Error when `data` does not hold exactly the number of elements `shape` asks for.
   */
  constructor(
    /** The element type. */
    readonly dtype: DType,
    /** The dimensions, outermost first. */
    readonly shape: Shape,
    /** The flat row-major values. */
    readonly data: TypedStorage,
  ) {
    if (data.length !== shapeSize(shape)) {
      throw new Error(`NDArray: ${data.length} values do not fill shape [${shape.join(",")}]`);
    }
  }

  /**
   * An array of zeros, like `np.zeros(shape, dtype)`.
   * @param dtype - The element type.
   * @param shape - The dimensions.
   * @returns The new array.
   * @example
   * ```ts
   * const z = tf.NDArray.zeros(tf.float32, [2, 3]);
   * ```
   */
  static zeros(dtype: DType, shape: Shape): NDArray {
    return new NDArray(dtype, [...shape], allocStorage(dtype, shapeSize(shape)));
  }

  /**
   * A rank-0 array holding `value`.
   * @param value - The value.
   * @param dtype - The element type; inferred as in {@link NDArray.from} by default.
   * @returns The new array.
   * @example
   * ```ts
   * const s = tf.NDArray.scalar(42, tf.int32);
   * ```
   */
  static scalar(value: number | boolean | string, dtype?: DType): NDArray {
    return NDArray.from(value, dtype);
  }

  /**
   * Convert a JS value to an NDArray, as `np.asarray(value, dtype)` does. Without a dtype, numbers
   * become float32 (JavaScript has a single number type), booleans bool and strings string.
   */
  static from(value: ArrayLike, dtype?: DType): NDArray {
    if (value instanceof NDArray) return dtype && dtype !== value.dtype ? value.astype(dtype) : value;
    if (value instanceof Float32Array || value instanceof Float64Array || value instanceof Int32Array) {
      const dt = dtype ?? (value instanceof Float32Array ? float32 : value instanceof Float64Array ? float64 : int32);
      return fromFlat([value.length], Array.from(value), dt);
    }
    const shape: number[] = [];
    let probe: unknown = value;
    while (Array.isArray(probe)) {
      shape.push(probe.length);
      if (probe.length === 0) break;
      probe = probe[0];
    }
    const flat: unknown[] = [];
    flatten(value, 0, shape, flat);
    const inferred =
      dtype ??
      (typeof probe === "boolean" ? bool : typeof probe === "string" || probe instanceof Uint8Array ? string : float32);
    return fromFlat(shape, flat, inferred);
  }

  /** The number of elements. */
  get size(): number {
    return this.data.length;
  }
  /** The number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /**
   * The single value of a one-element array, like NumPy's `item()`: a number for numeric arrays.
   * A bool or string array gives a boolean or string; say so with `item<boolean>()` / `item<string>()`.
   */
  item<E extends Scalar = number>(): NoInfer<E> {
    if (this.size !== 1) throw new Error("can only convert an array of size 1 to a Python scalar");
    return this.valueAt(0) as E;
  }

  /** Element `i` of the flat data as a JS value (bytes decoded as UTF-8 for strings). */
  valueAt(i: number): number | boolean | string {
    if (this.dtype === string) return textDecoder.decode((this.data as Uint8Array[])[i]);
    if (this.dtype === bool) return (this.data as Uint8Array)[i] !== 0;
    return (this.data as Float32Array)[i];
  }

  /**
   * Nested JS arrays (a bare value for scalars). Give the rank you expect to get a precise type,
   * checked at run time: `m.toArray(2)` is a `number[][]`, and throws a ValueError if `m` is not a
   * matrix. Without it the result is the union `Nested<number>`. Elements are numbers for numeric
   * arrays; for bool or string arrays name the element type: `toArray<string>(1)`.
   */
  toArray<E extends Scalar = number>(): NoInfer<Nested<E>>;
  toArray<E extends Scalar = number, R extends number = number>(rank: R): NoInfer<NestedOfRank<E, R>>;
  toArray(rank?: number): Nested<Scalar> {
    if (rank !== undefined && rank !== this.shape.length) {
      throw new ValueError(`toArray(${rank}): expected an array of rank ${rank}, but this one has shape [${this.shape.join(",")}] (rank ${this.shape.length})`);
    }
    const build = (dim: number, offset: number): Nested<Scalar> => {
      if (dim === this.shape.length) return this.valueAt(offset);
      const stride = shapeSize(this.shape.slice(dim + 1));
      return Array.from({ length: this.shape[dim] }, (_, i) => build(dim + 1, offset + i * stride));
    };
    return build(0, 0);
  }

  /** Flat numeric copy as float64 (convenient for tests and metrics). */
  toFloat64(): Float64Array {
    if (this.dtype === string) throw new TypeError("string arrays have no numeric value");
    return Float64Array.from(this.data as Float32Array);
  }

  /**
   * A copy converted to `dtype` (this array itself when the dtype is already right), like NumPy's `astype`;
   * floats become integers by truncation.
   * @param dtype - The new element type.
   * @returns The converted array.
   * @throws TypeError when converting to or from strings.
   * @example
   * ```ts
   * const ints = tf.NDArray.from([1.7, -1.7]).astype(tf.int32); // [1, -1]
   * ```
   */
  astype(dtype: DType): NDArray {
    if (dtype === this.dtype) return this;
    const out = allocStorage(dtype, this.size);
    if (dtype === string || this.dtype === string) throw new TypeError(`Cannot cast ${this.dtype.name} to ${dtype.name}`);
    const src = this.data as Float32Array;
    const dst = out as Float32Array;
    if (dtype === bool) for (let i = 0; i < src.length; i++) dst[i] = src[i] !== 0 ? 1 : 0;
    else if (dtype.isInteger) for (let i = 0; i < src.length; i++) dst[i] = Math.trunc(src[i]);
    else dst.set(src);
    return new NDArray(dtype, [...this.shape], out);
  }

  /**
   * The same values with another shape (the data is shared), like NumPy's `reshape`.
   * @param shape - The new dimensions; their product must equal `size`.
   * @returns The reshaped array.
   * @throws Error when the new shape holds a different number of elements.
   * @example
   * ```ts
   * const m = tf.NDArray.from([1, 2, 3, 4]).reshape([2, 2]);
   * ```
   */
  reshape(shape: Shape): NDArray {
    return new NDArray(this.dtype, [...shape], this.data);
  }

  /** NumPy's `str(array)`: `[[6. 7. 8.]]`. */
  toString(): string {
    return formatNDArray(this);
  }
  /** NumPy's `repr(array)`: `array([[6., 7., 8.]], dtype=float32)`. */
  repr(): string {
    return reprNDArray(this);
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function flatten(value: unknown, dim: number, shape: number[], out: unknown[]): void {
  if (dim === shape.length) {
    if (Array.isArray(value)) throw new Error("setting an array element with a sequence: the nested lists are ragged");
    out.push(value);
    return;
  }
  if (!Array.isArray(value) || value.length !== shape[dim]) {
    throw new Error(
      `setting an array element with a sequence: expected a list of length ${shape[dim]} at depth ${dim}, the nested lists are ragged`,
    );
  }
  for (const v of value) flatten(v, dim + 1, shape, out);
}

function fromFlat(shape: number[], flat: unknown[], dtype: DType): NDArray {
  const data = allocStorage(dtype, flat.length);
  if (dtype === string) {
    const strings = data as Uint8Array[];
    flat.forEach((v, i) => {
      if (typeof v === "string") strings[i] = textEncoder.encode(v);
      else if (v instanceof Uint8Array) strings[i] = v;
      else throw new TypeError(`Expected string or bytes, got ${typeof v}`);
    });
  } else {
    const nums = data as Float32Array;
    for (let i = 0; i < flat.length; i++) {
      const v = flat[i];
      if (typeof v === "number") nums[i] = dtype.isInteger ? Math.trunc(v) : v;
      else if (typeof v === "boolean") nums[i] = v ? 1 : 0;
      else throw new TypeError(`could not convert ${typeof v} ${JSON.stringify(v)} to ${dtype.name}`);
    }
  }
  return new NDArray(dtype, shape, data);
}

export { float32, float64, int32, int64, bool, string };

/** TF data types. One object per dtype, compared by identity (`t.dtype === tf.float32`). */

/** The Python names of the dtypes the engine supports. */
export type DTypeName = "float32" | "float64" | "int32" | "int64" | "bool" | "string";

/** Storage used for each dtype: strings are byte strings (TF strings hold bytes, e.g. serialized summaries). */
/** The flat storage of an NDArray: a typed array for numbers and bools, UTF-8 byte strings for strings. */
export type TypedStorage = Float32Array | Float64Array | Int32Array | Uint8Array | Uint8Array[];

/**
 * An element type. There is one object per dtype (`tf.float32`, `tf.int32`, ...), so dtypes compare by
 * identity; the constructor is for the engine's own table.
 * Mirrors TF 1.x `tf.DType` (tensorflow/python/framework/dtypes.py, class `DType`).
 * @example
 * ```ts
 * const x = tf.constant([1, 2], tf.int32);
 * const isInt = x.dtype === tf.int32 && x.dtype.isInteger; // true
 * ```
 */
export class DType {
  constructor(
    /** Python name: `float32`. */
    readonly name: DTypeName,
    /** `DataType` enum value in TF's protos (DT_FLOAT = 1, ...). */
    readonly protoEnum: number,
    /** C++ `DataTypeString`, used in kernel error messages (`float`). */
    readonly cName: string,
    /** Bytes per element in checkpoints (0 for strings). */
    readonly byteSize: number,
  ) {}

  /** True for float32 and float64 (TF's `is_floating`). */
  get isFloating(): boolean {
    return this.name === "float32" || this.name === "float64";
  }
  /** True for int32 and int64 (TF's `is_integer`). */
  get isInteger(): boolean {
    return this.name === "int32" || this.name === "int64";
  }
  /** True for the floating and integer dtypes (not bool or string). */
  get isNumeric(): boolean {
    return this.isFloating || this.isInteger;
  }
  /** Ref dtype name, as a variable's tensor prints: `float32_ref`. */
  get refName(): string {
    return `${this.name}_ref`;
  }
  /** Python's `repr(dtype)`: `<dtype: 'float32'>`. */
  toString(): string {
    return `<dtype: '${this.name}'>`;
  }
}

/**
 * 32-bit float, the default dtype of JS numbers in {@link constant} and of most ops. Mirrors `tf.float32` (tensorflow/python/framework/dtypes.py).
 * @example
 * ```ts
 * const x = tf.placeholder(tf.float32, [null, 3]);
 * ```
 */
export const float32 = new DType("float32", 1, "float", 4);
/**
 * 64-bit float. Mirrors `tf.float64` (tensorflow/python/framework/dtypes.py).
 * @example
 * ```ts
 * const precise = tf.constant(0.1, tf.float64);
 * ```
 */
export const float64 = new DType("float64", 2, "double", 8);
/**
 * 32-bit signed integer, the dtype of shapes and indices. Mirrors `tf.int32` (tensorflow/python/framework/dtypes.py).
 * @example
 * ```ts
 * const counts = tf.zeros([3], tf.int32);
 * ```
 */
export const int32 = new DType("int32", 3, "int32", 4);
/**
 * 64-bit signed integer (stored in doubles here: exact up to 2^53), the dtype of `argMax` and the global
 * step. Mirrors `tf.int64` (tensorflow/python/framework/dtypes.py).
 * @example
 * ```ts
 * const step = tf.Variable(0, { dtype: tf.int64, trainable: false });
 * ```
 */
export const int64 = new DType("int64", 9, "int64", 8);
/**
 * Boolean, the dtype of comparisons. Mirrors `tf.bool` (tensorflow/python/framework/dtypes.py).
 * @example
 * ```ts
 * const training = tf.placeholderWithDefault(false, []); // dtype tf.bool
 * ```
 */
export const bool = new DType("bool", 10, "bool", 1);
/**
 * Byte string (TF strings hold bytes, such as serialized summaries). Mirrors `tf.string` (tensorflow/python/framework/dtypes.py).
 * @example
 * ```ts
 * const s = tf.constant("hello"); // dtype tf.string
 * ```
 */
export const string = new DType("string", 7, "string", 0);

export const ALL_DTYPES: readonly DType[] = [float32, float64, int32, int64, bool, string];

export function dtypeFromName(name: string): DType {
  const found = ALL_DTYPES.find((d) => d.name === name || d.cName === name);
  if (!found) throw new TypeError(`Unknown dtype: ${name}`);
  return found;
}

export function dtypeFromProto(value: number): DType {
  const found = ALL_DTYPES.find((d) => d.protoEnum === value || d.protoEnum + 100 === value);
  if (!found) throw new TypeError(`Unsupported DataType enum value ${value}`);
  return found;
}

/** Allocate zeroed storage for `size` elements of `dtype`. */
export function allocStorage(dtype: DType, size: number): TypedStorage {
  switch (dtype.name) {
    case "float32":
      return new Float32Array(size);
    case "float64":
    case "int64": // int64 values live in doubles: exact up to 2^53, plenty for steps and counters.
      return new Float64Array(size);
    case "int32":
      return new Int32Array(size);
    case "bool":
      return new Uint8Array(size);
    case "string":
      return Array.from({ length: size }, () => new Uint8Array(0));
  }
}

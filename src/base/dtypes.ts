/** TF data types. One object per dtype, compared by identity (`t.dtype === tf.float32`). */

export type DTypeName = "float32" | "float64" | "int32" | "int64" | "bool" | "string";

/** Storage used for each dtype: strings are byte strings (TF strings hold bytes, e.g. serialized summaries). */
export type TypedStorage = Float32Array | Float64Array | Int32Array | Uint8Array | Uint8Array[];

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

  get isFloating(): boolean {
    return this.name === "float32" || this.name === "float64";
  }
  get isInteger(): boolean {
    return this.name === "int32" || this.name === "int64";
  }
  get isNumeric(): boolean {
    return this.isFloating || this.isInteger;
  }
  /** Ref dtype name, as a variable's tensor prints: `float32_ref`. */
  get refName(): string {
    return `${this.name}_ref`;
  }
  toString(): string {
    return `<dtype: '${this.name}'>`;
  }
}

export const float32 = new DType("float32", 1, "float", 4);
export const float64 = new DType("float64", 2, "double", 8);
export const int32 = new DType("int32", 3, "int32", 4);
export const int64 = new DType("int64", 9, "int64", 8);
export const bool = new DType("bool", 10, "bool", 1);
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

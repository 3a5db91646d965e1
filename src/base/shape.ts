import { ValueError } from "./errors";
import type { ShapeLike } from "./graphdef";

/**
 * Static shapes. `null` is an unknown rank, a `null` dimension is unknown (`?`).
 * Kept as plain arrays so they serialize and compare cheaply.
 */
export type StaticShape = ShapeLike;

export function isFullyDefined(s: StaticShape): s is number[] {
  return s !== null && s.every((d) => d !== null);
}

/** Python `str(TensorShape)`: `()`, `(5,)`, `(?, 3)`, `<unknown>`. */
export function shapeToPython(s: StaticShape): string {
  if (s === null) return "<unknown>";
  const dims = s.map((d) => (d === null ? "?" : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(", ")})`;
}

/** C++ `PartialTensorShape::DebugString`: `[?,3]`, `[]`, `<unknown>`. */
export function shapeToDebug(s: StaticShape): string {
  if (s === null) return "<unknown>";
  return `[${s.map((d) => (d === null ? "?" : String(d))).join(",")}]`;
}

/** NumPy's tuple form for concrete shapes: `(1, 4)`, `(3,)`, `()`. */
export function concreteShapeToPython(s: readonly number[]): string {
  return s.length === 1 ? `(${s[0]},)` : `(${s.join(", ")})`;
}

export function isCompatible(a: StaticShape, b: StaticShape): boolean {
  if (a === null || b === null) return true;
  if (a.length !== b.length) return false;
  return a.every((d, i) => d === null || b[i] === null || d === b[i]);
}

/** Most specific shape compatible with both (used when merging feeds or assignments). */
export function mergeShapes(a: StaticShape, b: StaticShape): StaticShape {
  if (a === null) return b;
  if (b === null) return a;
  return a.map((d, i) => d ?? b[i]);
}

/** NumPy broadcasting on static shapes; unknown dims stay unknown unless the other side fixes them. */
export function broadcastStatic(a: StaticShape, b: StaticShape): StaticShape {
  if (a === null || b === null) return null;
  const rank = Math.max(a.length, b.length);
  const out: (number | null)[] = [];
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da === 1) out.push(db);
    else if (db === 1) out.push(da);
    else if (da === null) out.push(db);
    else if (db === null) out.push(da);
    else if (da === db) out.push(da);
    else throw new ValueError(`Dimensions must be equal, but are ${da} and ${db}`);
  }
  return out;
}

/** Normalise a user shape (`[null, 3]`, `[9, 1]`, `undefined`) to a StaticShape. */
export function toStaticShape(shape: readonly (number | null | undefined)[] | null | undefined): StaticShape {
  if (shape === null || shape === undefined) return null;
  return shape.map((d) => {
    if (d === undefined || d === null) return null;
    // TF's Dimension: only None means unknown; -1 is not a wildcard here.
    if (d < 0) throw new ValueError(`Dimension ${d} must be >= 0`);
    return d;
  });
}

/**
 * What `t.getShape()` returns: an array of dims (`null` = unknown) that prints like TF's
 * TensorShape (`(?, 3)`), so `X.getShape()[1]` and `String(X.getShape())` both work.
 * Mirrors TF 1.x `tf.TensorShape` (tensorflow/python/framework/tensor_shape.py, class `TensorShape`).
 * @example
 * ```ts
 * const X = tf.placeholder(tf.float32, [null, 3]);
 * const s = X.getShape();
 * const n = s[1];            // 3
 * const text = String(s);    // "(?, 3)"
 * ```
 */
export class TensorShape extends Array<number | null> {
  /** True when even the rank is unknown (the array is then empty). */
  declare readonly unknownRank: boolean;

  /**
   * A TensorShape from the engine's static shape (`null` for an unknown rank).
   * @param s - the static shape
   * @returns the TensorShape
   */
  static fromStatic(s: StaticShape): TensorShape {
    const t = new TensorShape();
    if (s) t.push(...s);
    Object.defineProperty(t, "unknownRank", { value: s === null, enumerable: false });
    return t;
  }
  /** The rank, or null when unknown (TF's `ndims`). */
  get ndims(): number | null {
    return this.unknownRank ? null : this.length;
  }
  /**
   * Whether the rank and every dimension are known (TF's `is_fully_defined`).
   * @returns true when fully known
   */
  isFullyDefined(): boolean {
    return !this.unknownRank && this.every((d) => d !== null);
  }
  /**
   * The dimensions as a plain array, `null` for unknown ones (TF's `as_list`).
   * @returns a new array
   * @throws {@link ValueError} when the rank is unknown
   */
  asList(): (number | null)[] {
    if (this.unknownRank) throw new ValueError("as_list() is not defined on an unknown TensorShape.");
    return [...this];
  }
  /** Python's `str(shape)`: `(?, 3)`, `(5,)`, `()` or `<unknown>`. */
  override toString(): string {
    return shapeToPython(this.unknownRank ? null : [...this]);
  }
}

/**
 * Python's calling convention for the public API: required positionals, then optional ones, then
 * keywords. In TypeScript the keywords are one options object, and it may stand wherever the first
 * omitted optional positional would be: `reduceMean(x, { name })`, `reduceMean(x, 1, { name })` and
 * `reduceMean(x, null, { name })` all mean the same call shape. `null` and `undefined` both mean None.
 */
import { DType } from "./dtypes";

/** A plain `{ ... }` literal, as a caller writes keyword arguments (not an array, tensor or class instance). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** How a received value is shown in an argument error: short, and JSON where that reads well. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "undefined";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") return `function ${v.name || "(anonymous)"}`;
  if (isPlainObject(v) || Array.isArray(v)) {
    try {
      const text = JSON.stringify(v);
      return text.length > 80 ? `${text.slice(0, 77)}...` : text;
    } catch {
      return Array.isArray(v) ? "array" : "object";
    }
  }
  return String(v);
}

/** The TypeError for an options object where a value was expected. */
export function misplacedOptions(fn: string, param: string, received: unknown): TypeError {
  return new TypeError(
    `${fn}(): misplaced options object for parameter '${param}': received ${describeValue(received)}. ` +
      `An options object may only come last, in place of the first omitted optional argument.`,
  );
}

export interface OptionalSpec {
  /** The public name, e.g. `tf.reduceMean`, used in error messages. */
  fn: string;
  /** The optional positional parameters in order (TF's Python order, camelCase). */
  names: readonly string[];
  /** Parameters that themselves accept plain objects, with the test that tells their objects from options. */
  objectParam?: { [name: string]: (v: Record<string, unknown>) => boolean };
}

/**
 * Splits the arguments after the required ones into the optional positionals (undefined where
 * omitted or None) and the options object (`{}` when none was given). An options object followed
 * by more arguments, or too many positionals, is a TypeError naming the function and parameter.
 */
export function optionalArgs<O extends object>(spec: OptionalSpec, args: readonly unknown[]): { values: unknown[]; options: O } {
  const values: unknown[] = new Array(spec.names.length).fill(undefined);
  let last = args.length;
  while (last > 0 && args[last - 1] === undefined) last--;
  for (let i = 0; i < last; i++) {
    const v = args[i];
    const name = spec.names[i];
    const accepts = name !== undefined ? spec.objectParam?.[name] : undefined;
    if (isPlainObject(v) && !(accepts && accepts(v))) {
      if (i !== last - 1) throw misplacedOptions(spec.fn, name ?? "options", v);
      // Python: f(x, 1, axis=1) is "got multiple values for argument 'axis'".
      const twice = spec.names.slice(0, i).find((n, k) => values[k] !== undefined && v[n] !== undefined && v[n] !== null);
      if (twice !== undefined) throw new TypeError(`${spec.fn}() got multiple values for argument '${twice}'`);
      checkDType(spec.fn, v.dtype);
      return { values, options: v as O };
    }
    if (i >= spec.names.length) {
      if (v === null) continue; // options=None
      throw new TypeError(
        `${spec.fn}() takes at most ${spec.names.length} optional positional argument${spec.names.length === 1 ? "" : "s"} ` +
          `(${spec.names.join(", ") || "none"}) before its options object, but received ${describeValue(v)} after them`,
      );
    }
    if (name === "dtype") checkDType(spec.fn, v);
    values[i] = v === null ? undefined : v;
  }
  return { values, options: {} as O };
}

/**
 * A required argument that is a plain object is options in a value's place; a required dtype must
 * be a tf.DType. Both are TypeErrors naming the function and parameter.
 */
export function checkRequired(fn: string, param: string, v: unknown): void {
  if (isPlainObject(v)) throw misplacedOptions(fn, param, v);
  if (param === "dtype") {
    if (v === null || v === undefined) throw new TypeError(`${fn}() missing required argument: 'dtype'`);
    checkDType(fn, v);
  }
}

/** A dtype must be one of the engine's (`tf.float32`...): a string or a stray value would build a broken op. */
function checkDType(fn: string, v: unknown): void {
  if (v === null || v === undefined || v instanceof DType) return;
  throw new TypeError(`${fn}(): parameter 'dtype' expects a tf.DType such as tf.float32 or tf.int32, but received ${describeValue(v)}`);
}

/**
 * The common type slips in an exercise answer: an NDArray (what `sess.run` gives) where a number
 * or a plain array is asked for, an array of NDArrays, or a number where an array is asked for.
 * The message names the value and what to call; it never shows the expected value.
 *
 * Values may be live NDArrays or NDArrays serialized by a sandboxed run as `{ dtype, shape, values }`.
 */

export type ExpectedKind = "number" | "number[]" | "array";

interface ArrayInfo {
  shape: number[];
  dtype: string;
}

const isShape = (v: unknown): v is number[] => Array.isArray(v) && v.every((d) => Number.isInteger(d) && d >= 0);

/** The shape and dtype of an NDArray, live (`dtype.name`, `shape`, `data`) or serialized (`dtype`, `shape`, `values`). */
function ndarrayInfo(v: unknown): ArrayInfo | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const o = v as { dtype?: unknown; shape?: unknown; data?: unknown; values?: unknown };
  if (!isShape(o.shape)) return null;
  const dtype = typeof o.dtype === "string" ? o.dtype : (o.dtype as { name?: unknown } | undefined)?.name;
  if (typeof dtype !== "string") return null;
  const payload = o.data ?? o.values;
  if (payload === undefined || (typeof payload !== "object" && !Array.isArray(payload))) return null;
  return { shape: o.shape, dtype };
}

const describe = (info: ArrayInfo) => `an NDArray (dtype ${info.dtype}, shape [${info.shape.join(", ")}])`;
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * A hint for `received` in the answer `what`, when it is one of the common slips for a value of
 * kind `expected`; null when it is not (the caller's own comparison then reports it).
 */
export function describeTypeSlip(what: string, received: unknown, expected: ExpectedKind): string | null {
  const info = ndarrayInfo(received);
  if (info) {
    if (expected === "number") {
      return size(info.shape) === 1
        ? `${what} is ${describe(info)}, not a number: call .item() on it to get the number.`
        : `${what} is ${describe(info)}, not a number: a single number is asked for here, so fetch a scalar tensor and call .item() on its value.`;
    }
    return info.shape.length === 0
      ? `${what} is ${describe(info)}, not an array: call .toArray() on it, and check that you fetched the right tensor (this one is a scalar).`
      : `${what} is ${describe(info)}, not a plain array: call .toArray() on it to get nested JavaScript arrays.`;
  }
  if (Array.isArray(received) && received.length > 0 && received.some((e) => ndarrayInfo(e) !== null)) {
    return expected === "number"
      ? `${what} is an array of NDArrays, not a number: fetch a single value and call .item() on it.`
      : `${what} is an array of NDArrays, not an array of numbers: call .item() on each element (e.g. values.map((v) => v.item())), or .toArray() on each if they are not scalars.`;
  }
  if (expected !== "number" && typeof received === "number") {
    return `${what} is a single number, but an array is asked for here: return every value, not just one.`;
  }
  if (expected === "number" && typeof received === "string" && received.trim() !== "" && !Number.isNaN(Number(received))) {
    return `${what} is the string ${JSON.stringify(received)}, not a number: return the number itself (no toString() or toFixed()).`;
  }
  return null;
}

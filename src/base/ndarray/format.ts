/**
 * NumPy-faithful text for NDArrays: `str(a)` / `print(a)` and `repr(a)` with NumPy's default print
 * options (precision 8, threshold 1000 with `...` summaries of 3 edge items, 75-column lines), as
 * NumPy 1.14-1.26 prints them — the output the book shows.
 */
import type { DType, TypedStorage } from "../dtypes";
import { bytesRepr } from "./bytesRepr";
import { ElementFormatter, PRINT_OPTIONS, integerText, makeElementFormatter } from "./elementFormat";
import { formatFloat32, formatFloat64 } from "./floatRepr";

export { formatFloat32, formatFloat64 } from "./floatRepr";

/** What printing reads of an array: NDArray is one. Declared here so only ndarray.ts imports the other way. */
export interface PrintableArray {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: TypedStorage;
  readonly size: number;
}

const textEncoder = new TextEncoder();

/**
 * How Python prints one value of the given dtype (`print(mse.eval())`): `9.161542`, `42`, `True`,
 * `b'Do'`. Strings are encoded as UTF-8 first, as TF stores them.
 */
export function formatScalar(value: number | boolean | string | Uint8Array, dtype: DType): string {
  switch (dtype.name) {
    case "float32":
      return formatFloat32(Number(value));
    case "float64":
      return formatFloat64(Number(value));
    case "int32":
    case "int64":
      if (typeof value !== "number" && typeof value !== "boolean") {
        throw new TypeError(`formatScalar: expected a number for ${dtype.name}, got ${typeof value}`);
      }
      return integerText(Math.trunc(Number(value)));
    case "bool":
      return value ? "True" : "False";
    case "string":
      if (typeof value === "string") return bytesRepr(textEncoder.encode(value));
      if (value instanceof Uint8Array) return bytesRepr(value);
      throw new TypeError(`formatScalar: expected bytes or a string for string dtype, got ${typeof value}`);
  }
}

/** NumPy `str(a)`: `[[ 9. 10. 11.]\n [12. 13. 14.]]`; 0-d arrays print like their scalar. */
export function formatNDArray(a: PrintableArray): string {
  if (a.shape.length === 0) {
    const v = a.data[0];
    return formatScalar(v instanceof Uint8Array ? v : (v as number), a.dtype);
  }
  return array2string(a, " ", "", "");
}

/** NumPy `repr(a)`: `array([[6., 7., 8.]], dtype=float32)`. */
export function reprNDArray(a: PrintableArray): string {
  const prefix = "array(";
  const body = array2string(a, ", ", prefix, ")");
  const extras: string[] = [];
  if (a.size === 0 && !(a.shape.length === 1 && a.shape[0] === 0))
    extras.push(`shape=${pythonTuple(a.shape)}`);
  if (!dtypeIsImplied(a.dtype) || a.size === 0) extras.push(`dtype=${numpyDtypeName(a.dtype)}`);
  if (extras.length === 0) return `${prefix}${body})`;

  const head = `${prefix}${body},`;
  const tail = `${extras.join(", ")})`;
  // Move the extras to their own line if they would overflow the last one.
  const lastLineLength = head.length - (head.lastIndexOf("\n") + 1);
  const spacer =
    lastLineLength + tail.length + 1 > PRINT_OPTIONS.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return head + spacer + tail;
}

/** The dtype NumPy reports for what `Session.run` returns (string tensors come back as object arrays). */
function numpyDtypeName(dtype: DType): string {
  return dtype.name === "string" ? "object" : dtype.name;
}

/** Dtypes that NumPy leaves out of a repr because the values already imply them. */
function dtypeIsImplied(dtype: DType): boolean {
  return dtype.name === "float64" || dtype.name === "int64" || dtype.name === "bool";
}

function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

/** Flat indices of the elements a summarised print shows: the first and last `edge` along each long axis. */
function shownIndices(shape: readonly number[], summarise: boolean): number[] {
  const strides = stridesOf(shape);
  const out: number[] = [];
  const edge = PRINT_OPTIONS.edgeitems;
  const walk = (dim: number, offset: number): void => {
    if (dim === shape.length) {
      out.push(offset);
      return;
    }
    const n = shape[dim];
    const skip = summarise && n > 2 * edge;
    for (let i = 0; i < n; i++) {
      if (skip && i === edge) i = n - edge;
      walk(dim + 1, offset + i * strides[dim]);
    }
  };
  walk(0, 0);
  return out;
}

function array2string(a: PrintableArray, separator: string, prefix: string, suffix: string): string {
  const lineWidth = PRINT_OPTIONS.linewidth - suffix.length;
  if (a.size === 0) return "[]";
  const summarise = a.size > PRINT_OPTIONS.threshold;
  const shown = shownIndices(a.shape, summarise);
  const format = makeElementFormatter(
    a.dtype.name,
    a.data as ArrayLike<number> | readonly Uint8Array[],
    shown,
    a.shape.length === 0,
  );
  return layoutArray(
    a.shape,
    format,
    lineWidth,
    " " + " ".repeat(prefix.length),
    separator,
    summarise ? "..." : "",
  );
}

/** Append `word` to the current line, wrapping first if it would pass `lineWidth` (and wrapping helps). */
function extendLine(
  text: string,
  line: string,
  word: string,
  lineWidth: number,
  nextLinePrefix: string,
): [string, string] {
  if (line.length + word.length > lineWidth && line.length > nextLinePrefix.length) {
    text += line.trimEnd() + "\n";
    line = nextLinePrefix;
  }
  return [text, line + word];
}

/** NumPy's nested-bracket layout: rows wrap at the line width, blank lines separate higher axes. */
function layoutArray(
  shape: readonly number[],
  format: ElementFormatter,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  summaryInsert: string,
): string {
  const strides = stridesOf(shape);
  const edge = PRINT_OPTIONS.edgeitems;
  const rowSeparator = separator.trimEnd();

  const recurse = (dim: number, offset: number, hangingIndent: string, width: number): string => {
    const axesLeft = shape.length - dim;
    if (axesLeft === 0) return format(offset);
    const nextIndent = hangingIndent + " ";
    const nextWidth = width - 1; // room for the closing bracket
    const n = shape[dim];
    const summarise = summaryInsert !== "" && 2 * edge < n;
    const leading = summarise ? edge : 0;
    const trailing = summarise ? edge : n;
    const child = (i: number): string => recurse(dim + 1, offset + i * strides[dim], nextIndent, nextWidth);

    let text = "";
    if (axesLeft === 1) {
      const elementWidth = width - Math.max(rowSeparator.length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        [text, line] = extendLine(text, line, child(i), elementWidth, hangingIndent);
        line += separator;
      }
      if (summarise) {
        [text, line] = extendLine(text, line, summaryInsert, elementWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [text, line] = extendLine(text, line, child(n - i), elementWidth, hangingIndent);
        line += separator;
      }
      [text, line] = extendLine(text, line, child(n - 1), elementWidth, hangingIndent);
      text += line;
    } else {
      const lineSeparator = rowSeparator + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) text += hangingIndent + child(i) + lineSeparator;
      if (summarise) text += hangingIndent + summaryInsert + lineSeparator;
      for (let i = trailing; i > 1; i--) text += hangingIndent + child(n - i) + lineSeparator;
      text += hangingIndent + child(n - 1);
    }
    return "[" + text.slice(hangingIndent.length) + "]";
  };

  return recurse(0, 0, nextLinePrefix, lineWidth);
}

/**
 * Per-element formatters for array printing. Like NumPy, each formatter is built from the values
 * that will actually be shown (all of them, or only the corners of a summarised array) so that
 * every element gets the same notation and column width.
 */
import type { DTypeName } from "../dtypes";
import { bytesRepr } from "./bytesRepr";
import { FloatKind, formatPositional, formatScientific } from "./floatRepr";

/** NumPy's default print options that this module reproduces. */
export const PRINT_OPTIONS = {
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
} as const;

/** Formats the element at a flat index of the array's storage. */
export type ElementFormatter = (flatIndex: number) => string;

/** Exact integer text, also for int64 values beyond 1e21 that `String` would write in exponent form. */
export function integerText(v: number): string {
  return Math.abs(v) < 1e21 ? String(v) : BigInt(v).toString();
}

/** NumPy's `FloatingFormat` with floatmode 'maxprec', sign '-', suppress=False. */
function floatFormatter(
  data: ArrayLike<number>,
  shown: readonly number[],
  kind: FloatKind,
): ElementFormatter {
  const precision = PRINT_OPTIONS.precision;
  const finite: number[] = [];
  let hasNonFinite = false;
  let hasNegativeInf = false;
  for (const i of shown) {
    const v = data[i];
    if (Number.isFinite(v)) finite.push(v);
    else {
      hasNonFinite = true;
      if (v === -Infinity) hasNegativeInf = true;
    }
  }

  let maxAbs = 0;
  let minAbs = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > maxAbs) maxAbs = a;
    if (a < minAbs) minAbs = a;
  }
  let expFormat = false;
  if (maxAbs > 0) {
    // The ratio is computed in the array's dtype, as NumPy divides the two float32 scalars.
    const ratio = kind === "float32" ? Math.fround(maxAbs / minAbs) : maxAbs / minAbs;
    expFormat = maxAbs >= 1e8 || minAbs < 1e-4 || ratio > 1000;
  }

  let padLeft = 0;
  let padRight = 0;
  let expSize = -1;
  let digits: number = precision;
  let minDigits = -1;
  if (finite.length > 0 && expFormat) {
    let maxInt = 0;
    let maxFrac = 0;
    let maxExp = 0;
    for (const v of finite) {
      const s = formatScientific(v, kind, {
        unique: true,
        precision,
        minDigits: -1,
        trim: "zeros",
        sign: false,
        padLeft: -1,
        expDigits: -1,
      });
      const e = s.indexOf("e");
      const dot = s.indexOf(".");
      maxInt = Math.max(maxInt, dot);
      maxFrac = Math.max(maxFrac, e - dot - 1);
      maxExp = Math.max(maxExp, s.length - e - 1);
    }
    expSize = maxExp - 1;
    digits = maxFrac;
    minDigits = maxFrac;
    padLeft = maxInt;
    padRight = expSize + 2 + digits;
  } else if (finite.length > 0) {
    for (const v of finite) {
      const s = formatPositional(v, kind, {
        unique: true,
        fractional: true,
        precision,
        minDigits: -1,
        trim: "zeros",
        sign: false,
        padLeft: -1,
        padRight: -1,
      });
      const dot = s.indexOf(".");
      padLeft = Math.max(padLeft, dot);
      padRight = Math.max(padRight, s.length - dot - 1);
    }
    minDigits = 0;
  }
  if (hasNonFinite) {
    // Room for "nan"/"inf"/"-inf" in the same column width.
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (hasNegativeInf ? 1 : 0) - offset);
  }

  const width = padLeft + padRight + 1;
  return (i) => {
    const v = data[i];
    if (!Number.isFinite(v)) {
      const text = Number.isNaN(v) ? "nan" : v < 0 ? "-inf" : "inf";
      return text.padStart(width);
    }
    if (expFormat) {
      return formatScientific(v, kind, {
        unique: true,
        precision: digits,
        minDigits,
        trim: "keep",
        sign: false,
        padLeft,
        expDigits: expSize,
      });
    }
    return formatPositional(v, kind, {
      unique: true,
      fractional: true,
      precision: digits,
      minDigits,
      trim: "zeros",
      sign: false,
      padLeft,
      padRight,
    });
  };
}

/** Right-aligned integers, as wide as the longest shown value. */
function integerFormatter(data: ArrayLike<number>, shown: readonly number[]): ElementFormatter {
  let width = 0;
  for (const i of shown) width = Math.max(width, integerText(data[i]).length);
  return (i) => integerText(data[i]).padStart(width);
}

/**
 * Build the formatter for the shown elements of an array. `scalar` is true for 0-d arrays, where
 * NumPy drops the space that aligns `True` with `False`.
 */
export function makeElementFormatter(
  dtype: DTypeName,
  data: ArrayLike<number> | readonly Uint8Array[],
  shown: readonly number[],
  scalar: boolean,
): ElementFormatter {
  switch (dtype) {
    case "float32":
    case "float64":
      return floatFormatter(data as ArrayLike<number>, shown, dtype);
    case "int32":
    case "int64":
      return integerFormatter(data as ArrayLike<number>, shown);
    case "bool": {
      const values = data as ArrayLike<number>;
      const trueText = scalar ? "True" : " True";
      return (i) => (values[i] ? trueText : "False");
    }
    case "string": {
      const values = data as readonly Uint8Array[];
      return (i) => bytesRepr(values[i]);
    }
  }
}

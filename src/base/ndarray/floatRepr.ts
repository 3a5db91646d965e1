/**
 * NumPy's text for single float32 / float64 values: `str(np.float32(x))` and friends.
 * Digits are the shortest that round-trip *through the value's own dtype*, so a float32 prints
 * `0.71450037` where the same number as a float64 would need 17 digits.
 */
import {
  FloatParts,
  PositionalOptions,
  ScientificOptions,
  formatPositionalParts,
  formatScientificParts,
} from "./dragon4";

export type FloatKind = "float32" | "float64";

const view = new DataView(new ArrayBuffer(8));

/** Split a finite value of the given kind into mantissa/exponent (the value is rounded to float32 first for "float32"). */
export function floatParts(x: number, kind: FloatKind): FloatParts {
  if (kind === "float32") {
    view.setFloat32(0, x);
    const bits = view.getUint32(0);
    const negative = bits >>> 31 === 1;
    const biased = (bits >>> 23) & 0xff;
    const fraction = bits & 0x7fffff;
    if (biased === 0) {
      return {
        negative,
        mantissa: BigInt(fraction),
        exponent: 1 - 127 - 23,
        mantissaBit: fraction === 0 ? 0 : 31 - Math.clz32(fraction),
        unequalMargins: false,
      };
    }
    return {
      negative,
      mantissa: BigInt(fraction | 0x800000),
      exponent: biased - 127 - 23,
      mantissaBit: 23,
      unequalMargins: biased !== 1 && fraction === 0,
    };
  }
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  const fractionHi = hi & 0xfffff;
  const fraction = (BigInt(fractionHi) << 32n) | BigInt(lo);
  if (biased === 0) {
    return {
      negative,
      mantissa: fraction,
      exponent: 1 - 1023 - 52,
      mantissaBit: fraction === 0n ? 0 : fraction.toString(2).length - 1,
      unequalMargins: false,
    };
  }
  return {
    negative,
    mantissa: fraction | (1n << 52n),
    exponent: biased - 1023 - 52,
    mantissaBit: 52,
    unequalMargins: biased !== 1 && fraction === 0n,
  };
}

/** NumPy's spelling of non-finite values (no sign on nan). */
function nonFinite(x: number, alwaysSign: boolean): string {
  if (Number.isNaN(x)) return alwaysSign ? "+nan" : "nan";
  return x < 0 ? "-inf" : alwaysSign ? "+inf" : "inf";
}

/** NumPy `dragon4_positional` for one value (nan/inf spelled as NumPy does, without padding). */
export function formatPositional(x: number, kind: FloatKind, opt: PositionalOptions): string {
  if (!Number.isFinite(x)) return nonFinite(x, opt.sign);
  return formatPositionalParts(floatParts(x, kind), opt);
}

/** NumPy `dragon4_scientific` for one value. */
export function formatScientific(x: number, kind: FloatKind, opt: ScientificOptions): string {
  if (!Number.isFinite(x)) return nonFinite(x, opt.sign);
  return formatScientificParts(floatParts(x, kind), opt);
}

/**
 * `str(np.floatXX(x))` (identical to `repr` before NumPy 2): positional with at least one
 * fractional digit (`1.0`, `9.161542`) when 1e-4 <= |x| < 1e16 or x is zero, scientific otherwise
 * (`1e-05`, `1.5e+20`).
 */
export function formatFloatScalar(x: number, kind: FloatKind): string {
  if (!Number.isFinite(x)) return nonFinite(x, false);
  const abs = Math.abs(kind === "float32" ? Math.fround(x) : x);
  const positional = abs === 0 || (abs >= 1e-4 && abs < 1e16);
  const parts = floatParts(x, kind);
  if (positional) {
    return formatPositionalParts(parts, {
      unique: true,
      fractional: false,
      precision: -1,
      minDigits: -1,
      trim: "leaveOneZero",
      sign: false,
      padLeft: -1,
      padRight: -1,
    });
  }
  return formatScientificParts(parts, {
    unique: true,
    precision: -1,
    minDigits: -1,
    trim: "dropPoint",
    sign: false,
    padLeft: -1,
    expDigits: -1,
  });
}

/** How NumPy prints one `np.float32` value: `9.161542`, `0.71450037`, `1e-05`. */
export function formatFloat32(x: number): string {
  return formatFloatScalar(x, "float32");
}

/** How NumPy prints one `np.float64` (or Python float) value: `0.11111111111111005`. */
export function formatFloat64(x: number): string {
  return formatFloatScalar(x, "float64");
}

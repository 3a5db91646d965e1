/**
 * Exact float → decimal conversion with the options NumPy's printing uses (its "Dragon4" routines):
 * shortest digits that still identify the value ("unique"), optionally cut off after a number of
 * digits, optionally extended with real digits up to a minimum, then laid out positionally
 * (`0.0093952334`) or scientifically (`9.3952334e-03`) with NumPy's trimming and padding rules.
 *
 * All arithmetic is on BigInt rationals, so the result does not depend on JS's own number printing.
 */

/** A finite binary float split as `mantissa * 2**exponent` (what the digit generator needs). */
export interface FloatParts {
  negative: boolean;
  mantissa: bigint;
  exponent: number;
  /** Index of the highest set bit of the mantissa. */
  mantissaBit: number;
  /** True when the gap to the next float below is half the gap above (exact powers of two). */
  unequalMargins: boolean;
}

/** How trailing zeros and the decimal point are treated (NumPy's `trim` argument: 'k', '.', '0', '-'). */
export type Trim = "keep" | "zeros" | "leaveOneZero" | "dropPoint";

export interface DigitOptions {
  /** true: shortest unique digits; false: exact digits of the binary value. */
  unique: boolean;
  /** Maximum digits (after the point for positional, after the first digit for scientific); -1 for none. */
  precision: number;
  /** Minimum digits, same counting as precision; -1 for none. */
  minDigits: number;
  trim: Trim;
  /** Always print a sign ('+' for positives). */
  sign: boolean;
  /** Pad the integer part (sign included) with spaces on the left up to this width; -1 for none. */
  padLeft: number;
}

export interface PositionalOptions extends DigitOptions {
  /** `precision`/`minDigits` count digits after the point (true) or all digits (false). */
  fractional: boolean;
  /** Pad the fraction with spaces on the right up to this many characters; -1 for none. */
  padRight: number;
}

export interface ScientificOptions extends DigitOptions {
  /** Minimum exponent digits (zero-padded); -1 means 2. */
  expDigits: number;
}

// log10(2) as the C double NumPy uses (0.30102999566398119521...).
const LOG10_2 = 0.3010299956639812;
/** NumPy's scratch buffer size, which bounds the digits produced when nothing else does. */
const BUFFER_SIZE = 16384;

const pow10Cache: bigint[] = [1n];
function pow10(n: number): bigint {
  for (let i = pow10Cache.length; i <= n; i++) pow10Cache.push(pow10Cache[i - 1] * 10n);
  return pow10Cache[n];
}

interface Digits {
  digits: string;
  /** Base-10 exponent of the first digit. */
  exponent10: number;
}

/**
 * Burger & Dybvig style digit generation on exact rationals, mirroring the stopping and rounding
 * rules of NumPy's implementation (IEEE round-half-even margins, carry propagation at the end).
 */
function generateDigits(
  parts: FloatParts,
  unique: boolean,
  fractionalCutoff: boolean,
  cutoffMax: number,
  cutoffMin: number,
): Digits {
  const { mantissa, exponent, mantissaBit, unequalMargins } = parts;
  if (mantissa === 0n) return { digits: "0", exponent10: 0 };
  const isEven = (mantissa & 1n) === 0n;

  // value = scaledValue / scale; marginLow/High = half the distance to the neighbouring floats.
  let scaledValue: bigint;
  let scale: bigint;
  let marginLow: bigint;
  if (unequalMargins) {
    if (exponent > 0) {
      scaledValue = mantissa << BigInt(exponent + 2);
      scale = 4n;
      marginLow = 1n << BigInt(exponent);
    } else {
      scaledValue = mantissa << 2n;
      scale = 1n << BigInt(-exponent + 2);
      marginLow = 1n;
    }
  } else if (exponent > 0) {
    scaledValue = mantissa << BigInt(exponent + 1);
    scale = 2n;
    marginLow = 1n << BigInt(exponent);
  } else {
    scaledValue = mantissa << 1n;
    scale = 1n << BigInt(-exponent + 1);
    marginLow = 1n;
  }
  const highOf = (low: bigint): bigint => (unequalMargins ? low * 2n : low);

  // Estimate of floor(log10(value)) + 1, exact or one too low (the same estimate NumPy uses,
  // which matters because the fractional cut-off below clamps it).
  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoffMax >= 0 && fractionalCutoff && digitExponent <= -cutoffMax) digitExponent = -cutoffMax + 1;

  if (digitExponent > 0) {
    scale *= pow10(digitExponent);
  } else if (digitExponent < 0) {
    const p = pow10(-digitExponent);
    scaledValue *= p;
    marginLow *= p;
  }
  if (scaledValue >= scale) {
    digitExponent += 1;
  } else {
    scaledValue *= 10n;
    marginLow *= 10n;
  }
  let marginHigh = highOf(marginLow);

  let cutoffMaxExponent = digitExponent - BUFFER_SIZE;
  if (cutoffMax >= 0) {
    const desired = fractionalCutoff ? -cutoffMax : digitExponent - cutoffMax;
    if (desired > cutoffMaxExponent) cutoffMaxExponent = desired;
  }
  let cutoffMinExponent = digitExponent;
  if (cutoffMin >= 0) {
    const desired = fractionalCutoff ? -cutoffMin : digitExponent - cutoffMin;
    if (desired < cutoffMinExponent) cutoffMinExponent = desired;
  }
  let exponent10 = digitExponent - 1;

  const out: number[] = [];
  let digit: number;
  let low = false;
  let high = false;
  if (unique) {
    for (;;) {
      digitExponent -= 1;
      digit = Number(scaledValue / scale);
      scaledValue %= scale;
      low = isEven ? scaledValue <= marginLow : scaledValue < marginLow;
      const valueHigh = scaledValue + marginHigh;
      high = isEven ? valueHigh >= scale : valueHigh > scale;
      if (((low || high) && digitExponent <= cutoffMinExponent) || digitExponent === cutoffMaxExponent) break;
      out.push(digit);
      scaledValue *= 10n;
      marginLow *= 10n;
      marginHigh = highOf(marginLow);
    }
  } else {
    for (;;) {
      digitExponent -= 1;
      digit = Number(scaledValue / scale);
      scaledValue %= scale;
      if (scaledValue === 0n || digitExponent === cutoffMaxExponent) break;
      out.push(digit);
      scaledValue *= 10n;
    }
  }

  // Round the final digit: down when only the low neighbour is close, up when only the high one
  // is, otherwise to nearest with ties to an even digit.
  let roundDown = low;
  if (low === high) {
    const twice = scaledValue * 2n;
    roundDown = twice < scale || (twice === scale && (digit & 1) === 0);
  }
  if (roundDown) {
    out.push(digit);
  } else if (digit < 9) {
    out.push(digit + 1);
  } else {
    // Carry: drop trailing nines and bump the first other digit (or start over at "1").
    for (;;) {
      if (out.length === 0) {
        out.push(1);
        exponent10 += 1;
        break;
      }
      const last = out.pop()!;
      if (last !== 9) {
        out.push(last + 1);
        break;
      }
    }
  }
  return { digits: out.join(""), exponent10 };
}

function signPrefix(parts: FloatParts, alwaysSign: boolean): string {
  return parts.negative ? "-" : alwaysSign ? "+" : "";
}

/** `ddd.ddd` layout, following NumPy's `format_float_positional` semantics. */
export function formatPositionalParts(parts: FloatParts, opt: PositionalOptions): string {
  const sign = signPrefix(parts, opt.sign);
  const { digits, exponent10 } = generateDigits(
    parts,
    opt.unique,
    opt.fractional,
    opt.precision,
    opt.minDigits,
  );

  let body: string;
  let wholeDigits: number;
  let fractionDigits = 0;
  if (exponent10 >= 0) {
    wholeDigits = exponent10 + 1;
    if (digits.length <= wholeDigits) {
      body = digits + "0".repeat(wholeDigits - digits.length);
    } else {
      body = `${digits.slice(0, wholeDigits)}.${digits.slice(wholeDigits)}`;
      fractionDigits = digits.length - wholeDigits;
    }
  } else {
    const zeros = -(exponent10 + 1);
    body = `0.${"0".repeat(zeros)}${digits}`;
    fractionDigits = zeros + digits.length;
    wholeDigits = 1;
  }
  if (opt.trim !== "dropPoint" && fractionDigits === 0) body += ".";

  const addDigits = opt.unique ? opt.minDigits : opt.precision;
  const desiredFraction = opt.fractional ? Math.max(addDigits, 0) : addDigits - wholeDigits;
  if (opt.trim === "leaveOneZero") {
    if (fractionDigits === 0) {
      body += "0";
      fractionDigits = 1;
    }
  } else if (opt.trim === "keep" && desiredFraction > fractionDigits) {
    body += "0".repeat(desiredFraction - fractionDigits);
    fractionDigits = desiredFraction;
  }
  if (opt.trim !== "keep" && fractionDigits > 0) {
    while (body.endsWith("0")) {
      body = body.slice(0, -1);
      fractionDigits--;
    }
    if (body.endsWith(".")) {
      if (opt.trim === "leaveOneZero") {
        body += "0";
        fractionDigits++;
      } else if (opt.trim === "dropPoint") {
        body = body.slice(0, -1);
      }
    }
  }

  if (opt.padRight >= fractionDigits) {
    if (opt.trim === "dropPoint" && fractionDigits === 0) body += " ";
    body += " ".repeat(opt.padRight - fractionDigits);
  }
  const text = sign + body;
  const leftWidth = wholeDigits + sign.length;
  return opt.padLeft > leftWidth ? " ".repeat(opt.padLeft - leftWidth) + text : text;
}

/** `d.ddde+XX` layout, following NumPy's `format_float_scientific` semantics. */
export function formatScientificParts(parts: FloatParts, opt: ScientificOptions): string {
  const sign = signPrefix(parts, opt.sign);
  const { digits, exponent10 } = generateDigits(
    parts,
    opt.unique,
    false,
    opt.precision < 0 ? -1 : opt.precision + 1,
    opt.minDigits < 0 ? -1 : opt.minDigits + 1,
  );

  let body = digits[0];
  let fractionDigits = digits.length - 1;
  if (fractionDigits > 0) body += `.${digits.slice(1)}`;
  if (opt.trim !== "dropPoint" && fractionDigits === 0) body += ".";

  const addDigits = Math.max(opt.unique ? opt.minDigits : opt.precision, 0);
  if (opt.trim === "leaveOneZero") {
    if (fractionDigits === 0) {
      body += "0";
      fractionDigits = 1;
    }
  } else if (opt.trim === "keep" && addDigits > fractionDigits) {
    body += "0".repeat(addDigits - fractionDigits);
    fractionDigits = addDigits;
  }
  if (opt.trim !== "keep" && fractionDigits > 0) {
    // Unlike the positional layout, a bare trailing point is kept here (NumPy does the same).
    while (body.endsWith("0")) body = body.slice(0, -1);
    if (opt.trim === "leaveOneZero" && body.endsWith(".")) body += "0";
  }

  const minExpDigits = opt.expDigits < 0 ? 2 : Math.min(opt.expDigits, 5);
  const expText = String(Math.abs(exponent10)).padStart(minExpDigits, "0");
  const text = `${sign}${body}e${exponent10 >= 0 ? "+" : "-"}${expText}`;
  const leftWidth = 1 + sign.length;
  return opt.padLeft > leftWidth ? " ".repeat(opt.padLeft - leftWidth) + text : text;
}

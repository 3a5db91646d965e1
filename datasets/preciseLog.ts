/**
 * Natural logarithm rounded correctly to the nearest double (for all practical inputs).
 *
 * Why not `Math.log`: V8's log is off by one unit in the last place for about 7 % of inputs in
 * (0, 1), and NumPy's legacy normal generator feeds `log(r2)` straight into its samples. C
 * libraries are far closer to the true value (glibc since 2.28 misrounds roughly 1 input in
 * 1,300, older glibc never), so a correctly rounded log reproduces NumPy's normals bit for bit
 * except in those rare libm misroundings.
 *
 * Method: split x = m·2^e with m in [√½, √2), then log x = e·ln2 + 2·atanh(s) with
 * s = (m − 1)/(m + 1), all in double-double arithmetic (about 106 bits), rounded once at the end.
 */

/** A double-double value hi + lo with |lo| ≤ ½ ulp(hi). */
type DD = [number, number];

const SPLITTER = 134217729; // 2^27 + 1, splits a double into two 26-bit halves
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = fastTwoSum(s, e + t);
  return fastTwoSum(s2, e2 + f);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return fastTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = add(a, neg(mul(b, [q1, 0])));
  const q2 = r[0] / b[0];
  r = add(r, neg(mul(b, [q2, 0])));
  const q3 = r[0] / b[0];
  return add(fastTwoSum(q1, q2), [q3, 0]);
}

function neg(a: DD): DD {
  return [-a[0], -a[1]];
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Index of the word holding the sign and exponent (the high word) on this machine.
const HI = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

/** Splits a positive normal double into m in [1, 2) and e with x = m·2^e (both exact). */
function frexp1(x: number): [number, number] {
  f64[0] = x;
  const e = ((u32[HI] >>> 20) & 0x7ff) - 1023;
  u32[HI] = (u32[HI] & 0x800fffff) | 0x3ff00000;
  return [f64[0], e];
}

/**
 * The natural logarithm rounded correctly to the nearest double, as the C library's `log` that NumPy
 * calls gives it (numpy/random/mtrand/randomkit.c, `rk_gauss`, uses it), so normal draws match NumPy's.
 * @param x - The argument.
 * @returns log(x); NaN, -Infinity or Infinity where `Math.log` gives them.
 * @example
 * ```ts
 * import { preciseLog } from "tensorlings/datasets";
 * const y = preciseLog(0.1); // -2.3025850929940455
 * ```
 */
export function preciseLog(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x); // NaN, negatives, 0 and ∞ need no care
  if (x === 1) return 0;
  // Subnormals: scale into the normal range first (exact).
  let scaleExp = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 2 ** 54;
    scaleExp = -54;
  }
  let [m, e] = frexp1(x);
  e += scaleExp;
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // m − 1 is exact here; m + 1 may not be, so it is kept as a double-double.
  const s = div([m - 1, 0], twoSum(m, 1));
  const s2 = mul(s, s);
  let sum: DD = [0, 0];
  let power = s;
  // atanh(s) = s + s³/3 + s⁵/5 + …; |s| ≤ 0.172, so ~22 terms reach 2^-106.
  for (let k = 1; k < 80; k += 2) {
    const term = div(power, [k, 0]);
    sum = add(sum, term);
    if (Math.abs(term[0]) <= Math.abs(sum[0]) * 1e-33) break;
    power = mul(power, s2);
  }
  const logM: DD = [2 * sum[0], 2 * sum[1]];
  if (e === 0) return logM[0] + logM[1];
  const eLn2 = add(twoProd(e, LN2[0]), [e * LN2[1], 0]);
  const r = add(eLn2, logM);
  return r[0] + r[1];
}

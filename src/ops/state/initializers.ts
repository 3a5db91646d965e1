import { DType, float32 } from "../../base/dtypes";
import { optionalArgs } from "../../base/optionalArgs";
import { Tensor } from "../../graph/tensor";
import { ArrayLike } from "../../base/ndarray/ndarray";
import { ValueError } from "../../base/errors";
import { constant } from "../array/constant";
import { randomNormal, randomUniform, truncatedNormal } from "../random/randomOps";

/** An initializer builds the initial-value tensor for a shape and dtype (TF's `Initializer.__call__`). */
export type Initializer = (shape: number[], dtype: DType) => Tensor;

/**
 * An initializer that fills the variable with `value` (a scalar, or values reshaped or padded to the
 * variable's shape as {@link constant} does).
 * Mirrors TF 1.x `tf.constant_initializer` (tensorflow/python/ops/init_ops.py, class `Constant`).
 * @param options.dtype - a dtype that overrides the variable's (the value 0 in this form)
 * @returns the initializer
 * @throws TypeError when options are misplaced or an argument is given twice
 * @example
 * ```ts
 * const b = tf.getVariable("b", [3], { initializer: tf.constantInitializer(0.1) });
 * ```
 */
export function constantInitializer(options?: { dtype?: DType }): Initializer;
/**
 * `tf.constant_initializer(value)`.
 * @param value - the value to fill with (0 when null/undefined)
 * @param options.dtype - a dtype that overrides the variable's
 */
export function constantInitializer(
  value: ArrayLike | null | undefined,
  options?: { dtype?: DType },
): Initializer;
/**
 * `tf.constant_initializer(value, dtype)`.
 * @param value - the value to fill with (0 when null/undefined)
 * @param dtype - a dtype that overrides the variable's
 * @param options.dtype - the same, by keyword
 */
export function constantInitializer(
  value: ArrayLike | null | undefined,
  dtype: DType | null | undefined,
  options?: { dtype?: DType },
): Initializer;
export function constantInitializer(...args: unknown[]): Initializer {
  const { values, options } = optionalArgs<{ dtype?: DType }>(
    { fn: "tf.constantInitializer", names: ["value", "dtype"] },
    args,
  );
  const value = (values[0] as ArrayLike | undefined) ?? 0;
  const fixed = (values[1] as DType | undefined) ?? options.dtype;
  return (shape, dtype) => constant(value, { dtype: fixed ?? dtype, shape });
}

/**
 * An initializer that fills the variable with zeros.
 * Mirrors TF 1.x `tf.zeros_initializer` (tensorflow/python/ops/init_ops.py, class `Zeros`).
 * @returns the initializer
 * @example
 * ```ts
 * const b = tf.getVariable("bias", [10], { initializer: tf.zerosInitializer() });
 * ```
 */
export const zerosInitializer = (): Initializer => (shape, dtype) =>
  constant(0, { dtype, shape, name: "zeros" });
/**
 * An initializer that fills the variable with ones.
 * Mirrors TF 1.x `tf.ones_initializer` (tensorflow/python/ops/init_ops.py, class `Ones`).
 * @returns the initializer
 * @example
 * ```ts
 * const gamma = tf.getVariable("gamma", [10], { initializer: tf.onesInitializer() });
 * ```
 */
export const onesInitializer = (): Initializer => (shape, dtype) =>
  constant(1, { dtype, shape, name: "ones" });

/** Options of the random initializers. */
export interface RandomInitOptions {
  /** The op-level seed of the random op each initialization builds. */
  seed?: number;
  /** A dtype that overrides the variable's. */
  dtype?: DType;
}

/**
 * The call signature of the random initializer factories: two numbers positionally, in TF's order
 * (`minval, maxval` or `mean, stddev`), then `{ seed, dtype }`.
 */
export interface TwoNumberInitializer {
  /** @param options - `seed` and `dtype` (both numbers take their defaults) */
  (options?: RandomInitOptions): Initializer;
  /**
   * @param a - the first number (`minval` or `mean`; its default when null/undefined)
   * @param options - `seed` and `dtype`
   */
  (a: number | null | undefined, options?: RandomInitOptions): Initializer;
  /**
   * @param a - the first number (`minval` or `mean`)
   * @param b - the second number (`maxval` or `stddev`)
   * @param options - `seed` and `dtype`
   */
  (a: number | null | undefined, b: number | null | undefined, options?: RandomInitOptions): Initializer;
}

/** TF's `_assert_float_dtype`: normal initializers take floating dtypes only. */
function assertFloatDtype(dtype: DType | undefined): void {
  if (dtype !== undefined && !dtype.isFloating)
    throw new ValueError(`Expected floating point type, got ${dtype}.`);
}

function twoNumberInitializer(
  fn: string,
  names: readonly [string, string],
  defaults: readonly [number, number],
  make: (a: number, b: number, shape: number[], dtype: DType, options: RandomInitOptions) => Tensor,
  validate: (options: RandomInitOptions) => void = () => undefined,
): TwoNumberInitializer {
  const spec = { fn: `tf.${fn}`, names };
  return (...args: unknown[]): Initializer => {
    const { values, options } = optionalArgs<RandomInitOptions>(spec, args);
    validate(options);
    const a = (values[0] as number | undefined) ?? defaults[0];
    const b = (values[1] as number | undefined) ?? defaults[1];
    return (shape, dtype) => make(a, b, shape, options.dtype ?? dtype, options);
  };
}

/**
 * An initializer drawing uniformly from `[minval, maxval)` (defaults 0 and 1) with {@link randomUniform}.
 * Mirrors TF 1.x `tf.random_uniform_initializer` (tensorflow/python/ops/init_ops.py, class `RandomUniform`). See {@link TwoNumberInitializer}.
 * @throws TypeError when options are misplaced or an argument is given twice
 * @example
 * ```ts
 * const init = tf.randomUniformInitializer(-1, 1, { seed: 42 });
 * ```
 */
export const randomUniformInitializer = twoNumberInitializer(
  "randomUniformInitializer",
  ["minval", "maxval"],
  [0, 1],
  (lo, hi, shape, dtype, o) => randomUniform(shape, lo, hi, { dtype, seed: o.seed }),
);
/**
 * An initializer drawing from a normal distribution (defaults mean 0, stddev 1) with {@link randomNormal}.
 * Mirrors TF 1.x `tf.random_normal_initializer` (tensorflow/python/ops/init_ops.py, class `RandomNormal`). See {@link TwoNumberInitializer}.
 * @throws {@link ValueError} when `options.dtype` is not a floating type
 * @example
 * ```ts
 * const init = tf.randomNormalInitializer(0, 0.01);
 * ```
 */
export const randomNormalInitializer = twoNumberInitializer(
  "randomNormalInitializer",
  ["mean", "stddev"],
  [0, 1],
  (mean, stddev, shape, dtype, o) => randomNormal(shape, { mean, stddev, dtype, seed: o.seed }),
  (o) => assertFloatDtype(o.dtype),
);
/**
 * An initializer drawing from a normal distribution truncated at two standard deviations (defaults mean 0,
 * stddev 1) with {@link truncatedNormal}.
 * Mirrors TF 1.x `tf.truncated_normal_initializer` (tensorflow/python/ops/init_ops.py, class `TruncatedNormal`). See {@link TwoNumberInitializer}.
 * @throws {@link ValueError} when `options.dtype` is not a floating type
 * @example
 * ```ts
 * const W = tf.getVariable("W", [3, 2], { initializer: tf.truncatedNormalInitializer(0, 0.1) });
 * ```
 */
export const truncatedNormalInitializer = twoNumberInitializer(
  "truncatedNormalInitializer",
  ["mean", "stddev"],
  [0, 1],
  (mean, stddev, shape, dtype, o) => truncatedNormal(shape, { mean, stddev, dtype, seed: o.seed }),
  (o) => assertFloatDtype(o.dtype),
);

/**
 * The Glorot (Xavier) uniform initializer: U(-l, l) with l = sqrt(6 / (fan_in + fan_out)); what
 * {@link getVariable} uses for float variables when no initializer is given, as TF does.
 * Mirrors TF 1.x `tf.glorot_uniform_initializer` (tensorflow/python/ops/init_ops.py, class `GlorotUniform`).
 * @param options.seed - the op-level seed
 * @param options.dtype - ignored here: the variable's dtype is used
 * @returns the initializer
 * @example
 * ```ts
 * const W = tf.getVariable("W", [4, 3], { initializer: tf.glorotUniformInitializer({ seed: 1 }) });
 * ```
 */
export const glorotUniformInitializer =
  (options: RandomInitOptions = {}): Initializer =>
  (shape, dtype) => {
    // TF's _compute_fans: dims before the last two form a receptive field that scales both fans.
    const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
    const fanIn =
      shape.length === 0 ? 1 : shape.length === 1 ? shape[0] : shape[shape.length - 2] * receptive;
    const fanOut = shape.length === 0 ? 1 : shape[shape.length - 1] * receptive;
    const limit = Math.sqrt(6 / Math.max(1, (fanIn + fanOut) / 2) / 2);
    return randomUniform(shape, -limit, limit, { dtype: dtype ?? float32, seed: options.seed });
  };

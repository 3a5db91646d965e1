import { DType, float32 } from "../../base/dtypes";
import { optionalArgs } from "../../base/optionalArgs";
import { Tensor } from "../../graph/tensor";
import { ArrayLike } from "../../base/ndarray/ndarray";
import { ValueError } from "../../base/errors";
import { constant } from "../array/constant";
import { randomNormal, randomUniform, truncatedNormal } from "../random/randomOps";

/** An initializer builds the initial-value tensor for a shape and dtype (TF's `Initializer.__call__`). */
export type Initializer = (shape: number[], dtype: DType) => Tensor;

/** `tf.constant_initializer(value=0, dtype=float32)`. */
export function constantInitializer(options?: { dtype?: DType }): Initializer;
export function constantInitializer(
  value: ArrayLike | null | undefined,
  options?: { dtype?: DType },
): Initializer;
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

export const zerosInitializer = (): Initializer => (shape, dtype) =>
  constant(0, { dtype, shape, name: "zeros" });
export const onesInitializer = (): Initializer => (shape, dtype) =>
  constant(1, { dtype, shape, name: "ones" });

export interface RandomInitOptions {
  seed?: number;
  dtype?: DType;
}

/** An initializer factory taking two numbers positionally (TF's order) and `{ seed, dtype }`. */
export interface TwoNumberInitializer {
  (options?: RandomInitOptions): Initializer;
  (a: number | null | undefined, options?: RandomInitOptions): Initializer;
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

/** `tf.random_uniform_initializer(minval=0, maxval=None, seed=None, dtype=float32)`: maxval 1 when omitted. */
export const randomUniformInitializer = twoNumberInitializer(
  "randomUniformInitializer",
  ["minval", "maxval"],
  [0, 1],
  (lo, hi, shape, dtype, o) => randomUniform(shape, lo, hi, { dtype, seed: o.seed }),
);
/** `tf.random_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=float32)`. */
export const randomNormalInitializer = twoNumberInitializer(
  "randomNormalInitializer",
  ["mean", "stddev"],
  [0, 1],
  (mean, stddev, shape, dtype, o) => randomNormal(shape, { mean, stddev, dtype, seed: o.seed }),
  (o) => assertFloatDtype(o.dtype),
);
/** `tf.truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=float32)`. */
export const truncatedNormalInitializer = twoNumberInitializer(
  "truncatedNormalInitializer",
  ["mean", "stddev"],
  [0, 1],
  (mean, stddev, shape, dtype, o) => truncatedNormal(shape, { mean, stddev, dtype, seed: o.seed }),
  (o) => assertFloatDtype(o.dtype),
);

/** Glorot (Xavier) uniform: U(-l, l) with l = sqrt(6 / (fan_in + fan_out)); TF's default for float variables. */
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

import { DType, float32 } from "../../graph/dtypes";
import { Tensor } from "../../graph/tensor";
import { ArrayLike } from "../../runtime/ndarray";
import { ValueError } from "../../errors";
import { constant } from "../array/constant";
import { randomNormal, randomUniform, truncatedNormal } from "../random/randomOps";

/** An initializer builds the initial-value tensor for a shape and dtype (TF's `Initializer.__call__`). */
export type Initializer = (shape: number[], dtype: DType) => Tensor;

export const constantInitializer =
  (value: ArrayLike = 0, options: { dtype?: DType } = {}): Initializer =>
  (shape, dtype) =>
    constant(value, { dtype: options.dtype ?? dtype, shape });

export const zerosInitializer = (): Initializer => (shape, dtype) => constant(0, { dtype, shape, name: "zeros" });
export const onesInitializer = (): Initializer => (shape, dtype) => constant(1, { dtype, shape, name: "ones" });

export interface RandomInitOptions {
  seed?: number;
  dtype?: DType;
}

export const randomUniformInitializer =
  (minval = 0, maxval: number | null = null, options: RandomInitOptions = {}): Initializer =>
  (shape, dtype) =>
    randomUniform(shape, minval, maxval ?? 1, { dtype: options.dtype ?? dtype, seed: options.seed });

/** TF's `_assert_float_dtype`: normal initializers take floating dtypes only. */
function assertFloatDtype(dtype: DType | undefined): void {
  if (dtype !== undefined && !dtype.isFloating) throw new ValueError(`Expected floating point type, got ${dtype}.`);
}

export const randomNormalInitializer = (mean = 0, stddev = 1, options: RandomInitOptions = {}): Initializer => {
  assertFloatDtype(options.dtype);
  return (shape, dtype) =>
    randomNormal(shape, { mean, stddev, dtype: options.dtype ?? dtype, seed: options.seed });
};

export const truncatedNormalInitializer = (mean = 0, stddev = 1, options: RandomInitOptions = {}): Initializer => {
  assertFloatDtype(options.dtype);
  return (shape, dtype) =>
    truncatedNormal(shape, { mean, stddev, dtype: options.dtype ?? dtype, seed: options.seed });
};

/** Glorot (Xavier) uniform: U(-l, l) with l = sqrt(6 / (fan_in + fan_out)); TF's default for float variables. */
export const glorotUniformInitializer =
  (options: RandomInitOptions = {}): Initializer =>
  (shape, dtype) => {
    // TF's _compute_fans: dims before the last two form a receptive field that scales both fans.
    const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
    const fanIn = shape.length === 0 ? 1 : shape.length === 1 ? shape[0] : shape[shape.length - 2] * receptive;
    const fanOut = shape.length === 0 ? 1 : shape[shape.length - 1] * receptive;
    const limit = Math.sqrt(6 / Math.max(1, (fanIn + fanOut) / 2) / 2);
    return randomUniform(shape, -limit, limit, { dtype: dtype ?? float32, seed: options.seed });
  };

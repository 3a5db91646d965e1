import { DType, float32, int32 } from "../../base/dtypes";
import { optionalArgs } from "../../base/optionalArgs";
import { getDefaultGraph } from "../../graph/graph";
import type { Operation } from "../../graph/operation";
import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError, ValueError } from "../../base/errors";
import { NDArray } from "../../base/ndarray/ndarray";
import { attr } from "../attrs";
import { constantNumbers } from "../constantValue";
import { convertToTensor } from "../array/constant";
import { createOp, inOpScope } from "../createOp";
import { add, multiply, subtract } from "../math/binary";
import { registerOp } from "../registry";
import type { KernelContext } from "../registry";
import { RandomKernelState } from "./kernelState";
import { getSeed } from "./seed";

/** The generator this op owns in this session, created on first use from its seed attrs. */
function kernelState(op: Operation, ctx: KernelContext): RandomKernelState {
  let s = ctx.state.kernelState.get(op) as RandomKernelState | undefined;
  if (!s) {
    s = new RandomKernelState(op.attrNumber("seed"), op.attrNumber("seed2"));
    ctx.state.kernelState.set(op, s);
  }
  return s;
}

const shapeOf = (a: NDArray) => Array.from(a.data as Int32Array);
const sizeOf = (shape: number[]) => shape.reduce((x, y) => x * y, 1);

function defineRandom(type: string, fill: (s: RandomKernelState, n: number, dtype: DType, inputs: NDArray[]) => NDArray["data"]) {
  registerOp({
    type,
    outputs: ([shape, ...bounds], attrs) => {
      // RandomUniformInt's minval and maxval are scalars (TF's shape function: WithRank(.., 0)).
      for (const b of bounds) {
        if (b.shape !== null && b.shape.length !== 0) throw new ValueError(`Shape must be rank 0 but is rank ${b.shape.length}`);
      }
      const dims = constantNumbers(shape);
      const dtype = type === "RandomUniformInt" ? (attrs.Tout as { value: DType }).value : (attrs.dtype as { value: DType }).value;
      return [{ dtype, shape: dims ?? (shape.shape?.[0] != null ? new Array(shape.shape[0]).fill(null) : null) }];
    },
    kernel: (op) => {
      const dtype = op.type === "RandomUniformInt" ? op.attrType("Tout") : op.attrType("dtype");
      return (inputs, ctx) => {
        const shape = shapeOf(inputs[0]);
        const n = sizeOf(shape);
        return [new NDArray(dtype, shape, fill(kernelState(op, ctx), n, dtype, inputs))];
      };
    },
    stateful: true,
    gradient: null,
  });
}

const floatName = (d: DType) => (d.name === "float64" ? "float64" : "float32");
defineRandom("RandomUniform", (s, n, d) => s.uniform(n, floatName(d)));
defineRandom("RandomStandardNormal", (s, n, d) => s.standardNormal(n, floatName(d)));
defineRandom("TruncatedNormal", (s, n, d) => s.truncatedNormal(n, floatName(d)));
defineRandom("RandomUniformInt", (s, n, d, inputs) => {
  const [lo, hi] = [inputs[1], inputs[2]].map((a) => Number((a.data as Int32Array)[0]));
  // TF's kernel returns an empty result before it looks at the range.
  if (n > 0 && !(lo < hi)) throw new InvalidArgumentError(`Need minval < maxval, got ${lo} >= ${hi}`);
  return n === 0 ? new (d.name === "int64" ? Float64Array : Int32Array)(0) : s.uniformInt(n, lo, hi, d.name === "int64" ? "int64" : "int32");
});

/** Seeds for a new random op: called after its constants exist and before the op, as TF does. */
function seedAttrs(seed: number | undefined) {
  const graph = getDefaultGraph();
  const [s1, s2] = getSeed(graph.seed, seed ?? null, graph.lastId);
  return { seed: attr.int(s1 ?? 0), seed2: attr.int(s2 ?? 0) };
}

/** Options of the random ops ({@link randomUniform}, {@link randomNormal}, {@link truncatedNormal}). */
export interface RandomOptions {
  /** The element type (default float32). */
  dtype?: DType;
  /** The op-level seed; with the graph seed ({@link setRandomSeed}) it fixes the sequence, as in TF. */
  seed?: number;
  /** The name scope (default "random_uniform", "random_normal" or "truncated_normal"). */
  name?: string;
}

/** The shape of a random tensor: an int array or an int32 vector tensor. */
export type ShapeArg = number[] | Tensor;

function randomCore(type: string, shape: Tensor, dtype: DType, seed: number | undefined): Tensor {
  const seeds = seedAttrs(seed);
  return inOpScope(type, [shape], (opName, graph) =>
    createOp(graph, type, opName, [shape], { ...seeds, dtype: attr.type(dtype), T: attr.type(int32) }).outputs[0],
  );
}

/**
 * Values drawn uniformly from `[minval, maxval)`, new ones on every run; TF's Philox generator, so
 * seeded graphs give TF's numbers.
 * Mirrors TF 1.x `tf.random_uniform` (tensorflow/python/ops/random_ops.py, `random_uniform`).
 * @param shape - the shape of the result
 * @param options - `dtype`, `seed` and `name` (see {@link RandomOptions}); the range is [0, 1) in this form
 * @returns the random tensor
 * @throws {@link ValueError} when the dtype is an integer type and `maxval` is missing
 * @throws {@link InvalidArgumentError} from `sess.run` when `minval >= maxval` for integers
 * @example
 * ```ts
 * const theta = tf.Variable(tf.randomUniform([3, 1], -1.0, 1.0, { seed: 42 }), { name: "theta" });
 * ```
 */
export function randomUniform(shape: ShapeArg, options?: RandomOptions): Tensor;
/**
 * `tf.random_uniform(shape, minval)`: values in `[minval, 1)`.
 * @param shape - the shape of the result
 * @param minval - the lower bound (included)
 * @param options - `dtype`, `seed` and `name`
 */
export function randomUniform(shape: ShapeArg, minval: unknown, options?: RandomOptions): Tensor;
/**
 * `tf.random_uniform(shape, minval, maxval)`: values in `[minval, maxval)`.
 * @param shape - the shape of the result
 * @param minval - the lower bound (included)
 * @param maxval - the upper bound (excluded; required for integer dtypes)
 * @param options - `dtype`, `seed` and `name`
 */
export function randomUniform(shape: ShapeArg, minval: unknown, maxval: unknown, options?: RandomOptions): Tensor;
export function randomUniform(shape: ShapeArg, ...rest: unknown[]): Tensor {
  const { values, options } = optionalArgs<RandomOptions>({ fn: "tf.randomUniform", names: ["minval", "maxval"] }, rest);
  const minval = values[0] ?? 0;
  let maxval = values[1];
  const dtype = options.dtype ?? float32;
  if (maxval === null || maxval === undefined) {
    if (dtype.isInteger) throw new ValueError(`Must specify maxval for integer dtype ${dtype}`);
    maxval = 1;
  }
  return inOpScope(options.name ?? "random_uniform", [shape, minval, maxval], (opName, graph) => {
    const s = convertToTensor(shape, { name: "shape", dtype: int32 });
    const lo = convertToTensor(minval, { name: "min", dtype });
    const hi = convertToTensor(maxval, { name: "max", dtype });
    if (dtype.isInteger) {
      const seeds = seedAttrs(options.seed);
      return createOp(graph, "RandomUniformInt", opName, [s, lo, hi], { ...seeds, Tout: attr.type(dtype), T: attr.type(int32) })
        .outputs[0];
    }
    const rnd = randomCore("RandomUniform", s, dtype, options.seed);
    return add(multiply(rnd, subtract(hi, lo, { name: "sub" }), { name: "mul" }), lo, { name: `${opName}/` });
  });
}

/** Options of {@link randomNormal} and {@link truncatedNormal}. */
export interface NormalOptions extends RandomOptions {
  /** The mean (default 0), a number or scalar tensor. */
  mean?: unknown;
  /** The standard deviation (default 1), a number or scalar tensor. */
  stddev?: unknown;
}

function normalLike(type: string, defaultName: string, shape: ShapeArg, options: NormalOptions): Tensor {
  const dtype = options.dtype ?? float32;
  return inOpScope(options.name ?? defaultName, [shape], (opName) => {
    const s = convertToTensor(shape, { name: "shape", dtype: int32 });
    const mean = convertToTensor(options.mean ?? 0, { name: "mean", dtype });
    const stddev = convertToTensor(options.stddev ?? 1, { name: "stddev", dtype });
    const rnd = randomCore(type, s, dtype, options.seed);
    return add(multiply(rnd, stddev, { name: "mul" }), mean, { name: `${opName}/` });
  });
}

/** The call signature of the normal samplers: `mean` and `stddev` positionally (as in Python) or in the options. */
export interface NormalFn {
  /**
   * @param shape - the shape of the result
   * @param options - `mean`, `stddev`, `dtype`, `seed` and `name`
   */
  (shape: ShapeArg, options?: NormalOptions): Tensor;
  /**
   * @param shape - the shape of the result
   * @param mean - the mean
   * @param options - `stddev`, `dtype`, `seed` and `name`
   */
  (shape: ShapeArg, mean: unknown, options?: NormalOptions): Tensor;
  /**
   * @param shape - the shape of the result
   * @param mean - the mean
   * @param stddev - the standard deviation
   * @param options - `dtype`, `seed` and `name`
   */
  (shape: ShapeArg, mean: unknown, stddev: unknown, options?: NormalOptions): Tensor;
}
const normalFn = (type: string, defaultName: string, publicName: string): NormalFn => {
  const spec = { fn: `tf.${publicName}`, names: ["mean", "stddev"] };
  return (shape: ShapeArg, ...rest: unknown[]) => {
    const { values, options } = optionalArgs<NormalOptions>(spec, rest);
    const mean = values[0] ?? options.mean;
    const stddev = values[1] ?? options.stddev;
    return normalLike(type, defaultName, shape, { ...options, mean, stddev });
  };
};
/**
 * Values drawn from a normal distribution, new ones on every run (TF's Philox generator and Box–Muller
 * transform, so seeded graphs give TF's numbers). See {@link NormalFn} for the arguments.
 * Mirrors TF 1.x `tf.random_normal` (tensorflow/python/ops/random_ops.py, `random_normal`).
 * @throws TypeError when options are misplaced or an argument is given twice
 * @example
 * ```ts
 * const noise = tf.randomNormal([100, 1], 0, 0.1, { seed: 7 });
 * ```
 */
export const randomNormal = normalFn("RandomStandardNormal", "random_normal", "randomNormal");
/**
 * Values drawn from a normal distribution, where any value more than two standard deviations from the
 * mean is drawn again; the usual weight initializer. See {@link NormalFn} for the arguments.
 * Mirrors TF 1.x `tf.truncated_normal` (tensorflow/python/ops/random_ops.py, `truncated_normal`).
 * @throws TypeError when options are misplaced or an argument is given twice
 * @example
 * ```ts
 * const W = tf.Variable(tf.truncatedNormal([784, 300], { stddev: 0.05 }), { name: "kernel" });
 * ```
 */
export const truncatedNormal = normalFn("TruncatedNormal", "truncated_normal", "truncatedNormal");

/**
 * Sets the default graph's random seed: random ops created afterwards derive their seeds from it and
 * their creation order, so a rebuilt graph draws the same numbers (ops created earlier keep theirs).
 * Mirrors TF 1.x `tf.set_random_seed` (tensorflow/python/framework/random_seed.py, `set_random_seed`).
 * @param seed - the graph-level seed, or null to clear it
 * @example
 * ```ts
 * tf.setRandomSeed(42);
 * const r = tf.randomUniform([2]);
 * ```
 */
export function setRandomSeed(seed: number | null): void {
  getDefaultGraph().seed = seed;
}

/**
 * tensorlings: TensorFlow 1.x graph mode in TypeScript. `import * as tf from "tensorlings"`.
 * Names are TF 1.x names in camelCase; keyword arguments become an options object, which may stand
 * in place of any omitted optional positional (`tf.reduceMean(x, { name: "mse" })`), and `with`
 * blocks become callbacks. `sess.run` results are typed by what is fetched (see `FetchResult`).
 */
import "./ops";
import { initBackendFromEnv } from "./runtime/backends/select";
import { createVariable } from "./ops/state/variable";
import type { Variable as VariableClass } from "./ops/state/variable";
import { GraphImpl } from "./graph/graph";

export { DType, float32, float64, int32, int64, bool, string } from "./base/dtypes";
export { NDArray } from "./base/ndarray/ndarray";
export * from "./base/errors";
/** `tf.errors`: TF's error classes (`tf.errors.InvalidArgumentError`...), also exported at the top level. */
export * as errors from "./base/errors";

// graphs, names and scopes
export { getDefaultGraph, resetDefaultGraph, GraphKeys } from "./graph/graph";
export type { GraphImpl } from "./graph/graph";
export { Operation } from "./graph/operation";
export { Tensor } from "./graph/tensor";
export { TensorShape } from "./base/shape";
export { nameScope } from "./graph/nameScope";
export { AUTO_REUSE, VariableScope } from "./graph/variableScopeState";
export { variableScope, getVariable, getVariableScope } from "./ops/state/variableScope";

/**
 * A new, empty graph, called without `new`; make it the default with `g.asDefault(() => ...)`.
 * Mirrors TF 1.x `tf.Graph()` (tensorflow/python/framework/ops.py, class `Graph`).
 * @returns The graph.
 * @example
 * ```ts
 * const graph = tf.Graph();
 * const x2 = graph.asDefault(() => tf.Variable(2));
 * const same = x2.graph === graph; // true
 * ```
 */
export function Graph(): GraphImpl {
  return new GraphImpl();
}
/** The type of the graphs {@link Graph} returns. */
export type Graph = GraphImpl;

/**
 * Creates a variable, called without `new`: its value lives in each session, set by its initializer.
 * Mirrors TF 1.x `tf.Variable(initial_value, trainable=True, collections=None, validate_shape=True,
 * name=None, dtype=None)` (tensorflow/python/ops/variables.py, `RefVariable.__init__`).
 * @param initialValue - A tensor or a value convertible to one.
 * @param options.name - The variable's name (`Variable`).
 * @param options.dtype - Its dtype (the initial value's by default).
 * @param options.trainable - Add it to the trainable variables (true).
 * @param options.collections - Collections to add it to.
 * @param options.validateShape - Require a fully known initial shape (true).
 * @returns The variable (also its own `x:0` tensor).
 * @throws {@link ValueError} when `initialValue` is missing.
 * @example
 * ```ts
 * const x = tf.Variable(3, { name: "x" });
 * const theta = tf.Variable(tf.randomUniform([9, 1], -1.0, 1.0, { seed: 42 }), { name: "theta" });
 * ```
 */
export const Variable = createVariable;
/** The type of the variables {@link Variable} creates. */
export type Variable = VariableClass;
export { globalVariables, trainableVariables, localVariables } from "./ops/state/variable";
export {
  constantInitializer,
  zerosInitializer,
  onesInitializer,
  randomUniformInitializer,
  randomNormalInitializer,
  truncatedNormalInitializer,
  glorotUniformInitializer,
} from "./ops/state/initializers";
export { assignRef as assign, assignAddRef as assignAdd, assignSubRef as assignSub } from "./ops/state/variableOps";
export { globalVariablesInitializer, variablesInitializer, globalVariablesInitializer as initializeAllVariables } from "./ops/state/initOps";

// backends: the engine's own CPU kernels, or tfjs (TENSORLINGS_BACKEND=cpu|tfjs-wasm|tfjs-cpu|tfjs-node-gpu)
export { getBackend, setBackend, backendReady, BACKEND_NAMES, BACKEND_ENV_VAR } from "./runtime/backends/select";
export type { BackendName } from "./runtime/backends/select";
initBackendFromEnv();

// sessions
export { Session, InteractiveSession, withSession, SessionImpl } from "./runtime/session";
export type { Fetch, FetchResult, FetchValue, RunOptions, SessionOptions } from "./runtime/session";
export { getDefaultSession } from "./graph/defaultSession";
export type { FeedDict, FeedKey, EvalOptions, SessionLike } from "./graph/defaultSession";
export type { ArrayLike, NestedArray, Nested, NestedOfRank, Scalar } from "./base/ndarray/ndarray";
export type { Shape } from "./base/ndarray/ndarray";

// ops
export { constant, convertToTensor } from "./ops/array/constant";
export { placeholder, placeholderWithDefault } from "./ops/array/placeholder";
export {
  shape, rank, size, reshape, fill, zeros, ones, zerosLike, onesLike, tile, range, transpose, concat, slice,
  expandDims, squeeze, stack,
} from "./ops/array/shapeOps";
export { unstack } from "./ops/array/packOps";
export { pad } from "./ops/array/padOps";
export { setdiff1d } from "./ops/array/listDiff";
export { cumsum, cumprod } from "./ops/math/cumulative";
export { select, select as where } from "./ops/array/select";
export { identity, stopGradient, noOp, group, tuple, controlDependencies } from "./ops/control/controlFlow";
export {
  add, subtract, multiply, truediv, truediv as div, truediv as divide, realdiv, divNoNan, floordiv, mod, maximum, minimum, pow,
  squaredDifference, equal, notEqual, greater, greaterEqual, less, lessEqual, logicalAnd, logicalOr,
} from "./ops/math/binary";
export {
  neg, neg as negative, square, sqrt, exp, log, log1p, sin, cos, tanh, sigmoid, abs, sign, reciprocal, floor, ceil, round,
  logicalNot, isNan,
} from "./ops/math/unary";
export { cast } from "./ops/math/cast";
export { reduceSum, reduceMean, reduceMax, reduceMin, reduceProd, reduceAll, reduceAny, argMax, argMin } from "./ops/math/reduce";
export { matmul, matrixInverse } from "./ops/math/matmul";
export { addN } from "./ops/math/addN";
export { randomUniform, randomNormal, truncatedNormal, setRandomSeed } from "./ops/random/randomOps";
/** `tf.nn`: the activation functions (`relu`, `sigmoid`, `tanh`, `softplus`). */
export * as nn from "./ops/nn";
export { registeredOpTypes } from "./ops/registry";

// autodiff and training
export { gradients } from "./train/gradients";
export type { GradientsOptions } from "./train/gradients";
export { hessians } from "./train/hessians";
/** `tf.train`: optimizers, the global step, `Saver` and the checkpoint helpers. */
export * as train from "./train/index";
/** `tf.losses`: `logLoss`, `meanSquaredError` and the `losses` collection. */
export * as losses from "./train/losses";
/** `tf.summary`: summary ops and the `FileWriter` that stores their values for TensorBoard. */
export * as summary from "./summary/index";
export { inspectCheckpoint, formatCheckpoint, readCheckpoint, listCheckpoint, readLogdir, readEventFile } from "./io/index";

// Types that the signatures of the graph and op functions above use, exported so code (and the API
// reference) can name them.
export type { DTypeName, TypedStorage } from "./base/dtypes";
export type { Attrs, OutputSpec } from "./graph/operation";
export type { GraphDefLike, NodeDefLike, AttrValueLike, AttrListLike, ShapeLike } from "./base/graphdef";
export type { NameScopeOptions } from "./graph/nameScope";
export type { Reuse } from "./graph/variableScopeState";
export type { Variable as VariableImpl, VariableOptions } from "./ops/state/variable";
export type { AssignOptions } from "./ops/state/variableOps";
export type { GetVariableOptions, ScopeFn, VariableScopeOptions } from "./ops/state/variableScope";
export type { Initializer, RandomInitOptions, TwoNumberInitializer } from "./ops/state/initializers";
export type { ConstantOptions, ConvertOptions } from "./ops/array/constant";
export type { PlaceholderOptions } from "./ops/array/placeholder";
export type { FilledFn, LikeFn } from "./ops/array/shapeOps";
export type { UnstackOptions } from "./ops/array/packOps";
export type { Dep } from "./ops/control/controlFlow";
export type { NameOption, TensorLike } from "./ops/math/binary";
export type { Axis, ArgReduction, Reduction, ReduceOptions } from "./ops/math/reduce";
export type { ScanFunction, ScanOptions } from "./ops/math/cumulative";
export type { MatMulOptions } from "./ops/math/matmul";
export type { NormalFn, NormalOptions, RandomOptions, ShapeArg } from "./ops/random/randomOps";

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

/** `tf.Graph()`: a new, empty graph (make it the default with `g.asDefault(() => ...)`). */
export function Graph(): GraphImpl {
  return new GraphImpl();
}
export type Graph = GraphImpl;

/** `tf.Variable(initialValue, { name, dtype, trainable })`, called without `new`. */
export const Variable = createVariable;
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
export * as nn from "./ops/nn";
export { registeredOpTypes } from "./ops/registry";

// autodiff and training
export { gradients } from "./train/gradients";
export { hessians } from "./train/hessians";
export * as train from "./train/index";
export * as losses from "./train/losses";
export * as summary from "./summary/index";
export { inspectCheckpoint, formatCheckpoint, readCheckpoint, listCheckpoint, readLogdir, readEventFile } from "./io/index";

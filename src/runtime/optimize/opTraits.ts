/**
 * What the rewrites may assume about each op type. Lists are explicit on purpose: an op type
 * added later (summaries, savers...) is treated as having effects, retaining its inputs and not
 * foldable, until someone checks its kernel and lists it here.
 */
import { elementwiseDef } from "../../base/kernels/elementwise";

/** Deterministic ops without side effects: a result nobody reads need not be computed. */
// prettier-ignore
const PURE = new Set([
  "Abs", "Add", "AddN", "All", "Any", "ArgMax", "ArgMin", "BroadcastGradientArgs", "Cast", "Ceil",
  "ConcatV2", "Const", "Cos", "DivNoNan", "DynamicStitch", "Equal", "Exp", "Fill", "Floor", "FloorDiv",
  "FloorMod", "Greater", "GreaterEqual", "Identity", "InvertPermutation", "IsNan", "Less", "LessEqual",
  "Log", "Log1p", "LogicalAnd", "LogicalNot", "LogicalOr", "MatMul", "MatrixInverse", "Max", "Maximum",
  "Mean", "Min", "Minimum", "Mul", "Neg", "NoOp", "NotEqual", "OnesLike", "PlaceholderWithDefault", "Pow",
  "Prod", "Range", "Rank", "RealDiv", "Reciprocal", "ReciprocalGrad", "Relu", "ReluGrad", "Reshape",
  "Round", "Select", "Shape", "Sigmoid", "SigmoidGrad", "Sign", "Sin", "Size", "Slice", "Softplus",
  "SoftplusGrad", "Sqrt", "SqrtGrad", "Square", "SquaredDifference", "StopGradient", "Sub", "Sum",
  "Tanh", "TanhGrad", "Tile", "Transpose", "ZerosLike",
  "Pack", "Unpack", "Pad", "Cumsum", "Cumprod", "ListDiff",
]);

/** Ops whose output is their input, unchanged (run as a slot copy, no kernel call). */
const ALIAS = new Set(["Identity", "StopGradient", "PlaceholderWithDefault"]);

/** Ops whose engine kernel may return an output sharing its input's storage. */
const VIEW = new Set(["Identity", "StopGradient", "PlaceholderWithDefault", "Reshape", "Cast"]);

/**
 * Ops whose engine kernel only reads its inputs during the call: it neither returns them (or a
 * view of them) nor stores them anywhere. Assign is the notable absentee: it keeps its value.
 */
// prettier-ignore
const NON_RETAINING = new Set([
  "AddN", "All", "Any", "ArgMax", "ArgMin", "BroadcastGradientArgs", "ConcatV2", "DynamicStitch", "Fill",
  "InvertPermutation", "MatMul", "MatrixInverse", "Max", "Mean", "Min", "NoOp", "OnesLike", "Prod", "Range",
  "Rank", "Select", "Shape", "Size", "Slice", "Sum", "Tile", "Transpose", "ZerosLike",
  "Pack", "Unpack", "Pad", "Cumsum", "Cumprod", "ListDiff",
  "ApplyGradientDescent", "ApplyMomentum", "ApplyAdam", "ApplyRMSProp", "AssignAdd", "AssignSub",
]);

/** Ops whose result depends only on the input's shape (and dtype). */
const SHAPE_ONLY = new Set(["Shape", "Size", "Rank", "OnesLike", "ZerosLike"]);

export const isPure = (type: string): boolean => PURE.has(type);
export const isFoldable = (type: string): boolean => PURE.has(type) && type !== "NoOp";
export const isAlias = (type: string): boolean => ALIAS.has(type);
export const isView = (type: string): boolean => VIEW.has(type);
export const isShapeOnly = (type: string): boolean => SHAPE_ONLY.has(type);
export const isNonRetaining = (type: string): boolean =>
  NON_RETAINING.has(type) || elementwiseDef(type) !== undefined;

/**
 * Constant folding: a pure op whose inputs are all known while compiling is computed once, with
 * the very kernel the run would use, and its outputs become constants of the plan. Ops whose
 * result depends only on the input's shape (`Shape`, `Size`, `Rank`, `OnesLike`, `ZerosLike`)
 * fold as soon as that shape is known (shapeInference.ts; the engine already treats `Shape` of a
 * fully defined static shape as a constant when building graphs, see ops/constantValue.ts).
 *
 * Stateful and random ops never fold, and neither does an op whose kernel fails here: it stays in
 * the plan, so the run raises the same error at the same node as before.
 */
import { DType, int32 } from "../../base/dtypes";
import { NDArray, shapeSize } from "../../base/ndarray/ndarray";
import { SessionState } from "../../ops/sessionState";
import { PlanGraph, PlanNode, toCheckNode } from "./ir";
import { isFoldable, isShapeOnly } from "./opTraits";
import { inferShapes, knownShape } from "./shapeInference";

/** Results larger than this stay computed at run time rather than held by the plan (TF's grappler caps at 10 MB too). */
const MAX_FOLDED_ELEMENTS = 1 << 21;

export function foldConstants(graph: PlanGraph): void {
  const ctx = { state: new SessionState() };
  const kept: PlanNode[] = [];
  for (const node of graph.nodes) {
    inferShapes(node);
    const values =
      node.kind === "kernel" && !node.target && isFoldable(node.op.type) ? evaluate(node, ctx) : null;
    if (!values || values.some((v) => v.size > MAX_FOLDED_ELEMENTS)) {
      kept.push(node);
      continue;
    }
    node.outputs.forEach((v, i) => (v.constant = values[i]));
    // Shape of an uninitialized variable must still fail as before.
    const check = toCheckNode(node);
    if (check) kept.push(check);
  }
  graph.nodes = kept;
}

function evaluate(node: PlanNode, ctx: { state: SessionState }): NDArray[] | null {
  if (isShapeOnly(node.op.type)) {
    const shape = knownShape(node.inputs[0]);
    if (shape) return [shapeValue(node.op.type, shape, node.inputs[0].dtype)];
  }
  if (node.outputs.length === 0 || !node.inputs.every((v) => v.constant !== null)) return null;
  try {
    const outs = node.makeKernel({})(
      node.inputs.map((v) => v.constant as NDArray),
      ctx,
    );
    return outs.length === node.outputs.length ? [...outs] : null;
  } catch {
    return null;
  }
}

/** What the Shape, Size, Rank, OnesLike and ZerosLike kernels return for an input of this shape and dtype. */
function shapeValue(type: string, shape: number[], dtype: DType): NDArray {
  switch (type) {
    case "Shape":
      return new NDArray(int32, [shape.length], Int32Array.from(shape));
    case "Size":
      return NDArray.from(shapeSize(shape), int32);
    case "Rank":
      return NDArray.from(shape.length, int32);
    default: {
      const out = NDArray.zeros(dtype, shape);
      if (type === "OnesLike") (out.data as Float32Array).fill(1);
      return out;
    }
  }
}

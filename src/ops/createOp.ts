import { ValueError } from "../base/errors";
import { GraphImpl, getDefaultGraph, graphOfElements, withGraph } from "../graph/graph";
import { withGraphNameScope } from "../graph/nameScope";
import { Attrs, Operation, OutputSpec } from "../graph/operation";
import { shapeToDebug } from "../base/shape";
import { Tensor, canonicalTensor } from "../graph/tensor";
import { OpDef, getOpDef } from "./registry";

/** The graph that tensors among `values` belong to (all must agree), else the default graph. */
export function graphFromInputs(values: unknown[]): GraphImpl {
  return graphOfElements(values) ?? getDefaultGraph();
}

/**
 * Open the op's own name scope (uniquified `name`), run `build` in it with the scope's name
 * (the final op's name), on the graph of `values`. Constants converted inside land in the scope
 * (`Add/y`), as in TF's generated wrappers.
 */
export function inOpScope<T>(name: string, values: unknown[], build: (opName: string, graph: GraphImpl) => T): T {
  const graph = graphFromInputs(values);
  const run = () => withGraphNameScope(graph, name, (scope) => build(scope.slice(0, -1), graph));
  return withGraph(graph, run);
}

/** Create and add an op with an exact (already unique) name; infers outputs from its definition. */
export function createOp(
  graph: GraphImpl,
  type: string,
  name: string,
  inputsGiven: Tensor[],
  attrs: Attrs = {},
  controlInputs: Operation[] = [],
): Operation {
  const def = getOpDef(type);
  const inputs = inputsGiven.map(canonicalTensor);
  for (const t of inputs) {
    if (t.graph !== graph) throw new ValueError(`${t} must be from the same graph as the op '${name}'.`);
  }
  const deps = [...controlInputs];
  const inputOps = inputs.map((t) => t.op);
  for (const level of graph.controlDependencyStack) {
    // An input created inside this block already runs after its deps (TF: the op is "dominated").
    if (inputOps.some((o) => level.seen.has(o))) continue;
    for (const dep of level.inputs) if (!deps.includes(dep) && !inputOps.includes(dep)) deps.push(dep);
  }
  const op = new Operation(graph, name, type, inputs, deps, attrs, inferOutputs(def, name, inputs, attrs));
  graph.addOperation(op);
  for (const level of graph.controlDependencyStack) level.seen.add(op);
  return op;
}

/**
 * Run the op's shape function. Its ValueErrors get the node appended as TF's graph construction
 * reports them: `... for 'add' (op: 'Add') with input shapes: [2,3], [2,4].`
 */
function inferOutputs(def: OpDef, name: string, inputs: Tensor[], attrs: Attrs): OutputSpec[] {
  try {
    return def.outputs(inputs, attrs);
  } catch (e) {
    if (e instanceof ValueError) {
      const shapes = inputs.map((t) => (t.shape === null ? "?" : shapeToDebug(t.shape))).join(", ");
      e.message += ` for '${name}' (op: '${def.type}') with input shapes: ${shapes}.`;
    }
    throw e;
  }
}

/**
 * Create an op named by the current scope + `name` (uniquified), without opening a scope.
 * A name ending in "/" is a full scope name used verbatim, as TF's `create_op` does.
 */
export function createOpNamed(
  graph: GraphImpl,
  type: string,
  name: string,
  inputs: Tensor[],
  attrs: Attrs = {},
  controlInputs: Operation[] = [],
): Operation {
  const full = name.endsWith("/") ? name.slice(0, -1) : graph.uniqueName(name);
  return createOp(graph, type, full, inputs, attrs, controlInputs);
}

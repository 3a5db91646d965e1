import { getDefaultGraph } from "../../graph/graph";
import { Operation } from "../../graph/operation";
import { Tensor } from "../../graph/tensor";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";
import { convertToTensor } from "../array/constant";

registerOp({ type: "NoOp", outputs: () => [], kernel: () => () => [], gradient: null });
registerOp({
  type: "Identity",
  outputs: ([x]) => [{ dtype: x.dtype, shape: x.shape }],
  kernel: () => (inputs) => [inputs[0]],
  gradient: (_op, [g]) => [g],
});
registerOp({
  type: "StopGradient",
  outputs: ([x]) => [{ dtype: x.dtype, shape: x.shape }],
  kernel: () => (inputs) => [inputs[0]],
  gradient: null,
});

type Dep = Operation | Tensor | { op: Operation };
const toOp = (d: Dep): Operation => (d instanceof Operation ? d : d.op);

/**
 * `with tf.control_dependencies(deps):` as a callback: ops created in `fn` run after `deps`.
 * `null` clears the enclosing dependencies, as in TF.
 */
export function controlDependencies<T>(deps: Dep[] | null, fn: () => T): T {
  const graph = getDefaultGraph();
  const saved = graph.controlDependencyStack;
  // Deps already in force are not repeated (TF's `_current_control_dependencies`).
  const current = new Set(saved.flatMap((level) => level.inputs));
  const inputs = deps === null ? [] : [...new Set(deps.map(toOp))].filter((op) => !current.has(op));
  graph.controlDependencyStack = deps === null ? [] : [...saved, { inputs, seen: new Set() }];
  try {
    return fn();
  } finally {
    graph.controlDependencyStack = saved;
  }
}

export function identity(x: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Identity", [x], (opName, graph) => {
    const t = convertToTensor(x, { name: "input" });
    return createOp(graph, "Identity", opName, [t], { T: attr.type(t.dtype) }).outputs[0];
  });
}

export function stopGradient(x: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "StopGradient", [x], (opName, graph) => {
    const t = convertToTensor(x, { name: "input" });
    return createOp(graph, "StopGradient", opName, [t], { T: attr.type(t.dtype) }).outputs[0];
  });
}

export function noOp(options: { name?: string } = {}): Operation {
  return inOpScope(options.name ?? "NoOp", [], (opName, graph) => createOp(graph, "NoOp", opName, []));
}

/** `tf.group(*inputs)`: a NoOp that runs after all of `inputs`. */
export function group(inputs: Dep[], options: { name?: string } = {}): Operation {
  return inOpScope(options.name ?? "group_deps", inputs, (opName, graph) =>
    createOp(graph, "NoOp", opName, [], {}, inputs.map(toOp)),
  );
}

/** `control_flow_ops.with_dependencies`: an Identity of `t` gated on `deps`. */
export function withDependencies(deps: Dep[], t: Tensor, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "control_dependency", [t], (opName, graph) =>
    createOp(graph, "Identity", opName, [t], { T: attr.type(t.dtype) }, deps.map(toOp)).outputs[0],
  );
}

/** `tf.tuple(tensors)`: each tensor is available only once all are computed (used to gate gradients). */
export function tuple(tensors: (Tensor | null)[], options: { name?: string } = {}): (Tensor | null)[] {
  return inOpScope(options.name ?? "tuple", tensors, () => {
    const gate = group(tensors.filter((t): t is Tensor => t !== null).map((t) => t.op));
    return tensors.map((t) => (t ? withDependencies([gate], t) : null));
  });
}

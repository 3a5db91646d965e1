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

/** Something to wait for: an operation, or a tensor (or a Variable) standing for the op that makes it. */
export type Dep =
  | Operation
  | Tensor
  | {
      /** The operation to wait for. */
      op: Operation;
    };
const toOp = (d: Dep): Operation => (d instanceof Operation ? d : d.op);

/**
 * Runs `fn` so that every op it creates waits for `deps` to run first (Python's
 * `with tf.control_dependencies(deps):` as a callback). `null` clears the enclosing dependencies, as in TF.
 * Mirrors TF 1.x `tf.control_dependencies` (tensorflow/python/framework/ops.py, `control_dependencies` and
 * `Graph.control_dependencies`).
 * @param deps - the ops (or tensors, for their ops) to wait for, or null to clear
 * @param fn - builds the dependent ops; its result is returned
 * @returns what `fn` returns
 * @example
 * ```ts
 * const x = tf.Variable(0.0);
 * const inc = tf.assignAdd(x, 1);
 * const after = tf.controlDependencies([inc], () => tf.identity(x)); // reads x after the increment
 * ```
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

/**
 * A new tensor with the same value as `x` (an `Identity` op): a named handle, or a read gated by
 * {@link controlDependencies}.
 * Mirrors TF 1.x `tf.identity` (tensorflow/python/ops/array_ops.py, `identity`).
 * @param x - a tensor, Variable or JS value
 * @param options.name - the op's name (default "Identity")
 * @returns the op's output
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const out = tf.identity(tf.constant(3), { name: "output" });
 * ```
 */
export function identity(x: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "Identity", [x], (opName, graph) => {
    const t = convertToTensor(x, { name: "input" });
    return createOp(graph, "Identity", opName, [t], { T: attr.type(t.dtype) }).outputs[0];
  });
}

/**
 * Passes `x` through unchanged but blocks gradients: {@link gradients} treats the result as a constant.
 * Mirrors TF 1.x `tf.stop_gradient` (tensorflow/core/ops/array_ops.cc, `StopGradient`; generated
 * `stop_gradient` in gen_array_ops.py).
 * @param x - a tensor, Variable or JS value
 * @param options.name - the op's name (default "StopGradient")
 * @returns the op's output
 * @throws {@link ValueError} when `x` is null/undefined
 * @example
 * ```ts
 * const w = tf.Variable(2.0);
 * const [g] = tf.gradients(tf.multiply(w, tf.stopGradient(w)), [w]); // d/dw = 2 (one factor held constant)
 * ```
 */
export function stopGradient(x: unknown, options: { name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "StopGradient", [x], (opName, graph) => {
    const t = convertToTensor(x, { name: "input" });
    return createOp(graph, "StopGradient", opName, [t], { T: attr.type(t.dtype) }).outputs[0];
  });
}

/**
 * An operation that does nothing; useful as a target that only carries control dependencies.
 * Mirrors TF 1.x `tf.no_op` (tensorflow/core/ops/no_op.cc, `NoOp`; generated `no_op` in gen_control_flow_ops.py).
 * @param options.name - the op's name (default "NoOp")
 * @returns the operation
 * @example
 * ```ts
 * const nothing = tf.noOp({ name: "nothing" });
 * ```
 */
export function noOp(options: { name?: string } = {}): Operation {
  return inOpScope(options.name ?? "NoOp", [], (opName, graph) => createOp(graph, "NoOp", opName, []));
}

/**
 * One operation that runs all of `inputs`: a `NoOp` with a control dependency on each.
 * Mirrors TF 1.x `tf.group` (tensorflow/python/ops/control_flow_ops.py, `group`).
 * @param inputs - the ops (or tensors, for their ops) to run
 * @param options.name - the op's name (default "group_deps")
 * @returns the grouping operation
 * @example
 * ```ts
 * const a = tf.Variable(0.0);
 * const b = tf.Variable(0.0);
 * const step = tf.group([tf.assignAdd(a, 1), tf.assignAdd(b, 2)]);
 * ```
 */
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

/**
 * Gates tensors together: each output carries the same value as its input but is available only once
 * every input is computed (used to gate gradients). Null entries stay null.
 * Mirrors TF 1.x `tf.tuple` (tensorflow/python/ops/control_flow_ops.py, `tuple`).
 * @param tensors - the tensors to gate
 * @param options.name - the name scope (default "tuple")
 * @returns the gated tensors, in order
 * @example
 * ```ts
 * const [a, b] = tf.tuple([tf.constant(1), tf.constant(2)]);
 * ```
 */
export function tuple(tensors: (Tensor | null)[], options: { name?: string } = {}): (Tensor | null)[] {
  return inOpScope(options.name ?? "tuple", tensors, () => {
    const gate = group(tensors.filter((t): t is Tensor => t !== null).map((t) => t.op));
    return tensors.map((t) => (t ? withDependencies([gate], t) : null));
  });
}

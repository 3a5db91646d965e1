import { ValueError } from "../base/errors";
import { createOp } from "./createOp";
import type { GraphImpl } from "../graph/graph";
import type { GraphDefLike } from "../base/graphdef";
import type { Operation } from "../graph/operation";
import type { Tensor } from "../graph/tensor";

/**
 * Rebuild the ops of a GraphDef in `graph` under their own names (as `tf.import_graph_def` with
 * `name=""`), so `getTensorByName("theta:0")` works and new ops uniquify around them.
 */
export function importGraphDef(graph: GraphImpl, def: GraphDefLike): Operation[] {
  const created: Operation[] = [];
  const byName = new Map<string, Operation>(graph.opsByName);
  const tensorOf = (ref: string, node: string): Tensor => {
    const m = /^(.*?)(?::(\d+))?$/.exec(ref) as RegExpExecArray;
    const op = byName.get(m[1]);
    if (!op) throw new ValueError(`Node '${node}': unknown input '${ref}' (the GraphDef is not in topological order or is incomplete)`);
    const t = op.outputs[Number(m[2] ?? 0)];
    if (!t) throw new ValueError(`Node '${node}': input '${ref}' names an output '${op.name}' does not have`);
    return t;
  };
  const opOf = (name: string, node: string): Operation => {
    const op = byName.get(name);
    if (!op) throw new ValueError(`Node '${node}': unknown control input '^${name}' (the GraphDef is not in topological order or is incomplete)`);
    return op;
  };
  for (const node of def.nodes) {
    if (byName.has(node.name)) throw new ValueError(`Cannot import node '${node.name}': the graph already has an op with that name`);
    const data = node.inputs.filter((i) => !i.startsWith("^")).map((i) => tensorOf(i, node.name));
    // A control input names an op, which may have no outputs at all (a NoOp such as `group_deps`).
    const control = node.inputs.filter((i) => i.startsWith("^")).map((i) => opOf(i.slice(1), node.name));
    const attrs = { ...node.attrs };
    delete attrs._output_shapes;
    markNameUsed(graph, node.name);
    const op = createOp(graph, node.op, node.name, data, attrs, control);
    byName.set(op.name, op);
    created.push(op);
  }
  return created;
}

/** Record a name and each of its scope prefixes as used, as if they had been created here. */
function markNameUsed(graph: GraphImpl, name: string): void {
  const parts = name.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const key = parts.slice(0, i).join("/").toLowerCase();
    if (!graph.namesInUse.has(key)) graph.namesInUse.set(key, 1);
  }
}

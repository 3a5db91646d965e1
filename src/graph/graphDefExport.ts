import type { GraphImpl } from "./graph";
import type { GraphDefLike, NodeDefLike } from "../base/graphdef";

/** TF 1.12's `TF_GRAPH_DEF_VERSION`, written as `versions.producer`. */
export const GRAPH_DEF_PRODUCER = 27;

/**
 * `graph.as_graph_def(add_shapes=...)`: every op in creation order (a valid topological order),
 * with `_output_shapes` when asked, as FileWriter writes it.
 */
export function asGraphDef(graph: GraphImpl, options: { addShapes?: boolean } = {}): GraphDefLike {
  const nodes: NodeDefLike[] = graph.operations.map((op) => ({
    name: op.name,
    op: op.type,
    inputs: op.nodeDefInputs,
    attrs: options.addShapes && op.outputs.length
      ? { ...op.attrs, _output_shapes: { kind: "list", value: { shape: op.outputs.map((t) => t.shape) } } }
      : { ...op.attrs },
  }));
  return { nodes, producer: GRAPH_DEF_PRODUCER };
}

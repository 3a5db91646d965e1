import { AssertionError, KeyError, RuntimeError, ValueError } from "../base/errors";
import { uniqueName } from "./names";
import type { Operation } from "./operation";
import type { Tensor } from "./tensor";
import type { VariableScopeState } from "./variableScopeState";

/** Collection keys TF uses (`tf.GraphKeys`). */
export const GraphKeys = {
  GLOBAL_VARIABLES: "variables",
  TRAINABLE_VARIABLES: "trainable_variables",
  LOCAL_VARIABLES: "local_variables",
  SUMMARIES: "summaries",
  TRAIN_OP: "train_op",
  SAVERS: "savers",
  GLOBAL_STEP: "global_step",
  UPDATE_OPS: "update_ops",
} as const;

/** One `controlDependencies` block: its ops, and the ops created inside it (TF's controller). */
export interface ControlDependencyLevel {
  readonly inputs: Operation[];
  readonly seen: Set<Operation>;
}

/** A TF 1.x graph: operations, the names in use, the current name scope, collections and a seed. */
export class GraphImpl {
  readonly operations: Operation[] = [];
  readonly opsByName = new Map<string, Operation>();
  /** Lower-cased full name -> times used (TF's `_names_in_use`). */
  readonly namesInUse = new Map<string, number>();
  /** Current name scope without trailing slash ("" at root). */
  nameStack = "";
  /** Number of operations created so far (TF's `_last_id`, used for op seeds). */
  lastId = 0;
  /** Graph-level random seed (`tf.setRandomSeed`). */
  seed: number | null = null;
  readonly collections = new Map<string, unknown[]>();
  /** Control dependencies pushed by `tf.controlDependencies`, innermost last. */
  controlDependencyStack: ControlDependencyLevel[] = [];
  /** The variable-scope bookkeeping, per graph as in TF (the variables of `getVariable` sit in ops/state/variableScope). */
  variableScopeState?: VariableScopeState;
  private finalized = false;

  /** TF's `Graph.unique_name` (spec §1.1), relative to the current name scope. */
  uniqueName(name: string, markAsUsed = true): string {
    const full = this.nameStack ? `${this.nameStack}/${name}` : name;
    return uniqueName(this.namesInUse, full, markAsUsed);
  }

  addOperation(op: Operation): void {
    if (this.finalized) throw new RuntimeError("Graph is finalized and cannot be modified.");
    this.operations.push(op);
    this.opsByName.set(op.name, op);
  }

  /**
   * TF's `init_scope` (graph mode): run `fn` outside every enclosing control-dependency context,
   * so what a variable builds (its op, initializer and snapshot) never waits on those deps.
   */
  initScope<T>(fn: () => T): T {
    const saved = this.controlDependencyStack;
    this.controlDependencyStack = [];
    try {
      return fn();
    } finally {
      this.controlDependencyStack = saved;
    }
  }

  nextId(): number {
    return ++this.lastId;
  }

  finalize(): void {
    this.finalized = true;
  }
  get isFinalized(): boolean {
    return this.finalized;
  }

  /** Make this the default graph while `fn` runs (Python's `with g.as_default():`). */
  asDefault<T>(fn: (graph: GraphImpl) => T): T {
    graphStack.push(this);
    try {
      return fn(this);
    } finally {
      graphStack.pop();
    }
  }

  getOperations(): Operation[] {
    return [...this.operations];
  }

  getOperationByName(name: string): Operation {
    if (name.includes(":")) throw new ValueError(`Name '${name}' appears to refer to a Tensor, not a Operation.`);
    const op = this.opsByName.get(name);
    if (!op) throw new KeyError(`The name '${name}' refers to an Operation not in the graph.`);
    return op;
  }

  getTensorByName(name: string): Tensor {
    const form = `Tensor names must be of the form "<op_name>:<output_index>".`;
    if (!name.includes(":")) {
      throw new ValueError(
        this.opsByName.has(name)
          ? `The name '${name}' refers to an Operation, not a Tensor. ${form}`
          : `The name '${name}' looks like an (invalid) Operation name, not a Tensor. ${form}`,
      );
    }
    const m = /^([^:]*):(\d+)$/.exec(name);
    // (TF's own wording, "looks a like", kept as is.)
    if (!m) throw new ValueError(`The name '${name}' looks a like a Tensor name, but is not a valid one. ${form}`);
    const op = this.opsByName.get(m[1]);
    if (!op) {
      throw new KeyError(
        `The name '${name}' refers to a Tensor which does not exist. The operation, '${m[1]}', does not exist in the graph.`,
      );
    }
    const index = Number(m[2]);
    if (index >= op.outputs.length) {
      throw new KeyError(
        `The name '${name}' refers to a Tensor which does not exist. The operation, '${m[1]}', exists but only has ${op.outputs.length} outputs.`,
      );
    }
    return op.outputs[index].asGraphElement();
  }

  addToCollection(key: string, value: unknown): void {
    const list = this.collections.get(key) ?? [];
    list.push(value);
    this.collections.set(key, list);
  }

  /** A copy of the collection, as TF returns. */
  getCollection<T = unknown>(key: string): T[] {
    return [...((this.collections.get(key) as T[] | undefined) ?? [])];
  }

  /** The live list (TF's `get_collection_ref`). */
  getCollectionRef<T = unknown>(key: string): T[] {
    let list = this.collections.get(key);
    if (!list) this.collections.set(key, (list = []));
    return list as T[];
  }

  get allCollectionKeys(): string[] {
    return [...this.collections.keys()];
  }

  toString(): string {
    return `<tensorlings.Graph with ${this.operations.length} operations>`;
  }
}

const graphStack: GraphImpl[] = [];
let globalDefault = new GraphImpl();

/**
 * TF's `_get_graph_from_inputs`: the one graph that the tensors and operations among `values`
 * belong to (null when none is a graph element). Elements of two graphs are a ValueError.
 */
export function graphOfElements(values: readonly unknown[]): GraphImpl | null {
  let graph: GraphImpl | null = null;
  let first: unknown = null;
  for (const v of values) {
    const g = (v as { graph?: unknown } | null)?.graph;
    if (!(g instanceof GraphImpl)) continue;
    if (graph && g !== graph) throw new ValueError(`${String(v)} must be from the same graph as ${String(first)}.`);
    graph ??= g;
    first ??= v;
  }
  return graph;
}

/** Run `fn` with `graph` as the default graph, entering it only when it is not already the default. */
export function withGraph<T>(graph: GraphImpl, fn: () => T): T {
  return graph === getDefaultGraph() ? fn() : graph.asDefault(fn);
}

export function getDefaultGraph(): GraphImpl {
  return graphStack.length ? graphStack[graphStack.length - 1] : globalDefault;
}

/** `tf.reset_default_graph()`: a fresh global default graph (not allowed inside `asDefault`). */
export function resetDefaultGraph(): void {
  if (graphStack.length) {
    throw new AssertionError(
      "Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.",
    );
  }
  globalDefault = new GraphImpl();
}

import { AssertionError, KeyError, RuntimeError, ValueError } from "../base/errors";
import { uniqueName } from "./names";
import type { Operation } from "./operation";
import type { Tensor } from "./tensor";
import type { VariableScopeState } from "./variableScopeState";

/**
 * The standard collection names, with TF's string values (they appear in saved meta graphs).
 * Mirrors TF 1.x `tf.GraphKeys` (tensorflow/python/framework/ops.py, class `GraphKeys`).
 * @example
 * ```ts
 * const v = tf.Variable(1.0);
 * const all = tf.getDefaultGraph().getCollection(tf.GraphKeys.GLOBAL_VARIABLES); // [v]
 * ```
 */
export const GraphKeys = {
  /** Every variable a Saver saves by default: `"variables"`. */
  GLOBAL_VARIABLES: "variables",
  /** The variables optimizers update by default: `"trainable_variables"`. */
  TRAINABLE_VARIABLES: "trainable_variables",
  /** Variables local to one process (not saved): `"local_variables"`. */
  LOCAL_VARIABLES: "local_variables",
  /** Summary ops, merged by `tf.summary.mergeAll`: `"summaries"`. */
  SUMMARIES: "summaries",
  /** The training op, for meta-graph export: `"train_op"`. */
  TRAIN_OP: "train_op",
  /** Savers, for meta-graph export: `"savers"`. */
  SAVERS: "savers",
  /** The global step variable: `"global_step"`. */
  GLOBAL_STEP: "global_step",
  /** Ops to run with each training step (e.g. moving averages): `"update_ops"`. */
  UPDATE_OPS: "update_ops",
} as const;

/** One `controlDependencies` block: its ops, and the ops created inside it (TF's controller). */
export interface ControlDependencyLevel {
  readonly inputs: Operation[];
  readonly seen: Set<Operation>;
}

/**
 * A TF 1.x graph: operations, the names in use, the current name scope, collections and a seed.
 * Create one with `tf.Graph()` (no `new`); ops go into the default graph ({@link getDefaultGraph}),
 * which `g.asDefault(fn)` switches while `fn` runs.
 * Mirrors TF 1.x `tf.Graph` (tensorflow/python/framework/ops.py, class `Graph`).
 * @example
 * ```ts
 * const g = tf.Graph();
 * const c = g.asDefault(() => tf.constant(1));
 * const same = c.graph === g; // true
 * ```
 */
export class GraphImpl {
  /** Every operation, in creation order (read it through {@link GraphImpl.getOperations}). */
  readonly operations: Operation[] = [];
  /** @internal Operations by name, for lookups. */
  readonly opsByName = new Map<string, Operation>();
  /** Lower-cased full name -> times used (TF's `_names_in_use`). */
  readonly namesInUse = new Map<string, number>();
  /** Current name scope without trailing slash ("" at root). */
  nameStack = "";
  /** Number of operations created so far (TF's `_last_id`, used for op seeds). */
  lastId = 0;
  /** Graph-level random seed (`tf.setRandomSeed`). */
  seed: number | null = null;
  /** @internal Collections by key; use {@link GraphImpl.getCollection} and {@link GraphImpl.addToCollection}. */
  readonly collections = new Map<string, unknown[]>();
  /** @internal Control dependencies pushed by `tf.controlDependencies`, innermost last. */
  controlDependencyStack: ControlDependencyLevel[] = [];
  /** @internal The variable-scope bookkeeping, per graph as in TF (the variables of `getVariable` sit in ops/state/variableScope). */
  variableScopeState?: VariableScopeState;
  private finalized = false;

  /** TF's `Graph.unique_name` (tensorflow/python/framework/ops.py), relative to the current name scope. */
  uniqueName(name: string, markAsUsed = true): string {
    const full = this.nameStack ? `${this.nameStack}/${name}` : name;
    return uniqueName(this.namesInUse, full, markAsUsed);
  }

  /**
   * @internal Registers a new operation (called by `createOp`).
   * @throws {@link RuntimeError} when the graph is finalized
   */
  addOperation(op: Operation): void {
    if (this.finalized) throw new RuntimeError("Graph is finalized and cannot be modified.");
    this.operations.push(op);
    this.opsByName.set(op.name, op);
  }

  /**
   * TF's `init_scope` (graph mode): run `fn` outside every enclosing control-dependency context,
   * so what a variable builds (its op, initializer and snapshot) never waits on those deps.
   * @param fn - builds the ops
   * @returns what `fn` returns
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

  /** @internal The next operation id. */
  nextId(): number {
    return ++this.lastId;
  }

  /**
   * Makes the graph read-only: adding an op afterwards throws (TF's `Graph.finalize`, which
   * `MonitoredSession` uses to catch ops built inside a training loop).
   * @example
   * ```ts
   * const g = tf.Graph();
   * g.finalize();
   * ```
   */
  finalize(): void {
    this.finalized = true;
  }
  /** Whether {@link GraphImpl.finalize} was called (TF's `finalized`). */
  get isFinalized(): boolean {
    return this.finalized;
  }

  /**
   * Make this the default graph while `fn` runs (Python's `with g.as_default():`).
   * @param fn - builds ops in this graph; receives the graph
   * @returns what `fn` returns
   * @example
   * ```ts
   * const g = tf.Graph();
   * g.asDefault(() => tf.constant(1, { name: "one" }));
   * ```
   */
  asDefault<T>(fn: (graph: GraphImpl) => T): T {
    graphStack.push(this);
    try {
      return fn(this);
    } finally {
      graphStack.pop();
    }
  }

  /**
   * Every operation, in creation order (TF's `Graph.get_operations`).
   * @returns a copy of the list
   */
  getOperations(): Operation[] {
    return [...this.operations];
  }

  /**
   * The operation called `name` (TF's `Graph.get_operation_by_name`).
   * @param name - the op's full name, e.g. `"loss/mse"`
   * @returns the operation
   * @throws {@link ValueError} when `name` looks like a tensor name (`"x:0"`)
   * @throws {@link KeyError} when there is no such operation
   * @example
   * ```ts
   * tf.constant(1, { name: "one" });
   * const op = tf.getDefaultGraph().getOperationByName("one");
   * ```
   */
  getOperationByName(name: string): Operation {
    if (name.includes(":")) throw new ValueError(`Name '${name}' appears to refer to a Tensor, not a Operation.`);
    const op = this.opsByName.get(name);
    if (!op) throw new KeyError(`The name '${name}' refers to an Operation not in the graph.`);
    return op;
  }

  /**
   * The tensor called `name` (`"<op>:<index>"`; TF's `Graph.get_tensor_by_name`). A variable's name
   * gives its plain `float32_ref` tensor.
   * @param name - the tensor's name, e.g. `"theta:0"`
   * @returns the tensor
   * @throws {@link ValueError} when `name` is not of the form `op:index`
   * @throws {@link KeyError} when the op doesn't exist or has fewer outputs
   * @example
   * ```ts
   * tf.placeholder(tf.float32, { name: "X" });
   * const X = tf.getDefaultGraph().getTensorByName("X:0");
   * ```
   */
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

  /**
   * Appends `value` to the collection `key` (TF's `Graph.add_to_collection`).
   * @param key - the collection name, often one of {@link GraphKeys}
   * @param value - anything
   * @example
   * ```ts
   * const loss = tf.constant(0.5);
   * tf.getDefaultGraph().addToCollection("losses", loss);
   * ```
   */
  addToCollection(key: string, value: unknown): void {
    const list = this.collections.get(key) ?? [];
    list.push(value);
    this.collections.set(key, list);
  }

  /**
   * A copy of the collection, as TF returns (`Graph.get_collection`); empty when unknown.
   * @param key - the collection name
   * @returns the values, in insertion order
   */
  getCollection<T = unknown>(key: string): T[] {
    return [...((this.collections.get(key) as T[] | undefined) ?? [])];
  }

  /**
   * The live list (TF's `get_collection_ref`), created empty when missing; changes to it change the collection.
   * @param key - the collection name
   * @returns the collection itself
   */
  getCollectionRef<T = unknown>(key: string): T[] {
    let list = this.collections.get(key);
    if (!list) this.collections.set(key, (list = []));
    return list as T[];
  }

  /** The names of all collections (TF's `Graph.get_all_collection_keys()`). */
  get allCollectionKeys(): string[] {
    return [...this.collections.keys()];
  }

  /** A short description: `<tensorlings.Graph with 3 operations>`. */
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

/**
 * The graph new ops go into: the innermost `g.asDefault(...)` graph, else the global default graph.
 * Mirrors TF 1.x `tf.get_default_graph` (tensorflow/python/framework/ops.py, `get_default_graph`).
 * @returns the default graph
 * @example
 * ```ts
 * const n = tf.getDefaultGraph().getOperations().length;
 * ```
 */
export function getDefaultGraph(): GraphImpl {
  return graphStack.length ? graphStack[graphStack.length - 1] : globalDefault;
}

/**
 * Replaces the global default graph with a fresh, empty one; existing tensors keep their old graph.
 * Mirrors TF 1.x `tf.reset_default_graph` (tensorflow/python/framework/ops.py, `reset_default_graph`).
 * @throws {@link AssertionError} when called inside `g.asDefault(...)`
 * @example
 * ```ts
 * tf.resetDefaultGraph();
 * const empty = tf.getDefaultGraph().getOperations().length === 0; // true
 * ```
 */
export function resetDefaultGraph(): void {
  if (graphStack.length) {
    throw new AssertionError(
      "Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.",
    );
  }
  globalDefault = new GraphImpl();
}

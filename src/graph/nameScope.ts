import { ValueError } from "../base/errors";
import { GraphImpl, getDefaultGraph, graphOfElements, withGraph } from "./graph";
import { checkScopeName } from "./names";

/**
 * `Graph.name_scope` (tensorflow/python/framework/ops.py): "" or null resets to the root, a name ending in
 * "/" re-enters that scope as is, anything else opens a new uniquified scope below the current one. The
 * callback receives the scope string with its trailing slash ("loss/"), or "" at the root.
 */
export function withGraphNameScope<T>(graph: GraphImpl, name: string | null, fn: (scope: string) => T): T {
  const saved = graph.nameStack;
  let stack: string;
  let yielded: string;
  if (!name) {
    stack = "";
    yielded = "";
  } else if (name.endsWith("/")) {
    checkScopeName(name, saved === "");
    // Re-entered as given: "/" names the root yet still yields "/", as TF's `stack + "/"` does.
    stack = name.slice(0, -1);
    yielded = name;
  } else {
    checkScopeName(name, saved === "");
    stack = graph.uniqueName(name);
    yielded = `${stack}/`;
  }
  graph.nameStack = stack;
  try {
    return fn(yielded);
  } finally {
    graph.nameStack = saved;
  }
}

/** Options of {@link nameScope}. */
export interface NameScopeOptions {
  /** Used when `name` is null, as Python's `default_name`. */
  defaultName?: string;
  /** Tensors the scope is about: their graph becomes the default for the block. */
  values?: unknown[];
}

/**
 * Runs `fn` with a name scope open, so the ops it creates are named `scope/op` (Python's
 * `with tf.name_scope(name, default_name=None, values=None) as scope:` as a callback). A taken name is
 * made unique (`loss_1`); a name ending in "/" re-enters that exact scope; "" or null (without
 * `defaultName`) returns to the root.
 * Mirrors TF 1.x `tf.name_scope` (tensorflow/python/framework/ops.py, class `name_scope`).
 * @param name - the scope's name
 * @param fn - the body; receives the scope string with its trailing slash ("loss/"), or "" at the root
 * @returns what `fn` returns
 * @throws {@link ValueError} when the name is not a valid scope name
 * @example
 * ```ts
 * const mse = tf.nameScope("loss", () => tf.reduceMean(tf.square(tf.constant([1, 2])), { name: "mse" }));
 * const name = mse.op.name; // "loss/mse"
 * ```
 */
export function nameScope<T>(name: string | null, fn: (scope: string) => T): T;
/**
 * `tf.name_scope(name, default_name, values)`: `name` may be null when `defaultName` is given.
 * @param name - the scope's name, or null to use `options.defaultName`
 * @param options - `defaultName` and `values` (see {@link NameScopeOptions})
 * @param fn - the body; receives the scope string
 * @throws {@link ValueError} when `values` are given but neither `name` nor `defaultName`, or the values
 *   come from two graphs
 */
export function nameScope<T>(name: string | null, options: NameScopeOptions, fn: (scope: string) => T): T;
export function nameScope<T>(
  name: string | null,
  optionsOrFn: NameScopeOptions | ((scope: string) => T),
  maybeFn?: (scope: string) => T,
): T {
  const options = typeof optionsOrFn === "function" ? {} : optionsOrFn;
  const fn = (typeof optionsOrFn === "function" ? optionsOrFn : maybeFn) as (scope: string) => T;
  if (name === null && options.defaultName === undefined && options.values !== undefined) {
    // Python prints the missing values as None.
    throw new ValueError("At least one of name (None) and default_name (None) must be provided.");
  }
  const graph = graphOfElements(options.values ?? []) ?? getDefaultGraph();
  const scopeName = name ?? options.defaultName ?? null;
  const run = () => withGraphNameScope(graph, scopeName, fn);
  return withGraph(graph, run);
}

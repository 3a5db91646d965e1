import { DType, float32 } from "../../base/dtypes";
import { GraphImpl, getDefaultGraph } from "../../graph/graph";
import { withGraphNameScope } from "../../graph/nameScope";
import { isFullyDefined, shapeToPython, toStaticShape } from "../../base/shape";
import { AUTO_REUSE, Reuse, VariableScope, VariableScopeState } from "../../graph/variableScopeState";
import { ValueError } from "../../base/errors";
import { NDArray } from "../../base/ndarray/ndarray";
import { convertToTensor, isTensorLike } from "../array/constant";
import { optionalArgs } from "../../base/optionalArgs";
import { Variable } from "./variable";
import { Initializer, glorotUniformInitializer, zerosInitializer } from "./initializers";

/**
 * Variables created by `getVariable`, per graph and by full name: TF's `_VariableStore`, which it
 * keeps in a graph collection so the graph itself never names the Variable type.
 */
const variableStores = new WeakMap<GraphImpl, Map<string, Variable>>();

function variableStoreOf(graph: GraphImpl): Map<string, Variable> {
  let store = variableStores.get(graph);
  if (!store) variableStores.set(graph, (store = new Map()));
  return store;
}

function stateOf(graph: GraphImpl): VariableScopeState {
  return (graph.variableScopeState ??= new VariableScopeState());
}

/**
 * The current variable scope of the default graph (the root scope, named "", outside any
 * {@link variableScope}).
 * Mirrors TF 1.x `tf.get_variable_scope` (tensorflow/python/ops/variable_scope.py, `get_variable_scope`).
 * @returns the scope object
 * @example
 * ```ts
 * const name = tf.variableScope("layer1", () => tf.getVariableScope().name); // "layer1"
 * ```
 */
export function getVariableScope(): VariableScope {
  return stateOf(getDefaultGraph()).current;
}

/** Options of {@link variableScope}. */
export interface VariableScopeOptions {
  /** The name to use (made unique) when `nameOrScope` is null. */
  defaultName?: string;
  /** `true` or `tf.AUTO_REUSE`; `false`/`null` inherit from the parent scope, as in TF. */
  reuse?: boolean | typeof AUTO_REUSE | null;
  /** The default initializer of {@link getVariable} calls inside the scope. */
  initializer?: Initializer;
  /** The default dtype of {@link getVariable} calls inside the scope. */
  dtype?: DType;
}

/** The body of a {@link variableScope}: receives the scope object (Python's `as scope`). */
export type ScopeFn<T> = (scope: VariableScope) => T;

/**
 * Runs `fn` inside a variable scope (Python's
 * `with tf.variable_scope(name_or_scope, default_name=None, reuse=None, ...) as scope:` as a callback).
 * Opens a (uniquified) name scope for ops and a non-uniquified variable scope for {@link getVariable},
 * whose `reuse` flag decides whether existing variables are shared.
 * Mirrors TF 1.x `tf.variable_scope` (tensorflow/python/ops/variable_scope.py, class `variable_scope`).
 * @param nameOrScope - the scope's name, a {@link VariableScope} to re-enter, or null (then
 *   `defaultName` is required)
 * @param fn - the body; its result is returned
 * @returns what `fn` returns
 * @throws TypeError when `nameOrScope` is null and `defaultName` is missing
 * @throws {@link ValueError} when `reuse` is not true/false/null/AUTO_REUSE, or is true without a name
 * @example
 * ```ts
 * const relu = (X: tf.Tensor) =>
 *   tf.variableScope("relu", { reuse: tf.AUTO_REUSE }, () => {
 *     const threshold = tf.getVariable("threshold", [], { initializer: tf.constantInitializer(0.0) });
 *     return tf.maximum(X, threshold, { name: "max" });
 *   });
 * ```
 */
export function variableScope<T>(nameOrScope: string | VariableScope | null, fn: ScopeFn<T>): T;
/**
 * `tf.variable_scope(nameOrScope, options)`.
 * @param nameOrScope - the scope's name, a {@link VariableScope} to re-enter, or null
 * @param options - see {@link VariableScopeOptions}
 * @param fn - the body; its result is returned
 */
export function variableScope<T>(nameOrScope: string | VariableScope | null, options: VariableScopeOptions, fn: ScopeFn<T>): T;
export function variableScope<T>(
  nameOrScope: string | VariableScope | null,
  optionsOrFn: VariableScopeOptions | ScopeFn<T>,
  maybeFn?: ScopeFn<T>,
): T {
  const options = typeof optionsOrFn === "function" ? {} : optionsOrFn;
  const fn = (typeof optionsOrFn === "function" ? optionsOrFn : maybeFn) as ScopeFn<T>;
  const { reuse } = options;
  if (reuse !== undefined && reuse !== null && reuse !== true && reuse !== false && reuse !== AUTO_REUSE) {
    throw new ValueError("The reuse parameter must be True or False or None.");
  }
  const reuseArg: Reuse = reuse === true || reuse === AUTO_REUSE ? reuse : null;
  if (nameOrScope === null && options.defaultName === undefined) {
    throw new TypeError("If default_name is None then name_or_scope is required");
  }
  const graph = getDefaultGraph();
  const state = stateOf(graph);
  const parent = state.current;

  if (nameOrScope === null) {
    if (reuseArg === true) throw new ValueError("reuse=True cannot be used without a name_or_scope");
    const prefix = options.defaultName as string;
    const base = parent.name ? `${parent.name}/${prefix}` : prefix;
    let unique = prefix;
    if ((state.openCounts.get(base) ?? 0) > 0) {
      let i = 1;
      while ((state.openCounts.get(`${base}_${i}`) ?? 0) > 0) i++;
      unique = `${prefix}_${i}`;
    }
    return enterStringScope(graph, state, unique, prefix, reuseArg, options, fn);
  }
  if (typeof nameOrScope === "string") {
    return enterStringScope(graph, state, nameOrScope, nameOrScope, reuseArg, options, fn);
  }
  // Re-entering a captured scope object: jump to its name; on exit the counts go back to what
  // they were just after entering (TF saves them after opening the scope).
  state.openCounts.set(nameOrScope.name, (state.openCounts.get(nameOrScope.name) ?? 0) + 1);
  const savedCounts = new Map(state.openCounts);
  const last = nameOrScope.name.split("/").pop() as string;
  const run = (nameScope: string) => {
    const scope = new VariableScope(
      nameOrScope.name,
      reuseArg ?? nameOrScope.reuse,
      nameOrScope.originalNameScope || nameScope,
      options.initializer ?? nameOrScope.initializer,
      options.dtype ?? nameOrScope.dtype,
    );
    return withScope(state, scope, fn);
  };
  try {
    return last ? withGraphNameScope(graph, last, run) : run("");
  } finally {
    state.openCounts.clear();
    for (const [k, v] of savedCounts) state.openCounts.set(k, v);
  }
}

function enterStringScope<T>(
  graph: GraphImpl,
  state: VariableScopeState,
  varName: string,
  nameScopeName: string,
  reuseArg: Reuse,
  options: VariableScopeOptions,
  fn: ScopeFn<T>,
): T {
  const parent = state.current;
  const fullName = parent.name ? `${parent.name}/${varName}` : varName;
  state.openCounts.set(fullName, (state.openCounts.get(fullName) ?? 0) + 1);
  const run = (nameScope: string) => {
    const reuse: Reuse = reuseArg === AUTO_REUSE || parent.reuse === AUTO_REUSE ? (reuseArg ?? parent.reuse) : reuseArg ?? parent.reuse;
    const scope = new VariableScope(
      fullName,
      reuse,
      nameScope,
      options.initializer ?? parent.initializer,
      options.dtype ?? parent.dtype,
    );
    return withScope(state, scope, fn);
  };
  try {
    return nameScopeName ? withGraphNameScope(graph, nameScopeName, run) : run(graph.nameStack ? `${graph.nameStack}/` : "");
  } finally {
    // Leaving a scope restarts default-named sub-scopes from their bare names.
    for (const key of [...state.openCounts.keys()]) if (key.startsWith(`${fullName}/`)) state.openCounts.set(key, 0);
  }
}

function withScope<T>(state: VariableScopeState, scope: VariableScope, fn: ScopeFn<T>): T {
  const saved = state.current;
  state.current = scope;
  try {
    return fn(scope);
  } finally {
    state.current = saved;
  }
}

/** Options of {@link getVariable}. */
export interface GetVariableOptions {
  /** The shape of a new variable (must be fully known unless the initializer is a value). */
  shape?: readonly (number | null)[];
  /** The dtype (default: the scope's, else float32). */
  dtype?: DType;
  /** An initializer function, or a tensor/value (then no `shape`). */
  initializer?: Initializer | unknown;
  /** Add a new variable to the trainable variables (default true). */
  trainable?: boolean;
  /** Collections for a new variable (default: global, plus trainable). */
  collections?: string[];
}

/**
 * Gets the variable `name` of the current variable scope, creating it when the scope's `reuse` allows:
 * a new name is created (Glorot uniform initializer for floats, zeros otherwise, unless one is given),
 * an existing one is returned only under `reuse: true` or `tf.AUTO_REUSE`.
 * Mirrors TF 1.x `tf.get_variable` (tensorflow/python/ops/variable_scope.py, `get_variable`).
 * @param name - the name inside the current variable scope
 * @param options - see {@link GetVariableOptions}
 * @returns the new or shared variable
 * @throws {@link ValueError} when the variable exists and the scope doesn't reuse, doesn't exist under
 *   `reuse: true`, is shared with another shape or dtype, or a new one's shape isn't fully known
 * @example
 * ```ts
 * const W = tf.getVariable("W", [3, 1], { initializer: tf.zerosInitializer() });
 * ```
 */
export function getVariable(name: string, options?: GetVariableOptions): Variable;
/**
 * `tf.get_variable(name, shape)`.
 * @param name - the name inside the current variable scope
 * @param shape - the shape of a new variable
 * @param options - see {@link GetVariableOptions}
 */
export function getVariable(name: string, shape: readonly (number | null)[] | null | undefined, options?: GetVariableOptions): Variable;
/**
 * `tf.get_variable(name, shape, dtype)`.
 * @param name - the name inside the current variable scope
 * @param shape - the shape of a new variable
 * @param dtype - the dtype (the scope's, else float32, when null/undefined)
 * @param options - see {@link GetVariableOptions}
 */
export function getVariable(
  name: string,
  shape: readonly (number | null)[] | null | undefined,
  dtype: DType | null | undefined,
  options?: GetVariableOptions,
): Variable;
/**
 * `tf.get_variable(name, shape, dtype, initializer)`.
 * @param name - the name inside the current variable scope
 * @param shape - the shape of a new variable
 * @param dtype - the dtype (the scope's, else float32, when null/undefined)
 * @param initializer - an initializer function, or a value (then no shape)
 * @param options - see {@link GetVariableOptions}
 */
export function getVariable(
  name: string,
  shape: readonly (number | null)[] | null | undefined,
  dtype: DType | null | undefined,
  initializer: Initializer | unknown,
  options?: GetVariableOptions,
): Variable;
export function getVariable(name: string, ...rest: unknown[]): Variable {
  const parsed = optionalArgs<GetVariableOptions>({ fn: "tf.getVariable", names: ["shape", "dtype", "initializer"] }, rest);
  const [shapeArg, dtypeArg, initializerArg] = parsed.values as [GetVariableOptions["shape"], DType | undefined, unknown];
  const options: GetVariableOptions = {
    ...parsed.options,
    shape: shapeArg ?? parsed.options.shape,
    dtype: dtypeArg ?? parsed.options.dtype,
    initializer: initializerArg ?? parsed.options.initializer,
  };
  const graph = getDefaultGraph();
  const scope = stateOf(graph).current;
  const fullName = scope.name ? `${scope.name}/${name}` : name;
  checkInitializerDtype(options.initializer, options.dtype);
  const existing = variableStoreOf(graph).get(fullName);
  if (existing) {
    if (scope.reuse === null) {
      throw new ValueError(
        `Variable ${fullName} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:\n\n${existing.definedAt}`,
      );
    }
    const shape = toStaticShape(options.shape);
    if (shape && existing.shape && (shape.length !== existing.shape.length || shape.some((d, i) => d !== null && d !== (existing.shape as (number | null)[])[i]))) {
      throw new ValueError(
        `Trying to share variable ${fullName}, but specified shape ${shapeToPython(shape)} and found shape ${shapeToPython(existing.shape)}.`,
      );
    }
    // The requested dtype defaults to the scope's (float32), and a ref variable reports `float32_ref`.
    const wanted = options.dtype ?? scope.dtype ?? float32;
    if (wanted !== existing.dtype) {
      throw new ValueError(
        `Trying to share variable ${fullName}, but specified dtype ${wanted.name} and found dtype ${existing.dtype.refName}.`,
      );
    }
    return existing;
  }
  if (scope.reuse === true) {
    throw new ValueError(
      `Variable ${fullName} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`,
    );
  }
  const dtype = options.dtype ?? scope.dtype ?? float32;
  const init = options.initializer ?? scope.initializer;
  const fromValue = init !== undefined && typeof init !== "function";
  if (fromValue && options.shape) throw new ValueError("If initializer is a constant, do not specify shape.");
  const requested = toStaticShape(options.shape);
  if (!fromValue && !isFullyDefined(requested)) {
    throw new ValueError(`Shape of a new variable (${fullName}) must be fully defined, but instead was ${shapeToPython(requested)}.`);
  }
  let initialValue: unknown;
  if (fromValue) {
    initialValue = init;
  } else {
    const shape = requested as number[];
    const initializer = (init as Initializer | undefined) ?? (dtype.isFloating ? glorotUniformInitializer() : zerosInitializer());
    initialValue = () => initializer(shape, dtype);
  }
  // get_variable ignores the current name scope: the variable is named by its variable scope.
  const v = withGraphNameScope(graph, null, () =>
    new Variable(initialValue, {
      name: fullName,
      dtype: typeof init === "function" || init === undefined ? undefined : options.dtype,
      trainable: options.trainable,
      collections: options.collections,
    }),
  );
  variableStoreOf(graph).set(fullName, v);
  return v;
}

/** A constant initializer and an explicit dtype must agree, checked before any default applies (as TF does). */
function checkInitializerDtype(initializer: unknown, dtype: DType | undefined): void {
  if (dtype === undefined || initializer === undefined || initializer === null || typeof initializer === "function") return;
  // Plain JS numbers carry no int/float distinction, so only tensors and NDArrays are checked.
  const initDtype = isTensorLike(initializer)
    ? convertToTensor(initializer).dtype
    : initializer instanceof NDArray
      ? initializer.dtype
      : dtype;
  if (initDtype !== dtype) {
    throw new ValueError(`Initializer type '${initDtype}' and explicit dtype '${dtype}' don't match.`);
  }
}

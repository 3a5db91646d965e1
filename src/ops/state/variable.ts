import type { DType } from "../../base/dtypes";
import { GraphKeys, getDefaultGraph } from "../../graph/graph";
import { withGraphNameScope } from "../../graph/nameScope";
import type { Operation } from "../../graph/operation";
import { StaticShape, shapeToPython } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { ValueError } from "../../base/errors";
import type { FeedDict, SessionLike } from "../../graph/defaultSession";
import type { ArrayLike } from "../../base/ndarray/ndarray";
import { optionalArgs } from "../../base/optionalArgs";
import { runWithDefaultSession } from "../../graph/defaultSession";
import { convertToTensor, variableReadHook } from "../array/constant";
import { attr } from "../attrs";
import { identity, withDependencies } from "../control/controlFlow";
import { AssignOptions, assignAddRef, assignRef, assignSubRef, variableOp } from "./variableOps";

/** Options of `tf.Variable(initialValue, options)`. */
export interface VariableOptions {
  /** The variable's name scope (default "Variable", made unique). */
  name?: string;
  /** Convert the initial value to this dtype (a tensor of another dtype is an error). */
  dtype?: DType;
  /** Add it to the trainable variables, which optimizers update (default true). */
  trainable?: boolean;
  /** Collections to add the variable to (default: global variables, plus trainable ones). */
  collections?: string[];
  /** Require a fully known initial shape (default true); false gives the variable an unknown shape. */
  validateShape?: boolean;
}

/**
 * A TF 1.x ref variable: state that lives in a session and keeps its value between runs. The object
 * *is* the variable op's output tensor (`x:0`, dtype `float32_ref`); ops that read it use its snapshot
 * `x/read`, as TF does. Create one with `tf.Variable(initialValue, options)` (no `new`) or
 * {@link getVariable}; it holds no value until its initializer runs.
 * Mirrors TF 1.x `tf.Variable` (tensorflow/python/ops/variables.py, class `RefVariable`).
 * @example
 * ```ts
 * const theta = tf.Variable(tf.randomUniform([3, 1], -1, 1), { name: "theta" });
 * const step = theta.assign(theta.sub(0.1));
 * ```
 */
export class Variable extends Tensor {
  /** The `Assign` op that sets the initial value (`x/Assign`); run by {@link globalVariablesInitializer}. */
  readonly initializer: Operation;
  /** The tensor the initializer assigns (`x/initial_value`). */
  readonly initialValue: Tensor;
  /** The `<name>/read` Identity that ops consume. */
  readonly snapshot: Tensor;
  /** Whether it is in the trainable variables collection. */
  readonly trainable: boolean;
  /** Where user code created it (shown when `getVariable` refuses to recreate it). */
  readonly definedAt: string;

  /**
   * Use `tf.Variable(...)` (no `new`), as in Python.
   * @param initialValue - the initial value: a tensor, a JS value, or a function returning one (built in an
   *   `Initializer` scope)
   * @param options - see {@link VariableOptions}
   * @throws {@link ValueError} when a tensor's dtype differs from `options.dtype`
   */
  constructor(initialValue: unknown, options: VariableOptions = {}) {
    const graph = getDefaultGraph();
    const fromFn = typeof initialValue === "function";
    let parts!: { op: Operation; init: Tensor; scope: string };
    // TF builds the whole variable (op, initializer, snapshot) in `init_scope`: outside any
    // enclosing control dependencies.
    graph.initScope(() =>
      withGraphNameScope(graph, options.name ?? "Variable", (scope) => {
        const fullName = scope.slice(0, -1);
        const init = fromFn
          ? withGraphNameScope(graph, "Initializer", () =>
              convertToTensor((initialValue as () => unknown)(), { name: "initial_value", dtype: options.dtype }),
            )
          : convertToTensor(initialValue, { name: "initial_value", dtype: options.dtype });
        const shape: StaticShape = options.validateShape === false ? null : init.shape;
        const op = variableOp(shape, init.dtype, fullName);
        parts = { op, init, scope };
      }),
    );
    const out = parts.op.outputs[0];
    super(parts.op, 0, out.dtype, out.shape, true);
    parts.op.outputs[0] = this; // one object for `x:0`
    this.initialValue = parts.init;
    this.trainable = options.trainable ?? true;
    this.definedAt = userFrames(new Error().stack ?? "");
    const { initializer, snapshot } = graph.initScope(() =>
      withGraphNameScope(graph, parts.scope, () => {
        const assign = assignRef(this, parts.init, { validateShape: options.validateShape ?? true });
        const read = identity(this, { name: "read" });
        read.op.attrs._class = attr.strs([`loc:@${parts.op.name}`]);
        return { initializer: assign.op, snapshot: read };
      }),
    );
    this.initializer = initializer;
    this.snapshot = snapshot;
    const collections = options.collections ?? [
      GraphKeys.GLOBAL_VARIABLES,
      ...(this.trainable ? [GraphKeys.TRAINABLE_VARIABLES] : []),
    ];
    for (const key of new Set(collections)) graph.addToCollection(key, this);
  }

  /**
   * Wrap the ops of a variable that already exist in the graph (after `importMetaGraph`), the way
   * TF rebuilds a Variable from its VariableDef. The Variable object replaces `x:0` everywhere.
   * @param varOp - the `VariableV2` op
   * @param initializer - its `Assign` op
   * @param snapshot - its `read` Identity output
   * @param initialValue - the initial-value tensor
   * @param trainable - whether it is trainable
   * @returns the variable
   */
  static fromGraph(varOp: Operation, initializer: Operation, snapshot: Tensor, initialValue: Tensor, trainable: boolean): Variable {
    const v = Object.create(Variable.prototype) as Variable;
    const old = varOp.outputs[0];
    Object.assign(v, {
      op: varOp,
      valueIndex: 0,
      dtype: old.dtype,
      // Tensor keeps its static shape in a private field behind the `shape` getter.
      staticShape: old.shape,
      isRef: true,
      initializer,
      snapshot,
      initialValue,
      trainable,
      definedAt: "(imported from a meta graph)",
    });
    varOp.outputs[0] = v;
    for (const op of varOp.graph.operations) {
      op.inputs.forEach((t, i) => {
        if (t === old) op.inputs[i] = v;
      });
    }
    return v;
  }

  private refTensor?: Tensor;

  /**
   * TF's `_as_graph_element`: the variable's output as a plain tensor (`theta:0` of dtype
   * `float32_ref`), which `getTensorByName` returns. It stands for this variable in ops and runs.
   */
  override asGraphElement(): Tensor {
    return (this.refTensor ??= new Tensor(this.op, 0, this.dtype, this.shape, true));
  }

  /**
   * The snapshot tensor (`x/read`) that ops read. Mirrors `Variable.value()`.
   * @returns the snapshot
   */
  value(): Tensor {
    return this.snapshot;
  }
  /**
   * `var.initialized_value()`: the value after running the initializer (for initialising other
   * variables from this one). Built in the init scope, gated on this variable's initializer.
   * @returns an Identity of the variable that runs the initializer first
   * @example
   * ```ts
   * const w = tf.Variable(tf.randomNormal([2]));
   * const w2 = tf.Variable(w.initializedValue().mul(2));
   * ```
   */
  initializedValue(): Tensor {
    return this.graph.initScope(() => withDependencies([this.initializer], this.asGraphElement(), { name: "Identity" }));
  }
  /**
   * A new read of the current value (an Identity of the snapshot, named "read"). Mirrors `Variable.read_value()`.
   * @returns the read
   */
  readValue(): Tensor {
    return identity(this.snapshot, { name: "read" });
  }
  /**
   * An op that sets the variable to `value` when run; see {@link assign}. Mirrors `Variable.assign`.
   * @param value - the new value (converted to the variable's dtype)
   * @param options - see {@link AssignOptions}
   * @returns the variable's ref after the assignment
   */
  assign(value: unknown, options: AssignOptions = {}): Tensor {
    return assignRef(this, value, options);
  }
  /**
   * An op that adds `value` to the variable when run; see {@link assignAdd}. Mirrors `Variable.assign_add`.
   * @param value - the increment
   * @param options - see {@link AssignOptions}
   * @returns the variable's ref after the update
   */
  assignAdd(value: unknown, options: AssignOptions = {}): Tensor {
    return assignAddRef(this, value, options);
  }
  /**
   * An op that subtracts `value` from the variable when run; see {@link assignSub}. Mirrors `Variable.assign_sub`.
   * @param value - the decrement
   * @param options - see {@link AssignOptions}
   * @returns the variable's ref after the update
   */
  assignSub(value: unknown, options: AssignOptions = {}): Tensor {
    return assignSubRef(this, value, options);
  }
  /**
   * `var.load(value, session=None)`: sets the value now, by running the initializer with `value` fed
   * for its input (no new ops).
   * @param value - the new value
   * @param options.session - the session (default: the default session)
   * @throws {@link ValueError} when there is no default session and none is given, or the session runs another graph
   * @example
   * ```ts
   * const v = tf.Variable(0.0);
   * const sess = tf.Session();
   * v.load(3, { session: sess });
   * ```
   */
  load(value: ArrayLike, options?: { session?: SessionLike | null }): void;
  /**
   * `var.load(value, session)`.
   * @param value - the new value
   * @param session - the session (the default session when null/undefined)
   */
  load(value: ArrayLike, session: SessionLike | null | undefined): void;
  load(value: ArrayLike, ...rest: unknown[]): void {
    const parsed = optionalArgs<{ session?: SessionLike | null }>({ fn: "Variable.load", names: ["session"] }, rest);
    const session = (parsed.values[0] as SessionLike | undefined) ?? parsed.options.session ?? undefined;
    const feed: FeedDict = new Map([[this.initialValue, value]]);
    runWithDefaultSession("run", this.initializer, feed, session);
  }

  override toString(): string {
    return `<tf.Variable '${this.name}' shape=${shapeToPython(this.shape)} dtype=${this.dtype.refName}>`;
  }
  override repr(): string {
    return this.toString();
  }
}

/** Up to three stack frames outside the engine, like TF's "Originally defined at". */
function userFrames(stack: string): string {
  const frames = stack.split("\n").slice(1).filter((l) => !/[\\/]src[\\/](ops|graph|runtime|train)[\\/]/.test(l));
  return frames.slice(0, 3).map((l) => l.trim()).join("\n");
}


variableReadHook.read = (v) => (v instanceof Variable ? v.snapshot : null);

/**
 * Creates a {@link Variable} (exported as `tf.Variable`, called without `new` as in Python): its
 * `VariableV2` op, the `Assign` initializer and the `read` snapshot, built outside any enclosing control
 * dependencies, and adds it to the global (and trainable) variables collections.
 * Mirrors TF 1.x `tf.Variable(initial_value, ...)` (tensorflow/python/ops/variables.py, class `RefVariable`).
 * @param initialValue - a tensor, a JS value, or a function returning one
 * @param options - `name`, `dtype`, `trainable`, `collections`, `validateShape` (see {@link VariableOptions})
 * @returns the variable
 * @throws {@link ValueError} when `initialValue` is undefined, or a tensor's dtype differs from `options.dtype`
 * @example
 * ```ts
 * const x = tf.Variable(3, { name: "x" });
 * const f = x.mul(x).add(2);
 * ```
 */
export function createVariable(initialValue: unknown, options: VariableOptions = {}): Variable {
  if (initialValue === undefined) throw new ValueError("initial_value must be specified.");
  return new Variable(initialValue, options);
}

/**
 * The default graph's global variables (the `GraphKeys.GLOBAL_VARIABLES` collection), in creation order.
 * Mirrors TF 1.x `tf.global_variables` (tensorflow/python/ops/variables.py, `global_variables`).
 * @returns a copy of the list
 * @example
 * ```ts
 * const names = tf.globalVariables().map((v) => v.name);
 * ```
 */
export function globalVariables(): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.GLOBAL_VARIABLES);
}
/**
 * The default graph's trainable variables (`GraphKeys.TRAINABLE_VARIABLES`): what optimizers update by default.
 * Mirrors TF 1.x `tf.trainable_variables` (tensorflow/python/ops/variables.py, `trainable_variables`).
 * @returns a copy of the list
 * @example
 * ```ts
 * const count = tf.trainableVariables().length;
 * ```
 */
export function trainableVariables(): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.TRAINABLE_VARIABLES);
}
/**
 * The default graph's local variables (`GraphKeys.LOCAL_VARIABLES`), which savers skip.
 * Mirrors TF 1.x `tf.local_variables` (tensorflow/python/ops/variables.py, `local_variables`).
 * @returns a copy of the list
 * @example
 * ```ts
 * const counter = tf.Variable(0, { trainable: false, collections: [tf.GraphKeys.LOCAL_VARIABLES] });
 * const locals = tf.localVariables(); // [counter]
 * ```
 */
export function localVariables(): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.LOCAL_VARIABLES);
}

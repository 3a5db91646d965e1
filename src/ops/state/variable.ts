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

export interface VariableOptions {
  name?: string;
  dtype?: DType;
  trainable?: boolean;
  /** Collections to add the variable to (default: global variables, plus trainable ones). */
  collections?: string[];
  validateShape?: boolean;
}

/**
 * A TF 1.x ref variable. The object *is* the variable op's output tensor (`x:0`, dtype
 * `float32_ref`); ops that read it use its snapshot `x/read`, as TF does.
 */
export class Variable extends Tensor {
  readonly initializer: Operation;
  readonly initialValue: Tensor;
  /** The `<name>/read` Identity that ops consume. */
  readonly snapshot: Tensor;
  readonly trainable: boolean;
  /** Where user code created it (shown when `getVariable` refuses to recreate it). */
  readonly definedAt: string;

  /** Use `tf.Variable(...)` (no `new`), as in Python. */
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

  /** The snapshot tensor (`x/read`). */
  value(): Tensor {
    return this.snapshot;
  }
  /**
   * `var.initialized_value()`: the value after running the initializer (for initialising other
   * variables from this one). Built in the init scope, gated on this variable's initializer.
   */
  initializedValue(): Tensor {
    return this.graph.initScope(() => withDependencies([this.initializer], this.asGraphElement(), { name: "Identity" }));
  }
  readValue(): Tensor {
    return identity(this.snapshot, { name: "read" });
  }
  assign(value: unknown, options: AssignOptions = {}): Tensor {
    return assignRef(this, value, options);
  }
  assignAdd(value: unknown, options: AssignOptions = {}): Tensor {
    return assignAddRef(this, value, options);
  }
  assignSub(value: unknown, options: AssignOptions = {}): Tensor {
    return assignSubRef(this, value, options);
  }
  /** `var.load(value, session=None)`: set the value by feeding the initializer's input. */
  load(value: ArrayLike, options?: { session?: SessionLike | null }): void;
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

/** `tf.Variable(initial_value, ...)`, called without `new` as in Python. */
export function createVariable(initialValue: unknown, options: VariableOptions = {}): Variable {
  if (initialValue === undefined) throw new ValueError("initial_value must be specified.");
  return new Variable(initialValue, options);
}

export function globalVariables(): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.GLOBAL_VARIABLES);
}
export function trainableVariables(): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.TRAINABLE_VARIABLES);
}
export function localVariables(): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.LOCAL_VARIABLES);
}

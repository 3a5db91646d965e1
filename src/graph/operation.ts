import type { DType } from "../base/dtypes";
import type { GraphImpl } from "./graph";
import type { AttrValueLike } from "../base/graphdef";
import type { StaticShape } from "../base/shape";
import { Tensor } from "./tensor";
import { EvalOptions, FeedDict, SessionLike, evalArgs, runWithDefaultSession } from "./defaultSession";

/** An operation's attributes by name, as in its NodeDef (`T`, `transpose_a`, `value`, ...). */
export type Attrs = Record<string, AttrValueLike>;

/** What an op's shape function says about one output. */
export interface OutputSpec {
  /** The output's element type. */
  dtype: DType;
  /** The output's static shape. */
  shape: StaticShape;
  /** Variables output a reference (`float32_ref`). */
  isRef?: boolean;
}

/**
 * A node of the graph: an op type, its inputs and attributes, and the tensors it outputs. Created only
 * through `createOp` (src/ops/createOp.ts), by the op functions.
 * Mirrors TF 1.x `tf.Operation` (tensorflow/python/framework/ops.py, class `Operation`).
 * @example
 * ```ts
 * const c = tf.add(tf.constant(1), tf.constant(2), { name: "sum" });
 * const op = c.op;            // <tf.Operation 'sum' type=Add>
 * const inputs = op.inputs.map((t) => t.name); // ["Const:0", "Const_1:0"]
 * ```
 */
export class Operation {
  /** Creation order in the graph, from 1. */
  readonly id: number;
  /** The tensors it produces, `name:0`, `name:1`, ... */
  readonly outputs: Tensor[];

  /**
   * @param graph - the graph it joins
   * @param name - its unique name
   * @param type - the op type (`"MatMul"`)
   * @param inputs - its data inputs
   * @param controlInputs - ops that must run before it
   * @param attrs - its attributes
   * @param outputSpecs - dtype and shape of each output
   */
  constructor(
    /** The graph it belongs to. */
    readonly graph: GraphImpl,
    /** Its unique name, with the name scope (`"loss/mse"`). */
    readonly name: string,
    /** The op type (`"MatMul"`), TF's `op.type`. */
    readonly type: string,
    /** Its data inputs, in order. */
    readonly inputs: Tensor[],
    /** The ops that must run before it (TF's `control_inputs`). */
    readonly controlInputs: Operation[],
    /** Its attributes, as in its NodeDef. */
    readonly attrs: Attrs,
    outputSpecs: OutputSpec[],
  ) {
    this.id = graph.nextId();
    this.outputs = outputSpecs.map((s, i) => new Tensor(this, i, s.dtype, s.shape, s.isRef ?? false));
  }

  /**
   * Python's `op.run(feed_dict=None, session=None)`: runs the op in the default (or given) session;
   * returns nothing, as TF returns None.
   * @param options - `feedDict` and `session` (see {@link EvalOptions})
   * @throws {@link ValueError} when there is no default session and none is given, or the session runs another graph
   * @example
   * ```ts
   * const init = tf.globalVariablesInitializer();
   * tf.withSession(tf.Session(), () => init.run());
   * ```
   */
  run(options?: EvalOptions): void;
  /**
   * `op.run(feed_dict)`.
   * @param feedDict - values for placeholders (or any tensor)
   * @param options - `session`
   */
  run(feedDict: FeedDict | null | undefined, options?: EvalOptions): void;
  /**
   * `op.run(feed_dict, session)`.
   * @param feedDict - values for placeholders (or any tensor)
   * @param session - the session (the default session when null/undefined)
   */
  run(feedDict: FeedDict | null | undefined, session: SessionLike | null | undefined): void;
  run(...args: unknown[]): void {
    const { feedDict, session } = evalArgs("Operation.run", args);
    runWithDefaultSession("run", this, feedDict, session);
  }

  /**
   * One attribute's value (TF's `op.get_attr(name)`, in the engine's tagged form).
   * @param name - the attribute's name
   * @returns the attribute
   * @throws Error when the op has no such attribute
   */
  attr(name: string): AttrValueLike {
    const a = this.attrs[name];
    if (!a) throw new Error(`Operation '${this.name}' has no attr named '${name}'.`);
    return a;
  }
  /**
   * An int or float attribute as a number (NaN for other kinds).
   * @param name - the attribute's name
   * @returns its value
   * @throws Error when the op has no such attribute
   */
  attrNumber(name: string): number {
    const a = this.attr(name);
    return a.kind === "i" || a.kind === "f" ? a.value : NaN;
  }
  /**
   * A bool attribute (false when missing or of another kind).
   * @param name - the attribute's name
   * @returns its value
   */
  attrBool(name: string): boolean {
    const a = this.attrs[name];
    return a?.kind === "b" ? a.value : false;
  }
  /**
   * A dtype attribute (`T`, `dtype`, ...).
   * @param name - the attribute's name
   * @returns its dtype
   * @throws Error when the op has no such attribute or it is not a type
   */
  attrType(name: string): DType {
    const a = this.attr(name);
    if (a.kind !== "type") throw new Error(`attr '${name}' of '${this.name}' is not a type`);
    return a.value;
  }

  /**
   * The ops reading this op's outputs.
   * @returns the consuming operations, in creation order
   */
  consumers(): Operation[] {
    return this.graph.operations.filter((o) => o.inputs.some((t) => t.op === this));
  }

  /** Its inputs as a NodeDef lists them: `name` or `name:k`, then `^name` for control inputs. */
  get nodeDefInputs(): string[] {
    return [...this.inputs.map((t) => (t.valueIndex === 0 ? t.op.name : t.name)), ...this.controlInputs.map((o) => `^${o.name}`)];
  }

  /** Python's `repr(op)`: `<tf.Operation 'sum' type=Add>`. */
  toString(): string {
    return `<tf.Operation '${this.name}' type=${this.type}>`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

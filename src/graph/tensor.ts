import type { DType } from "../base/dtypes";
import type { Operation } from "./operation";
import { StaticShape, TensorShape, mergeShapes, shapeToDebug, shapeToPython, toStaticShape } from "../base/shape";
import { ValueError } from "../base/errors";
import { EvalOptions, FeedDict, SessionLike, evalArgs, runWithDefaultSession } from "./defaultSession";
import type { NDArray } from "../base/ndarray/ndarray";

/**
 * A symbolic output of an operation: no value until a session runs it.
 * Arithmetic methods (`add`, `mul`, `matmul`, ...) are attached in src/ops/methods.ts.
 * Ops create tensors; user code never calls the constructor.
 * Mirrors TF 1.x `tf.Tensor` (tensorflow/python/framework/ops.py, class `Tensor`).
 * @example
 * ```ts
 * const x = tf.constant(3, { name: "x" });
 * const f = x.mul(x).add(2);
 * const name = f.name;            // "add:0"
 * const value = tf.withSession(tf.Session(), () => f.eval()); // NDArray 11
 * ```
 */
export class Tensor {
  private staticShape: StaticShape;

  /**
   * @param op - the operation that produces it
   * @param valueIndex - which output of `op` it is
   * @param dtype - its element type
   * @param shape - its static shape
   * @param isRef - whether it is a variable's reference output
   */
  constructor(
    /** The operation that produces this tensor. */
    readonly op: Operation,
    /** Which output of `op` this is (the `k` in `name:k`). */
    readonly valueIndex: number,
    /** The element type. */
    readonly dtype: DType,
    /** Static shape, possibly with unknown dims (null). */
    shape: StaticShape,
    /** True for a variable's own output (`x:0` of dtype `float32_ref`). */
    readonly isRef = false,
  ) {
    this.staticShape = shape;
  }

  /** Static shape, possibly with unknown dims (null); narrowed only through `setShape`. */
  get shape(): StaticShape {
    return this.staticShape;
  }

  /**
   * Python's `t.set_shape(shape)`: merge what the caller knows into the static shape
   * (TF's wrappers use it where shape inference cannot see through, e.g. `transpose`).
   * @param shape - the known dims (`null` for unknown), or null for nothing new
   * @throws {@link ValueError} when the rank or a known dimension disagrees
   * @example
   * ```ts
   * const X = tf.placeholder(tf.float32);
   * X.setShape([null, 3]); // now (?, 3)
   * ```
   */
  setShape(shape: readonly (number | null)[] | null): void {
    const other = toStaticShape(shape);
    const mine = this.staticShape;
    if (mine !== null && other !== null) {
      const pair = `Shapes are ${shapeToDebug(mine)} and ${shapeToDebug(other)}.`;
      if (mine.length !== other.length) {
        throw new ValueError(`Shapes must be equal rank, but are ${mine.length} and ${other.length}`);
      }
      mine.forEach((d, i) => {
        const o = other[i];
        if (d !== null && o !== null && d !== o) {
          throw new ValueError(`Dimension ${i} in both shapes must be equal, but are ${d} and ${o}. ${pair}`);
        }
      });
    }
    this.staticShape = mergeShapes(mine, other);
  }

  /** `"<op name>:<output index>"`, e.g. `"MatMul:0"`. */
  get name(): string {
    return `${this.op.name}:${this.valueIndex}`;
  }
  /** The graph the tensor belongs to. */
  get graph() {
    return this.op.graph;
  }
  /**
   * Python's `get_shape()`: the static shape as a TensorShape (prints `(?, 3)`, indexable).
   * @returns a new TensorShape
   */
  getShape(): TensorShape {
    return TensorShape.fromStatic(this.shape);
  }


  /**
   * Python's `t.eval(feed_dict=None, session=None)`: the value, computed in the default (or given) session.
   * @param options - `feedDict` and `session` (see {@link EvalOptions})
   * @returns the value
   * @throws {@link ValueError} when there is no default session and none is given, or the session runs another graph
   * @example
   * ```ts
   * const sess = tf.Session();
   * const v = tf.constant([1, 2]).eval({ session: sess });
   * ```
   */
  eval(options?: EvalOptions): NDArray;
  /**
   * `t.eval(feed_dict)`.
   * @param feedDict - values for placeholders (or any tensor)
   * @param options - `session`
   */
  eval(feedDict: FeedDict | null | undefined, options?: EvalOptions): NDArray;
  /**
   * `t.eval(feed_dict, session)`.
   * @param feedDict - values for placeholders (or any tensor)
   * @param session - the session (the default session when null/undefined)
   */
  eval(feedDict: FeedDict | null | undefined, session: SessionLike | null | undefined): NDArray;
  eval(...args: unknown[]): NDArray {
    const { feedDict, session } = evalArgs("Tensor.eval", args);
    return runWithDefaultSession("eval", this, feedDict, session);
  }

  /**
   * What a graph lookup by name returns for this output (TF's `_as_graph_element`): the tensor
   * itself; a Variable answers with its plain `float32_ref` tensor.
   * @returns the graph element
   */
  asGraphElement(): Tensor {
    return this;
  }

  /**
   * The ops that read this tensor (TF's `Tensor.consumers()`).
   * @returns the consuming operations, in creation order
   */
  consumers(): Operation[] {
    const self = canonicalTensor(this);
    return this.graph.operations.filter((o) => o.inputs.includes(self));
  }

  /** The dtype as printed: `float32`, or `float32_ref` for a variable's own output. */
  protected get dtypeLabel(): string {
    return this.isRef ? this.dtype.refName : this.dtype.name;
  }

  /** Python's `str(t)`: `Tensor("add_1:0", shape=(), dtype=float32)`. */
  toString(): string {
    const shape = this.shape === null ? "" : `, shape=${shapeToPython(this.shape)}`;
    return `Tensor("${this.name}"${shape}, dtype=${this.dtypeLabel})`;
  }
  /** Python's `repr(t)`: `<tf.Tensor 'add_1:0' shape=() dtype=float32>`. */
  repr(): string {
    return `<tf.Tensor '${this.name}' shape=${shapeToPython(this.shape)} dtype=${this.dtypeLabel}>`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * The object the graph records for this output (`op.outputs[i]`). A Variable's plain ref tensor,
 * from `getTensorByName`, stands for the same output; ops, feeds and fetches use this one.
 */
export function canonicalTensor(t: Tensor): Tensor {
  return t.op.outputs[t.valueIndex] ?? t;
}

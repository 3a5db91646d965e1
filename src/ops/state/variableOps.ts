import type { DType } from "../../base/dtypes";
import { Attrs, Operation } from "../../graph/operation";
import { StaticShape, isFullyDefined, shapeToDebug } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { FailedPreconditionError, InvalidArgumentError } from "../../base/errors";
import { NDArray } from "../../base/ndarray/ndarray";
import { UNINITIALIZED } from "../sessionState";
import { attr } from "../attrs";
import { convertToTensor } from "../array/constant";
import { createOp, createOpNamed, inOpScope } from "../createOp";
import { binaryKernel } from "../../base/kernels/elementwise";
import { registerOp } from "../registry";
import { getDefaultGraph } from "../../graph/graph";

registerOp({
  type: "VariableV2",
  outputs: (_inputs, attrs) => [
    {
      dtype: (attrs.dtype as { value: DType }).value,
      shape: (attrs.shape as { value: StaticShape }).value,
      isRef: true,
    },
  ],
  kernel: (op) => (_inputs, ctx) => [ctx.state.readVariable(op)],
  stateful: true,
  gradient: null,
});

/** The variable op behind a ref input (directly a VariableV2, or through Identity of a ref). */
export function variableOpOf(t: Tensor): Operation {
  let op = t.op;
  while (op.type !== "VariableV2" && op.inputs.length && op.inputs[0].isRef) op = op.inputs[0].op;
  if (op.type !== "VariableV2") throw new InvalidArgumentError(`'${t.name}' is not a variable reference`);
  return op;
}

function checkAssignShape(varOp: Operation, old: NDArray, rhs: NDArray): void {
  const declared = (varOp.attrs.shape as { value: StaticShape }).value;
  const lhs = old !== UNINITIALIZED ? old.shape : isFullyDefined(declared) ? declared : null;
  if (lhs && (lhs.length !== rhs.shape.length || lhs.some((d, i) => d !== rhs.shape[i]))) {
    throw new InvalidArgumentError(
      `Assign requires shapes of both tensors to match. lhs shape= ${shapeToDebug(lhs)} rhs shape= ${shapeToDebug(rhs.shape)}`,
    );
  }
}

registerOp({
  type: "Assign",
  outputs: ([ref]) => [{ dtype: ref.dtype, shape: ref.shape, isRef: true }],
  refInputs: [0],
  stateful: true,
  kernel: (op) => {
    const varOp = variableOpOf(op.inputs[0]);
    const validate = op.attrBool("validate_shape");
    return ([, value], ctx) => {
      if (validate) checkAssignShape(varOp, ctx.state.readVariable(varOp), value);
      ctx.state.variables.set(varOp, value);
      return [value];
    };
  },
  gradient: null,
});

function defineAssignUpdate(type: string, f: (a: number, b: number) => number) {
  registerOp({
    type,
    outputs: ([ref]) => [{ dtype: ref.dtype, shape: ref.shape, isRef: true }],
    refInputs: [0],
    stateful: true,
    kernel: (op) => {
      const varOp = variableOpOf(op.inputs[0]);
      const k = binaryKernel(f);
      return ([, value], ctx) => {
        const old = ctx.state.readVariable(varOp);
        if (old === UNINITIALIZED) throw new FailedPreconditionError(`Attempting to use uninitialized value ${varOp.name}`);
        const updated = k(old, value);
        ctx.state.variables.set(varOp, updated);
        return [updated];
      };
    },
    gradient: null,
  });
}
defineAssignUpdate("AssignAdd", (a, b) => a + b);
defineAssignUpdate("AssignSub", (a, b) => a - b);

/** The VariableV2 op itself, named exactly `name` (a full scope name). */
export function variableOp(shape: StaticShape, dtype: DType, fullName: string): Operation {
  return createOpNamed(getDefaultGraph(), "VariableV2", `${fullName}/`, [], {
    shape: attr.shape(shape),
    dtype: attr.type(dtype),
    container: attr.str(""),
    shared_name: attr.str(""),
  });
}

/** Options of {@link assign}, {@link assignAdd} and {@link assignSub}. */
export interface AssignOptions {
  /** `assign` only: require the value's shape to match the variable's (default true). */
  validateShape?: boolean;
  /** TF's locking flag, recorded in the op (runs here are single-threaded; default true for `assign`). */
  useLocking?: boolean;
  /** The op's name (default "Assign", "AssignAdd" or "AssignSub"). */
  name?: string;
}

function assignLike(type: string, defaultName: string, ref: Tensor, value: unknown, options: AssignOptions): Tensor {
  return inOpScope(options.name ?? defaultName, [ref], (opName, graph) => {
    const v = convertToTensor(value, { name: "value", dtype: ref.dtype });
    const attrs: Attrs =
      type === "Assign"
        ? { T: attr.type(ref.dtype), use_locking: attr.bool(options.useLocking ?? true), validate_shape: attr.bool(options.validateShape ?? true) }
        : { T: attr.type(ref.dtype), use_locking: attr.bool(options.useLocking ?? false) };
    return createOp(graph, type, opName, [ref, v], { ...attrs, _class: attr.strs([`loc:@${variableOpOf(ref).name}`]) }).outputs[0];
  });
}

/**
 * An op that sets variable `ref` to `value` when run (Python's `tf.assign(ref, value)`); exported as `tf.assign`.
 * Mirrors TF 1.x `tf.assign` (tensorflow/python/ops/state_ops.py, `assign`).
 * @param ref - the variable
 * @param value - the new value (converted to the variable's dtype)
 * @param o - see {@link AssignOptions}
 * @returns the variable's ref after the assignment
 * @throws {@link ValueError} when `value` is a tensor of another dtype
 * @example
 * ```ts
 * const theta = tf.Variable(tf.zeros([2, 1]));
 * const reset = tf.assign(theta, tf.ones([2, 1]));
 * ```
 */
export const assignRef = (ref: Tensor, value: unknown, o: AssignOptions = {}) => assignLike("Assign", "Assign", ref, value, o);
/**
 * An op that adds `value` to variable `ref` when run; exported as `tf.assignAdd`.
 * Mirrors TF 1.x `tf.assign_add` (tensorflow/python/ops/state_ops.py, `assign_add`).
 * @param ref - the variable
 * @param value - the increment
 * @param o - see {@link AssignOptions}
 * @returns the variable's ref after the update
 * @throws {@link FailedPreconditionError} from `sess.run` when the variable is not initialized
 * @example
 * ```ts
 * const counter = tf.Variable(0);
 * const tick = tf.assignAdd(counter, 1);
 * ```
 */
export const assignAddRef = (ref: Tensor, value: unknown, o: AssignOptions = {}) => assignLike("AssignAdd", "AssignAdd", ref, value, o);
/**
 * An op that subtracts `value` from variable `ref` when run; exported as `tf.assignSub`.
 * Mirrors TF 1.x `tf.assign_sub` (tensorflow/python/ops/state_ops.py, `assign_sub`).
 * @param ref - the variable
 * @param value - the decrement
 * @param o - see {@link AssignOptions}
 * @returns the variable's ref after the update
 * @throws {@link FailedPreconditionError} from `sess.run` when the variable is not initialized
 * @example
 * ```ts
 * const budget = tf.Variable(10.0);
 * const spend = tf.assignSub(budget, 2.5);
 * ```
 */
export const assignSubRef = (ref: Tensor, value: unknown, o: AssignOptions = {}) => assignLike("AssignSub", "AssignSub", ref, value, o);

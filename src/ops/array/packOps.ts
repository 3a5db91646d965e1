// Pack and Unpack (`tf.stack`, `tf.unstack`): join N tensors of one shape along a new axis, and
// split one tensor along an axis into N. Each is the other's gradient, as in TF.
import { optionalArgs } from "../../base/optionalArgs";
import { allocStorage } from "../../base/dtypes";
import { StaticShape, shapeToDebug, shapeToPython } from "../../base/shape";
import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError, ValueError } from "../../base/errors";
import { NDArray, shapeSize } from "../../base/ndarray/ndarray";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { registerOp } from "../registry";
import { constant, convertToTensor, isTensorLike } from "./constant";

type Store = unknown[];

/** TF's shape-inference Merge over the inputs, with its "From merging shape i" note. */
function mergeAll(shapes: StaticShape[]): StaticShape {
  let merged: StaticShape = null;
  shapes.forEach((s, i) => {
    if (s === null) return;
    if (merged === null) {
      merged = [...s];
      return;
    }
    const m: (number | null)[] = merged;
    const note = `\n\tFrom merging shape ${i} with other shapes.`;
    if (m.length !== s.length)
      throw new ValueError(`Shapes must be equal rank, but are ${m.length} and ${s.length}${note}`);
    s.forEach((d, k) => {
      if (d !== null && m[k] !== null && d !== m[k]) {
        throw new ValueError(
          `Dimension ${k} in both shapes must be equal, but are ${m[k]} and ${d}. Shapes are ${shapeToDebug(m)} and ${shapeToDebug(s)}.${note}`,
        );
      }
      if (m[k] === null) m[k] = d;
    });
  });
  return merged;
}

/** An axis in [-rank, rank) as a non-negative index, else TF's ValueError. */
function checkAxis(axis: number, rank: number): number {
  if (axis < -rank || axis >= rank) throw new ValueError(`axis = ${axis} not in [${-rank}, ${rank})`);
  return axis < 0 ? axis + rank : axis;
}

registerOp({
  type: "Pack",
  outputs: (inputs, attrs) => {
    const shape = mergeAll(inputs.map((t) => t.shape));
    if (shape === null) return [{ dtype: inputs[0].dtype, shape: null }];
    const axis = attrs.axis.kind === "i" ? attrs.axis.value : 0;
    const rank = shape.length + 1;
    if (axis < -rank || axis >= rank)
      throw new ValueError(`Invalid axis: ${axis}; must be in [${-rank},${rank})`);
    const out = [...shape];
    out.splice(axis < 0 ? axis + rank : axis, 0, inputs.length);
    return [{ dtype: inputs[0].dtype, shape: out }];
  },
  kernel: (op) => {
    const axisAttr = op.attrNumber("axis");
    return (inputs) => {
      const first = inputs[0];
      for (const [i, x] of inputs.entries()) {
        if (x.shape.join(",") !== first.shape.join(",")) {
          throw new InvalidArgumentError(
            `Shapes of all inputs must match: values[0].shape = [${first.shape.join(",")}] != values[${i}].shape = [${x.shape.join(",")}]`,
          );
        }
      }
      const axis = axisAttr < 0 ? axisAttr + first.shape.length + 1 : axisAttr;
      const outer = shapeSize(first.shape.slice(0, axis));
      const inner = shapeSize(first.shape.slice(axis));
      const outShape = [...first.shape];
      outShape.splice(axis, 0, inputs.length);
      const out = allocStorage(first.dtype, shapeSize(outShape)) as Store;
      let pos = 0;
      for (let o = 0; o < outer; o++) {
        for (const x of inputs) {
          const src = x.data as Store;
          for (let k = 0; k < inner; k++) out[pos++] = src[o * inner + k];
        }
      }
      return [new NDArray(first.dtype, outShape, out as NDArray["data"])];
    };
  },
  gradient: (op, [g]) =>
    g ? unstack(g, { num: op.inputs.length, axis: op.attrNumber("axis") }) : op.inputs.map(() => null),
});

registerOp({
  type: "Unpack",
  outputs: ([x], attrs) => {
    const num = attrs.num.kind === "i" ? attrs.num.value : 0;
    const axisAttr = attrs.axis.kind === "i" ? attrs.axis.value : 0;
    if (x.shape === null) return new Array(num).fill({ dtype: x.dtype, shape: null });
    const rank = x.shape.length;
    if (axisAttr < -rank || axisAttr >= rank)
      throw new ValueError(`Invalid axis: ${axisAttr}; must be in [${-rank},${rank})`);
    const axis = axisAttr < 0 ? axisAttr + rank : axisAttr;
    const d = x.shape[axis];
    if (d !== null && d !== num) throw new ValueError(`Dimension must be ${num} but is ${d}`);
    const shape = x.shape.filter((_, i) => i !== axis);
    return Array.from({ length: num }, () => ({ dtype: x.dtype, shape: [...shape] }));
  },
  kernel: (op) => {
    const num = op.attrNumber("num");
    const axisAttr = op.attrNumber("axis");
    return ([x]) => {
      const axis = axisAttr < 0 ? axisAttr + x.shape.length : axisAttr;
      if (x.shape[axis] !== num) {
        throw new InvalidArgumentError(
          `Input shape axis ${axis} must equal ${num}, got shape [${x.shape.join(",")}]`,
        );
      }
      const outer = shapeSize(x.shape.slice(0, axis));
      const inner = shapeSize(x.shape.slice(axis + 1));
      const outShape = x.shape.filter((_, i) => i !== axis);
      const src = x.data as Store;
      return Array.from({ length: num }, (_, i) => {
        const out = allocStorage(x.dtype, outer * inner) as Store;
        for (let o = 0; o < outer; o++) {
          for (let k = 0; k < inner; k++) out[o * inner + k] = src[(o * num + i) * inner + k];
        }
        return new NDArray(x.dtype, [...outShape], out as NDArray["data"]);
      });
    };
  },
  gradient: (op, grads) =>
    grads.some((g) => g === null) ? [null] : [stack(grads as Tensor[], op.attrNumber("axis"))],
});

/**
 * Stacks tensors of one shape along a new dimension `axis` (a `Pack` op). With axis 0 and no tensor among
 * the values, TF converts the whole list to one constant instead, and so does this.
 * Mirrors TF 1.x `tf.stack` (tensorflow/python/ops/array_ops.py, `stack`).
 * @param values - tensors or JS values of one shape and dtype (stacked along axis 0 in this form)
 * @param options.name - the op's name (default "stack")
 * @returns a tensor of rank one more than the inputs'
 * @throws {@link ValueError} when the axis is out of range or the static shapes differ
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time shapes differ
 * @example
 * ```ts
 * const pairs = tf.stack([tf.constant([1, 2]), tf.constant([3, 4])], 1); // [[1, 3], [2, 4]]
 * ```
 */
export function stack(values: unknown[], options?: { name?: string }): Tensor;
/**
 * `tf.stack(values, axis)`: stacks along a new dimension at `axis`.
 * @param values - tensors or JS values of one shape and dtype
 * @param axis - where the new dimension goes, in [-(rank + 1), rank + 1) (0 when null/undefined)
 * @param options.name - the op's name (default "stack")
 */
export function stack(
  values: unknown[],
  axis: number | null | undefined,
  options?: { name?: string },
): Tensor;
export function stack(values: unknown[], ...rest: unknown[]): Tensor {
  const parsed = optionalArgs<{ name?: string }>({ fn: "tf.stack", names: ["axis"] }, rest);
  const axis = (parsed.values[0] as number | undefined) ?? 0;
  const name = parsed.options.name ?? "stack";
  if (axis === 0 && !values.some(isTensorLike)) {
    const nested = values.map((v) => (v instanceof NDArray ? v.toArray() : v));
    const dtype = values.find((v): v is NDArray => v instanceof NDArray)?.dtype;
    return constant(nested as never, { name, dtype });
  }
  const first = convertToTensor(values[0], { name });
  if (first.shape !== null) checkAxis(axis, first.shape.length + 1);
  return inOpScope(name, values, (opName, graph) => {
    const ts = values.map((v, i) =>
      v === values[0] ? first : convertToTensor(v, { name: `values_${i}`, dtype: first.dtype }),
    );
    return createOp(graph, "Pack", opName, ts, {
      N: attr.int(ts.length),
      T: attr.type(first.dtype),
      axis: attr.int(axis),
    }).outputs[0];
  });
}

/** Options of {@link unstack}. */
export interface UnstackOptions {
  /** How many tensors to make: the length of dimension `axis` (read from the static shape when omitted). */
  num?: number;
  /** The dimension to split along (default 0). */
  axis?: number;
  /** The op's name (default "unstack"). */
  name?: string;
}

/**
 * Splits `value` along dimension `axis` into a list of tensors of one rank less (an `Unpack` op);
 * `num` comes from the static shape when not given.
 * Mirrors TF 1.x `tf.unstack` (tensorflow/python/ops/array_ops.py, `unstack`).
 * @param value - the tensor to split
 * @param options - `num`, `axis` and `name` (see {@link UnstackOptions})
 * @returns the slices, in order
 * @throws {@link ValueError} when `num` is not given and the static shape doesn't fix it, or the axis is out of range
 * @example
 * ```ts
 * const [a, b] = tf.unstack(tf.constant([[1, 2], [3, 4]]));
 * const cols = tf.unstack(tf.constant([[1, 2], [3, 4]]), { axis: 1 });
 * ```
 */
export function unstack(value: unknown, options?: UnstackOptions): Tensor[];
/**
 * `tf.unstack(value, num)`.
 * @param value - the tensor to split
 * @param num - the length of the split dimension (from the static shape when null/undefined)
 * @param options - `axis` and `name`
 */
export function unstack(value: unknown, num: number | null | undefined, options?: UnstackOptions): Tensor[];
/**
 * `tf.unstack(value, num, axis)`.
 * @param value - the tensor to split
 * @param num - the length of the split dimension (from the static shape when null/undefined)
 * @param axis - the dimension to split along (0 when null/undefined)
 * @param options - `name`
 */
export function unstack(
  value: unknown,
  num: number | null | undefined,
  axis: number | null | undefined,
  options?: UnstackOptions,
): Tensor[];
export function unstack(value: unknown, ...rest: unknown[]): Tensor[] {
  const { values, options } = optionalArgs<UnstackOptions>(
    { fn: "tf.unstack", names: ["num", "axis"] },
    rest,
  );
  const axis = (values[1] as number | undefined) ?? options.axis ?? 0;
  const name = options.name ?? "unstack";
  const t = convertToTensor(value);
  let num = (values[0] as number | undefined) ?? options.num;
  if (num === undefined && t.shape !== null) {
    num = t.shape[checkAxis(axis, t.shape.length)] ?? undefined;
  }
  if (num === undefined) {
    throw new ValueError(`Cannot infer num from shape ${shapeToPython(t.shape)}`);
  }
  const n = num;
  return inOpScope(
    name,
    [t],
    (opName, graph) =>
      createOp(graph, "Unpack", opName, [t], {
        num: attr.int(n),
        T: attr.type(t.dtype),
        axis: attr.int(axis),
      }).outputs,
  );
}

import { withGraph } from "../graph/graph";
import { optionalArgs } from "../base/optionalArgs";
import { withGraphNameScope } from "../graph/nameScope";
import type { Operation } from "../graph/operation";
import { Tensor, canonicalTensor } from "../graph/tensor";
import { LookupError, ValueError } from "../base/errors";
import { convertToTensor } from "../ops/array/constant";
import { fill, shape, zerosLike } from "../ops/array/shapeOps";
import { constant } from "../ops/array/constant";
import { tuple } from "../ops/control/controlFlow";
import { addN } from "../ops/math/addN";
import { graphFromInputs } from "../ops/createOp";
import { getOpDef } from "../ops/registry";
// Every op and every gradient, registered before any graph is differentiated.
import "../ops/gradients";

/** Keyword arguments of `tf.gradients`. */
export interface GradientsOptions {
  /** Name scope of the gradient ops (`gradients`). */
  name?: string;
  /** Wrap each op's input gradients in `tf.tuple` (what optimizers ask for). */
  gateGradients?: boolean;
  /** Ops whose inputs get no gradient, as `stop_gradients=` in TF. */
  stopGradients?: Tensor[];
}

const asList = <T>(v: T | readonly T[]): T[] => (Array.isArray(v) ? [...(v as readonly T[])] : [v as T]);

/**
 * Reverse-mode autodiff: adds the ops computing d(sum of ys)/dx for each x to the graph, under `gradients/`
 * (`gradients/mse_grad/...`), as TF 1.x does.
 * Mirrors TF 1.x `tf.gradients(ys, xs, grad_ys=None, name="gradients", gate_gradients=False,
 * stop_gradients=None)` (tensorflow/python/ops/gradients_impl.py, `gradients`).
 * @param ysIn - The tensor(s) to differentiate.
 * @param xsIn - The tensor(s) to differentiate with respect to.
 * @param options.name - Name scope (`gradients`).
 * @param options.gateGradients - Wrap each op's input gradients in `tf.tuple`.
 * @param options.stopGradients - Tensors treated as constants.
 * @returns One entry per x: its gradient, or null where `ys` does not depend on that x.
 * @throws {@link ValueError} when `grad_ys` and `ys` differ in length.
 * @throws {@link LookupError} when an op on the path has no registered gradient.
 * @example
 * ```ts
 * const a = tf.Variable(0.2, { name: "a" });
 * const b = tf.Variable(0.3, { name: "b" });
 * const z = tf.multiply(a, tf.cos(b));
 * const [dzda, dzdb] = tf.gradients(z, [a, b]);
 * ```
 */
export function gradients(
  ysIn: Tensor | readonly Tensor[],
  xsIn: Tensor | readonly Tensor[],
  options?: GradientsOptions,
): (Tensor | null)[];
/**
 * The same, with initial gradients for the ys (TF's `grad_ys`).
 * @param ysIn - The tensor(s) to differentiate.
 * @param xsIn - The tensor(s) to differentiate with respect to.
 * @param gradYsIn - Initial gradients, one per y (ones when null).
 * @param options - As in the first form.
 * @returns One entry per x: its gradient, or null.
 * @throws {@link ValueError} when `grad_ys` and `ys` differ in length.
 */
export function gradients(
  ysIn: Tensor | readonly Tensor[],
  xsIn: Tensor | readonly Tensor[],
  gradYsIn: readonly unknown[] | Tensor | null | undefined,
  options?: GradientsOptions,
): (Tensor | null)[];
export function gradients(
  ysIn: Tensor | readonly Tensor[],
  xsIn: Tensor | readonly Tensor[],
  ...rest: unknown[]
): (Tensor | null)[] {
  const parsed = optionalArgs<GradientsOptions>({ fn: "tf.gradients", names: ["gradYs"] }, rest);
  const gradYsIn = parsed.values[0] as readonly unknown[] | Tensor | undefined;
  const options = parsed.options;
  const ys = asList(ysIn).map((y) => canonicalTensor(convertToTensor(y)));
  // A variable stands for its own output (`theta:0`), which its `theta/read` snapshot consumes;
  // its plain ref tensor from `getTensorByName` stands for the same output.
  const xs = asList(xsIn).map(canonicalTensor);
  const gradYs = gradYsIn === undefined ? ys.map(() => null) : asList<unknown>(gradYsIn);
  if (gradYs.length !== ys.length)
    throw new ValueError(`Passed ${gradYs.length} grad_ys for ${ys.length} ys`);
  const graph = graphFromInputs([...ys, ...xs]);
  const run = () =>
    withGraphNameScope(graph, options.name ?? "gradients", () => {
      graph.uniqueName("uid");
      const toOps = ys.map((y) => y.op);
      const fromOps = xs.map((x) => x.op);
      const { between, pending } = pendingCounts(toOps, fromOps);
      const stopOps = stopOpsOf(fromOps, between, pending, options.stopGradients ?? []);

      // Gradient lists per tensor, summed with AddN when an op is processed.
      const grads = new Map<Tensor, Tensor[]>();
      const addGrad = (t: Tensor, g: Tensor) => {
        const list = grads.get(t);
        if (list) list.push(g);
        else grads.set(t, [g]);
      };
      ys.forEach((y, i) => {
        const given = gradYs[i];
        const g =
          given === null || given === undefined
            ? fill(shape(y), constant(1, { dtype: y.dtype, name: `grad_ys_${i}` }))
            : convertToTensor(given, { dtype: y.dtype, name: `grad_ys_${i}` });
        addGrad(y, g);
      });

      const queue: Operation[] = [];
      const queued = new Set<Operation>();
      for (const op of toOps) {
        if ((pending.get(op) ?? 0) === 0 && !queued.has(op) && between.has(op)) {
          queued.add(op);
          queue.push(op);
        }
      }
      const aggregated = new Map<Tensor, Tensor | null>();
      while (queue.length) {
        const op = queue.shift() as Operation;
        const outGrads = op.outputs.map((t) => {
          const list = grads.get(t);
          const g = !list || list.length === 0 ? null : list.length === 1 ? list[0] : addN(list);
          aggregated.set(t, g);
          return g;
        });
        const hasOutGrads = outGrads.some((g) => g !== null);
        let inGrads: (Tensor | null)[] = op.inputs.map(() => null);
        if (hasOutGrads && !stopOps.has(op)) {
          const def = getOpDef(op.type);
          if (def.gradient === undefined) {
            throw new LookupError(`No gradient defined for operation '${op.name}' (op type: ${op.type})`);
          }
          if (def.gradient !== null) {
            const gradFn = def.gradient;
            inGrads = withGraphNameScope(graph, `${op.name}_grad`, () => {
              // Outputs nothing flowed into get zeros, so multi-output gradients see full lists.
              const filled = outGrads.map(
                (g, i) => g ?? (op.outputs[i].dtype.isFloating ? zerosLike(op.outputs[i]) : null),
              );
              let result = gradFn(op, filled);
              if (options.gateGradients && result.filter((g) => g !== null).length > 1)
                result = tuple(result);
              return result;
            });
          }
        }
        op.inputs.forEach((input, i) => {
          const g = inGrads[i];
          if (g && input.dtype.isFloating) addGrad(input, g);
          const producer = input.op;
          const left = (pending.get(producer) ?? 0) - 1;
          pending.set(producer, left);
          if (left === 0 && between.has(producer) && !queued.has(producer)) {
            queued.add(producer);
            queue.push(producer);
          }
        });
      }
      return xs.map((x) => {
        if (aggregated.has(x)) return aggregated.get(x) ?? null;
        const list = grads.get(x);
        return !list || list.length === 0 ? null : list.length === 1 ? list[0] : addN(list);
      });
    });
  return withGraph(graph, run);
}

/** Ops on a path from xs to ys, and how many between-op consumers each op's outputs have. */
function pendingCounts(toOps: Operation[], fromOps: Operation[]) {
  const reached = new Set<Operation>();
  const stack = [...fromOps];
  while (stack.length) {
    const op = stack.pop() as Operation;
    if (reached.has(op)) continue;
    reached.add(op);
    for (const out of op.outputs) for (const c of out.consumers()) stack.push(c);
  }
  const between = new Set<Operation>();
  const queue = [...toOps];
  while (queue.length) {
    const op = queue.shift() as Operation;
    if (!reached.has(op)) continue;
    reached.delete(op);
    between.add(op);
    for (const t of op.inputs) queue.push(t.op);
  }
  const pending = new Map<Operation, number>();
  for (const op of between) {
    for (const t of op.inputs) if (between.has(t.op)) pending.set(t.op, (pending.get(t.op) ?? 0) + 1);
  }
  return { between, pending };
}

/** xs ops with no between-op inputs (where backprop stops), plus explicit stop-gradient tensors' ops. */
function stopOpsOf(
  fromOps: Operation[],
  between: Set<Operation>,
  pending: Map<Operation, number>,
  stops: Tensor[],
) {
  const stopOps = new Set<Operation>();
  for (const op of fromOps) {
    if (!op.inputs.some((t) => between.has(t.op) && (pending.get(t.op) ?? 0) > 0)) stopOps.add(op);
  }
  for (const t of stops) stopOps.add(t.op);
  return stopOps;
}

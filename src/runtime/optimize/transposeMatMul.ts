/**
 * Transposes folded into MatMul: `matmul(transpose(A), B)` reads A with swapped strides instead of
 * copying it first (the book's hand-written gradient `matmul(transpose(X), error)` copies the
 * 20640 × 9 X on every step otherwise). Each output is the same float64 sum over the same products
 * in the same order, so the result is bit-identical.
 *
 * Applies to 2-D transposes with a constant perm [1, 0] (after folding, `tf.transpose(x)`'s
 * computed perm is one) on the engine's kernels. If the shapes turn out incompatible at run
 * time, the kernel redoes the original two steps, so the error is the one MatMul raised before.
 */
import { transposeArray } from "../../base/kernels/layout";
import { matmulKernel } from "../../ops/math/matmul";
import type { Kernel } from "../../ops/registry";
import type { NDArray } from "../../base/ndarray/ndarray";
import type { PlanGraph, PlanNode, PlanValue } from "./ir";

export function foldTransposeIntoMatMul(graph: PlanGraph): void {
  for (const node of graph.nodes) {
    if (node.op.type !== "MatMul" || node.kind !== "kernel" || !node.engineKernel) continue;
    const flags = [node.op.attrBool("transpose_a"), node.op.attrBool("transpose_b")];
    const original = [...node.inputs];
    let changed = false;
    for (const side of [0, 1]) {
      const source = transposedSource(node.inputs[side]);
      if (source) {
        node.inputs[side] = source;
        flags[side] = !flags[side];
        changed = true;
      }
    }
    if (!changed) continue;
    const [ta, tb] = flags;
    const swapped = original.map((v, i) => v !== node.inputs[i]);
    node.makeKernel = (options) =>
      withOriginalErrors(
        matmulKernel(ta, tb, options),
        node.op.attrBool("transpose_a"),
        node.op.attrBool("transpose_b"),
        swapped,
      );
  }
}

/** The untransposed input when `v` is a 2-D Transpose by [1, 0] on the engine's kernel. */
function transposedSource(v: PlanValue): PlanValue | null {
  const t: PlanNode | null = v.producer;
  if (!t || t.op.type !== "Transpose" || t.kind !== "kernel" || !t.engineKernel || v.constant !== null)
    return null;
  const perm = t.inputs[1].constant;
  const shape = t.inputs[0].tensor?.shape;
  if (!perm || perm.size !== 2 || (perm.data as Int32Array)[0] !== 1 || (perm.data as Int32Array)[1] !== 0)
    return null;
  if (!shape || shape.length !== 2) return null;
  return t.inputs[0];
}

/** Runs the folded kernel; on incompatible shapes, replays transpose + MatMul for TF's exact message. */
function withOriginalErrors(folded: Kernel, ta: boolean, tb: boolean, swapped: boolean[]): Kernel {
  const plain = matmulKernel(ta, tb);
  return (inputs, ctx) => {
    try {
      return folded(inputs, ctx);
    } catch (e) {
      const replay: NDArray[] = inputs.map((a, i) => (swapped[i] ? transposeArray(a, [1, 0]) : a));
      plain(replay, ctx);
      throw e;
    }
  };
}

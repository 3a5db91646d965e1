/**
 * Ops that are elementwise in disguise, marked as such so fusion can take them in:
 * - `Sum`/`Mean` over no axes (what a gradient's broadcast reduction is when nothing was
 *   broadcast): each output is `0 + x` (`(0 + x) / 1` for Mean), the kernel's own arithmetic;
 * - `AddN` of two inputs whose shapes are known and equal: `a + b`, rounded once, as AddN does.
 * Only float inputs. Each node gets the matching elementwise kernel (same results) in case fusion
 * leaves it alone.
 */
import { float32, float64 } from "../../base/dtypes";
import { ElementwiseDef, binaryOpKernel, unaryOpKernel } from "../../base/kernels/elementwise";
import type { PlanGraph, PlanNode } from "./ir";
import { knownShape } from "./shapeInference";

// Written as the kernels compute: from a float64 accumulator starting at 0 (so -0 becomes +0).
const addZero = (a: number) => 0 + a;
const addFromZero = (a: number, b: number) => 0 + a + b;
const ADD_ZERO: ElementwiseDef = { arity: 1, f: addZero, bool: false };
const ADD: ElementwiseDef = { arity: 2, f: addFromZero, bool: false };

export function markElementwiseForms(graph: PlanGraph): void {
  for (const node of graph.nodes) {
    if (node.kind !== "kernel" || !node.engineKernel || node.outputs.length !== 1) continue;
    const dtype = node.outputs[0].dtype;
    if (dtype !== float32 && dtype !== float64) continue;
    if ((node.op.type === "Sum" || node.op.type === "Mean") && reducesNothing(node)) {
      node.elementwise = ADD_ZERO;
      node.inputs = [node.inputs[0]];
      node.needsValue = [node.needsValue[0]];
      node.makeKernel = (options) => unaryOpKernel(addZero, undefined, options);
    } else if (node.op.type === "AddN" && node.inputs.length === 2 && sameKnownShape(node)) {
      node.elementwise = ADD;
      node.makeKernel = (options) => binaryOpKernel(addFromZero, undefined, options);
    }
  }
}

function reducesNothing(node: PlanNode): boolean {
  const axes = node.inputs[1].constant;
  return axes !== null && axes.size === 0 && node.inputs[0].dtype === node.outputs[0].dtype;
}

function sameKnownShape(node: PlanNode): boolean {
  const [a, b] = node.inputs.map(knownShape);
  return a !== null && b !== null && a.length === b.length && a.every((d, i) => d === b[i]);
}

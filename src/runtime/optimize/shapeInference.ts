/**
 * Concrete shapes known while compiling. A plan specialised for the shapes of its feeds (see
 * session.ts: `[50, 7]` fed to a `[None, 7]` placeholder) knows the shape of nearly every value,
 * and then the shape arithmetic of gradients (Shape, BroadcastGradientArgs, Reshape targets, the
 * Tile of the loss seed...) folds into constants.
 *
 * Each rule mirrors its kernel: it gives the shape the kernel returns, and gives nothing whenever
 * the kernel would raise (incompatible shapes, bad axes), so folding never hides an error.
 * Without a rule, a fully defined static shape is used, as constant folding already does.
 */
import { isFullyDefined } from "../../base/shape";
import { elementwiseDef } from "../../base/kernels/elementwise";
import { normalizeAxes, reducedStaticShape } from "../../base/kernels/reduce";
import { resolveReshape } from "../../base/kernels/shapeKernels";
import { shapeSize } from "../../base/ndarray/ndarray";
import type { PlanNode, PlanValue } from "./ir";

export type Shape = number[];

/** The shape a value is known to have, or null. */
export function knownShape(v: PlanValue): Shape | null {
  return v.constant !== null ? v.constant.shape : v.shape;
}

const ints = (v: PlanValue): number[] | null =>
  v.constant !== null ? Array.from(v.constant.data as Int32Array) : null;

/** A rule's verdict that the kernel will raise on these shapes. */
const FAILS = "fails" as const;
type Verdict = Shape | typeof FAILS | undefined;

/**
 * Sets the known shapes of `node`'s outputs from its inputs'. Without a rule, a fully defined
 * static shape is trusted only when the inputs' shapes are known and their static shapes fully
 * defined too (then graph construction already checked them; with unknown dims the op might
 * still fail at run time, and a folded Shape must not make that failure disappear).
 */
export function inferShapes(node: PlanNode): void {
  const verdict: Verdict = node.kind === "kernel" ? outputShape(node) : undefined;
  // An input of unknown shape may be one whose op fails: nothing after it may look known.
  const inputsStatic = node.inputs.every(
    (v) => knownShape(v) !== null && isFullyDefined(v.tensor?.shape ?? null),
  );
  node.outputs.forEach((v, i) => {
    if (i === 0 && verdict !== undefined) {
      v.shape = verdict === FAILS ? null : verdict;
      return;
    }
    const staticShape = v.tensor?.shape ?? null;
    v.shape = inputsStatic && isFullyDefined(staticShape) ? [...staticShape] : null;
  });
}

/** The first output's shape by the op's rule; FAILS when its kernel would raise; undefined when it cannot tell. */
function outputShape(node: PlanNode): Verdict {
  const type = node.op.type;
  const shapes = node.inputs.map(knownShape);
  const [x, y] = shapes;
  const ew = elementwiseDef(type);
  if (ew) {
    if (!shapes.every((s) => s !== null)) return undefined;
    return ew.arity === 1 ? [...(x as Shape)] : (broadcast(x as Shape, y as Shape) ?? FAILS);
  }
  switch (type) {
    case "Identity":
    case "StopGradient":
    case "PlaceholderWithDefault":
    case "Cast":
    case "OnesLike":
    case "ZerosLike":
      return x ?? undefined;
    case "Shape":
      return x ? [x.length] : undefined;
    case "Size":
    case "Rank":
      return [];
    case "MatMul":
      return matmulShape(node, x, y);
    case "Reshape": {
      const target = ints(node.inputs[1]);
      if (!x || !target) return undefined;
      try {
        return resolveReshape(target, shapeSize(x));
      } catch {
        return FAILS;
      }
    }
    case "Sum":
    case "Mean":
    case "Max":
    case "Min":
    case "Prod":
    case "All":
    case "Any": {
      const axes = ints(node.inputs[1]);
      if (!x || !axes) return undefined;
      if (axes.some((a) => a < -x.length || a >= x.length)) return FAILS;
      return reducedStaticShape(x, normalizeAxes(axes, x.length), node.op.attrBool("keep_dims"));
    }
    case "Tile": {
      const m = ints(node.inputs[1]);
      if (!x || !m) return undefined;
      if (m.length !== x.length) return FAILS;
      return x.map((d, i) => d * m[i]);
    }
    case "Fill": {
      const dims = ints(node.inputs[0]);
      if (!dims) return undefined;
      return dims.every((d) => d >= 0) ? dims : FAILS;
    }
    case "AddN":
      if (!shapes.every((s) => s !== null)) return undefined;
      return shapes.every((s) => shapeSize(s as Shape) === shapeSize(x as Shape)) ? (x as Shape) : FAILS;
    case "Transpose": {
      const perm = ints(node.inputs[1]);
      if (!x || !perm) return undefined;
      if (perm.length !== x.length || [...perm].sort((p, q) => p - q).some((p, i) => p !== i)) return FAILS;
      return perm.map((p) => x[p]);
    }
    default:
      return undefined;
  }
}

function broadcast(a: Shape, b: Shape): Shape | null {
  const rank = Math.max(a.length, b.length);
  const out: Shape = [];
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da !== db && da !== 1 && db !== 1) return null;
    out.push(da === 1 ? db : da);
  }
  return out;
}

function matmulShape(node: PlanNode, a: Shape | null, b: Shape | null): Verdict {
  if (!a || !b) return undefined;
  if (a.length !== 2 || b.length !== 2) return FAILS;
  const ta = node.op.attrBool("transpose_a");
  const tb = node.op.attrBool("transpose_b");
  if ((ta ? a[0] : a[1]) !== (tb ? b[1] : b[0])) return FAILS;
  return [ta ? a[1] : a[0], tb ? b[0] : b[1]];
}

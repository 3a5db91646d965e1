import { DType, allocStorage } from "../dtypes";
import { InvalidArgumentError } from "../errors";
import { NDArray, shapeSize } from "../ndarray/ndarray";
import type { Kernel, KernelOptions } from "./kernel";
import { compileLoops } from "./specialize";

type Num = Float32Array | Float64Array | Int32Array | Uint8Array;
export type ScalarFn1 = (a: number) => number;
export type ScalarFn2 = (a: number, b: number) => number;

/** Output shape of a broadcast, with TF's kernel error on mismatch. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = new Array(rank);
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da !== db && da !== 1 && db !== 1) {
      throw new InvalidArgumentError(`Incompatible shapes: [${a.join(",")}] vs. [${b.join(",")}]`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides of `shape` laid out against `outShape` (0 where the dim is broadcast). */
function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const rank = outShape.length;
  const strides = new Array(rank).fill(0);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const o = i + rank - shape.length;
    strides[o] = shape[i] === 1 ? 0 : stride;
    stride *= shape[i];
  }
  return strides;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// The loops below are compiled once per scalar function (and dtype pair), so that inside each loop
// the call to `f` has a single target V8 can inline. One shared loop calling many different `f`s
// runs several times slower (the call stays indirect), and these loops are most of the engine's time.
interface BinaryLoops {
  same(a: Num, b: Num, out: Num, n: number): void;
  scalarB(a: Num, bv: number, out: Num, n: number): void;
  scalarA(av: number, b: Num, out: Num, n: number): void;
  general(a: Num, b: Num, out: Num, shape: readonly number[], sa: number[], sb: number[]): void;
}
interface UnaryLoops {
  map(a: Num, out: Num, n: number): void;
}

const BINARY_LOOPS = `return {
  same(a, b, out, n) { for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]); },
  scalarB(a, bv, out, n) { for (let i = 0; i < n; i++) out[i] = f(a[i], bv); },
  scalarA(av, b, out, n) { for (let i = 0; i < n; i++) out[i] = f(av, b[i]); },
  general(a, b, out, shape, sa, sb) {
    const rank = shape.length, size = out.length, idx = new Array(rank).fill(0);
    let ia = 0, ib = 0;
    for (let i = 0; i < size; i++) {
      out[i] = f(a[ia], b[ib]);
      for (let d = rank - 1; d >= 0; d--) {
        idx[d]++; ia += sa[d]; ib += sb[d];
        if (idx[d] < shape[d]) break;
        ia -= sa[d] * shape[d]; ib -= sb[d] * shape[d]; idx[d] = 0;
      }
    }
  },
};`;
const UNARY_LOOPS = `return { map(a, out, n) { for (let i = 0; i < n; i++) out[i] = f(a[i]); } };`;

const binaryLoops = (f: ScalarFn2, inDtype: DType, outDtype: DType) =>
  compileLoops<BinaryLoops>(BINARY_LOOPS, f, `${inDtype.name}>${outDtype.name}`, () => plainBinaryLoops(f));
const unaryLoops = (f: ScalarFn1, inDtype: DType, outDtype: DType) =>
  compileLoops<UnaryLoops>(UNARY_LOOPS, f, `${inDtype.name}>${outDtype.name}`, () => ({
    map(a, out, n) {
      for (let i = 0; i < n; i++) out[i] = f(a[i]);
    },
  }));

/** BINARY_LOOPS as ordinary closures, for where code generation is not allowed. */
function plainBinaryLoops(f: ScalarFn2): BinaryLoops {
  return {
    same(a, b, out, n) {
      for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]);
    },
    scalarB(a, bv, out, n) {
      for (let i = 0; i < n; i++) out[i] = f(a[i], bv);
    },
    scalarA(av, b, out, n) {
      for (let i = 0; i < n; i++) out[i] = f(av, b[i]);
    },
    general(a, b, out, shape, sa, sb) {
      const rank = shape.length;
      const idx = new Array(rank).fill(0);
      let ia = 0;
      let ib = 0;
      for (let i = 0; i < out.length; i++) {
        out[i] = f(a[ia], b[ib]);
        for (let d = rank - 1; d >= 0; d--) {
          idx[d]++;
          ia += sa[d];
          ib += sb[d];
          if (idx[d] < shape[d]) break;
          ia -= sa[d] * shape[d];
          ib -= sb[d] * shape[d];
          idx[d] = 0;
        }
      }
    },
  };
}

/** What one kernel keeps between calls: its output buffer (when reused) and its compiled loops. */
interface KernelMemory<L> {
  out: NDArray | null;
  loops: L | null;
  inDtype: DType | null;
}
const memory = <L>(): KernelMemory<L> => ({ out: null, loops: null, inDtype: null });

/**
 * An output array of `shape`: the previous one when reuse is allowed and it fits, else a new one.
 * `holder.out` keeps the buffer between calls.
 */
export function outputFor(
  holder: { out: NDArray | null },
  reuse: boolean,
  dtype: DType,
  shape: readonly number[],
): NDArray {
  const prev = holder.out;
  if (reuse && prev !== null && prev.dtype === dtype && sameShape(prev.shape, shape)) return prev;
  const out = new NDArray(dtype, [...shape], allocStorage(dtype, shapeSize(shape)));
  if (reuse) holder.out = out;
  return out;
}

/** Elementwise `f(a, b)` with NumPy broadcasting; fast paths for equal shapes and one-element sides. */
function computeBinary(
  f: ScalarFn2,
  outDtype: DType | undefined,
  a: NDArray,
  b: NDArray,
  holder: KernelMemory<BinaryLoops>,
  reuse: boolean,
): NDArray {
  const dtype = outDtype ?? a.dtype;
  if (holder.inDtype !== a.dtype) {
    holder.loops = binaryLoops(f, a.dtype, dtype);
    holder.inDtype = a.dtype;
  }
  const loops = holder.loops as BinaryLoops;
  const ad = a.data as Num;
  const bd = b.data as Num;
  if (sameShape(a.shape, b.shape)) {
    const out = outputFor(holder, reuse, dtype, a.shape);
    loops.same(ad, bd, out.data as Num, ad.length);
    return out;
  }
  // A one-element side of no higher rank broadcasts to the other side's exact shape.
  if (bd.length === 1 && b.shape.length <= a.shape.length) {
    const out = outputFor(holder, reuse, dtype, a.shape);
    loops.scalarB(ad, bd[0], out.data as Num, ad.length);
    return out;
  }
  if (ad.length === 1 && a.shape.length <= b.shape.length) {
    const out = outputFor(holder, reuse, dtype, b.shape);
    loops.scalarA(ad[0], bd, out.data as Num, bd.length);
    return out;
  }
  const shape = broadcastShapes(a.shape, b.shape);
  const out = outputFor(holder, reuse, dtype, shape);
  const od = out.data as Num;
  if (bd.length === 1 && ad.length === od.length) loops.scalarB(ad, bd[0], od, od.length);
  else if (ad.length === 1 && bd.length === od.length) loops.scalarA(ad[0], bd, od, od.length);
  else loops.general(ad, bd, od, shape, broadcastStrides(a.shape, shape), broadcastStrides(b.shape, shape));
  return out;
}

/** Elementwise binary op with NumPy broadcasting; every call returns a new array. */
export function binaryKernel(f: ScalarFn2, outDtype?: DType) {
  const holder = memory<BinaryLoops>();
  return (a: NDArray, b: NDArray): NDArray => computeBinary(f, outDtype, a, b, holder, false);
}

function computeUnary(
  f: ScalarFn1,
  outDtype: DType | undefined,
  a: NDArray,
  holder: KernelMemory<UnaryLoops>,
  reuse: boolean,
): NDArray {
  const dtype = outDtype ?? a.dtype;
  if (holder.inDtype !== a.dtype) {
    holder.loops = unaryLoops(f, a.dtype, dtype);
    holder.inDtype = a.dtype;
  }
  const out = outputFor(holder, reuse, dtype, a.shape);
  (holder.loops as UnaryLoops).map(a.data as Num, out.data as Num, a.size);
  return out;
}

/** The plan-facing kernel of a binary elementwise op (writes into one buffer when the plan allows). */
export function binaryOpKernel(
  f: ScalarFn2,
  outDtype: DType | undefined,
  options: KernelOptions = {},
): Kernel {
  const reuse = options.reuseOutputs === true;
  const holder = memory<BinaryLoops>();
  const outs: NDArray[] = [];
  return (inputs) => {
    outs[0] = computeBinary(f, outDtype, inputs[0], inputs[1], holder, reuse);
    return outs;
  };
}

export function unaryOpKernel(
  f: ScalarFn1,
  outDtype: DType | undefined,
  options: KernelOptions = {},
): Kernel {
  const reuse = options.reuseOutputs === true;
  const holder = memory<UnaryLoops>();
  const outs: NDArray[] = [];
  return (inputs) => {
    outs[0] = computeUnary(f, outDtype, inputs[0], holder, reuse);
    return outs;
  };
}

/**
 * The scalar function of every elementwise op, by op type: what fused kernels
 * (src/runtime/optimize/fuseElementwise.ts) compose. `bool` marks comparison-style outputs.
 */
export interface ElementwiseDef {
  arity: 1 | 2;
  f: ScalarFn1 | ScalarFn2;
  bool: boolean;
}
const ELEMENTWISE = new Map<string, ElementwiseDef>();

export function registerElementwise(
  type: string,
  arity: 1 | 2,
  f: ScalarFn1 | ScalarFn2,
  bool = false,
): void {
  ELEMENTWISE.set(type, { arity, f, bool });
}
export function elementwiseDef(type: string): ElementwiseDef | undefined {
  return ELEMENTWISE.get(type);
}

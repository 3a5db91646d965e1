/**
 * One loop for a chain (a tree) of elementwise ops: each element goes through every op while in
 * registers, instead of one pass and one temporary array per op.
 *
 * Results are bit-identical to running the ops one by one: every intermediate is rounded to the
 * dtype exactly where the op-by-op run would store it (`Math.fround` for float32), and each op
 * applies the same scalar function as its own kernel. The fast path covers inputs that all have
 * the output's shape or a single element; anything else is the caller's to run op by op.
 */
import { DType, float32 } from "../dtypes";
import { NDArray } from "../ndarray/ndarray";
import { outputFor, sameShape, ScalarFn1, ScalarFn2 } from "./elementwise";
import { compileSource } from "./specialize";

/** An argument of a fused op: input `k` of the fused kernel, or the result of an earlier op `k`. */
export type FusedOperand = { input: number } | { op: number };

export interface FusedOp {
  f: ScalarFn1 | ScalarFn2;
  args: FusedOperand[];
}

type Num = Float32Array | Float64Array;
type Loop = (ins: Num[], scalars: number[], out: Num, n: number) => void;

type LoopFactory = (fns: (ScalarFn1 | ScalarFn2)[]) => Loop;
const compiled = new Map<string, LoopFactory>();
const fnIds = new WeakMap<object, number>();
let nextFnId = 0;
const fnId = (f: object) => {
  let id = fnIds.get(f);
  if (id === undefined) fnIds.set(f, (id = nextFnId++));
  return id;
};

/** Source of the loop: `scalar[k]` marks inputs read as one value instead of per element. */
function loopSource(ops: FusedOp[], inputCount: number, scalar: boolean[], round: boolean): string {
  const lines: string[] = [];
  for (let k = 0; k < inputCount; k++)
    lines.push(scalar[k] ? `const s${k} = scalars[${k}];` : `const x${k} = ins[${k}];`);
  const operand = (a: FusedOperand) =>
    "input" in a ? (scalar[a.input] ? `s${a.input}` : `x${a.input}[i]`) : `t${a.op}`;
  const body = ops.map((op, j) => {
    const call = `f${j}(${op.args.map(operand).join(", ")})`;
    if (j === ops.length - 1) return `out[i] = ${call};`;
    return `const t${j} = ${round ? `fround(${call})` : call};`;
  });
  const fns = ops.map((_, j) => `const f${j} = fns[${j}];`).join(" ");
  return `return (fns) => { ${fns}
  return function fused(ins, scalars, out, n) {
    ${lines.join(" ")}
    for (let i = 0; i < n; i++) { ${body.join(" ")} }
  };
};`;
}

/** A fused elementwise computation over `inputCount` inputs of one float dtype. */
export class FusedElementwise {
  private readonly loops = new Map<number, Loop>();
  private lastMask = -1;
  private lastLoop: Loop | undefined = undefined;
  private readonly holder: { out: NDArray | null } = { out: null };
  private readonly ins: Num[] = [];
  private readonly scalars: number[] = [];

  constructor(
    private readonly ops: FusedOp[],
    private readonly inputCount: number,
    private readonly dtype: DType,
    private readonly reuse: boolean,
  ) {}

  /**
   * The result, or null when the input shapes need real broadcasting (the caller then runs the
   * ops one by one, which also reports any shape error at the right op).
   */
  run(inputs: NDArray[]): NDArray | null {
    const count = this.inputCount;
    let rank = 0;
    let ref: NDArray | null = null;
    for (let k = 0; k < count; k++) {
      const a = inputs[k];
      if (a.shape.length > rank) rank = a.shape.length;
      if (ref === null && a.size !== 1) ref = a;
    }
    if (ref === null) {
      // All single elements: the result has the highest rank among them.
      for (let k = 0; k < count && ref === null; k++) if (inputs[k].shape.length === rank) ref = inputs[k];
    }
    const shape = (ref as NDArray).shape;
    if (shape.length !== rank) return null;
    // Bit k set: input k is read as one value.
    let mask = 0;
    for (let k = 0; k < count; k++) {
      const a = inputs[k];
      const isScalar = a.size === 1 && a !== ref;
      if (!isScalar && !sameShape(a.shape, shape)) return null;
      if (isScalar) mask |= 1 << k;
      this.ins[k] = a.data as Num;
      this.scalars[k] = (a.data as Num)[0];
    }
    let loop = mask === this.lastMask ? this.lastLoop : this.loops.get(mask);
    if (!loop) {
      const compiledLoop = this.compile(mask);
      if (compiledLoop === null) return null; // no code generation here: op by op it is
      this.loops.set(mask, (loop = compiledLoop));
    }
    this.lastMask = mask;
    this.lastLoop = loop;
    const out = outputFor(this.holder, this.reuse, this.dtype, shape);
    loop(this.ins, this.scalars, out.data as Num, out.size);
    return out;
  }

  private compile(mask: number): Loop | null {
    const scalar = Array.from({ length: this.inputCount }, (_, k) => (mask & (1 << k)) !== 0);
    const source = loopSource(this.ops, this.inputCount, scalar, this.dtype === float32);
    const key = `${this.ops.map((o) => fnId(o.f)).join(",")}|${source}`;
    let factory = compiled.get(key);
    if (!factory) {
      const made = compileSource<LoopFactory>(["fround"], source, [Math.fround]);
      if (made === null) return null;
      compiled.set(key, (factory = made));
    }
    return factory(this.ops.map((o) => o.f));
  }
}

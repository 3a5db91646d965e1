import { allocStorage } from "../../base/dtypes";
import { Tensor } from "../../graph/tensor";
import { InvalidArgumentError, ValueError } from "../../base/errors";
import { NDArray } from "../../base/ndarray/ndarray";
import { convertPair, convertToTensor } from "../array/constant";
import { attr } from "../attrs";
import { createOp, inOpScope } from "../createOp";
import { Kernel, KernelOptions, registerOp } from "../registry";
import { neg } from "./unary";
import { MAX_UNROLLED, columnDots, rowDots } from "../../base/kernels/matvec";

/** What a MatMul kernel keeps between calls when its plan lets it reuse buffers. */
interface MatMulMemory {
  out: NDArray | null;
  /** float64 accumulators, one per output row or column. */
  acc: Float64Array | null;
}

function scratch(memory: MatMulMemory, n: number): Float64Array {
  let acc = memory.acc;
  if (acc === null || acc.length !== n) memory.acc = acc = new Float64Array(n);
  else acc.fill(0);
  return acc;
}

/**
 * Every output element is the float64 sum, in order of the inner index, of the float32 products;
 * the loops differ only in traversal order, so all of them give the same bits.
 */
function matmulInto(a: NDArray, b: NDArray, ta: boolean, tb: boolean, memory: MatMulMemory, reuse: boolean): NDArray {
  if (a.shape.length !== 2 || b.shape.length !== 2) {
    throw new InvalidArgumentError(
      `In[${a.shape.length !== 2 ? 0 : 1}] is not a matrix. Instead it has shape [${(a.shape.length !== 2 ? a : b).shape.join(",")}]`,
    );
  }
  const [ar, ac] = a.shape;
  const [br, bc] = b.shape;
  const m = ta ? ac : ar;
  const k = ta ? ar : ac;
  const kb = tb ? bc : br;
  const n = tb ? br : bc;
  if (k !== kb) {
    throw new InvalidArgumentError(
      `Matrix size-incompatible: In[0]: [${a.shape.join(",")}], In[1]: [${b.shape.join(",")}]`,
    );
  }
  const A = a.data as Float32Array;
  const B = b.data as Float32Array;
  const prev = memory.out;
  const result =
    reuse && prev !== null && prev.dtype === a.dtype && prev.shape[0] === m && prev.shape[1] === n
      ? prev
      : new NDArray(a.dtype, [m, n], allocStorage(a.dtype, m * n));
  if (reuse) memory.out = result;
  const out = result.data as Float32Array;
  // Matrix · vector with a short inner (or output) length: unrolled loops, same sums.
  const rows = n === 1 && !ta && k <= MAX_UNROLLED ? rowDots(k, a.dtype.name) : null;
  const columns = n === 1 && ta && m <= MAX_UNROLLED ? columnDots(m, a.dtype.name) : null;
  if (rows !== null) {
    rows(A, B, out, m);
  } else if (columns !== null) {
    columns(A, B, out, k);
  } else if (n === 1 && !ta) {
    // Matrix · vector: one dot product per row, both sides contiguous.
    for (let i = 0; i < m; i++) {
      let acc = 0;
      const base = i * ac;
      for (let p = 0; p < k; p++) acc += A[base + p] * B[p];
      out[i] = acc;
    }
  } else if (n === 1) {
    // Aᵀ · vector: walk A's rows once, updating every output's running sum.
    const acc = scratch(memory, m);
    for (let p = 0; p < k; p++) {
      const bv = B[p];
      const base = p * ac;
      for (let i = 0; i < m; i++) acc[i] += A[base + i] * bv;
    }
    for (let i = 0; i < m; i++) out[i] = acc[i];
  } else {
    // Strides let one loop serve all four transpose combinations.
    const aRow = ta ? 1 : ac;
    const aCol = ta ? ac : 1;
    const bRow = tb ? 1 : bc;
    const bCol = tb ? bc : 1;
    const row = scratch(memory, n);
    for (let i = 0; i < m; i++) {
      if (i > 0) row.fill(0);
      for (let p = 0; p < k; p++) {
        const av = A[i * aRow + p * aCol];
        if (av === 0) continue;
        const off = p * bRow;
        for (let j = 0; j < n; j++) row[j] += av * B[off + j * bCol];
      }
      for (let j = 0; j < n; j++) out[i * n + j] = row[j];
    }
  }
  return result;
}

/** The MatMul kernel for given transpose flags (the plan's transpose folding picks its own). */
export function matmulKernel(ta: boolean, tb: boolean, options: KernelOptions = {}): Kernel {
  const reuse = options.reuseOutputs === true;
  const memory: MatMulMemory = { out: null, acc: null };
  const outs: NDArray[] = [];
  return ([a, b]) => {
    outs[0] = matmulInto(a, b, ta, tb, memory, reuse);
    return outs;
  };
}

registerOp({
  type: "MatMul",
  outputs: ([a, b], attrs) => {
    const ta = attrs.transpose_a?.kind === "b" && attrs.transpose_a.value;
    const tb = attrs.transpose_b?.kind === "b" && attrs.transpose_b.value;
    if ((a.shape && a.shape.length !== 2) || (b.shape && b.shape.length !== 2)) {
      throw new ValueError(`Shape must be rank 2 but is rank ${a.shape && a.shape.length !== 2 ? a.shape.length : b.shape?.length}`);
    }
    const m = a.shape ? a.shape[ta ? 1 : 0] : null;
    const n = b.shape ? b.shape[tb ? 0 : 1] : null;
    const ka = a.shape ? a.shape[ta ? 0 : 1] : null;
    const kb = b.shape ? b.shape[tb ? 1 : 0] : null;
    if (ka !== null && kb !== null && ka !== kb) {
      throw new ValueError(`Dimensions must be equal, but are ${ka} and ${kb}`);
    }
    return [{ dtype: a.dtype, shape: [m, n] }];
  },
  kernel: (op, options) => matmulKernel(op.attrBool("transpose_a"), op.attrBool("transpose_b"), options),
  gradient: (op, [g]) => {
    if (!g) return [null, null];
    const [a, b] = op.inputs;
    const ta = op.attrBool("transpose_a");
    const tb = op.attrBool("transpose_b");
    if (!ta && !tb) return [matmul(g, b, { transposeB: true }), matmul(a, g, { transposeA: true })];
    if (!ta && tb) return [matmul(g, b), matmul(g, a, { transposeA: true })];
    if (ta && !tb) return [matmul(b, g, { transposeB: true }), matmul(a, g)];
    return [matmul(b, g, { transposeA: true, transposeB: true }), matmul(g, a, { transposeA: true, transposeB: true })];
  },
});

/** Options of {@link matmul}. */
export interface MatMulOptions {
  /** Use the transpose of `a` (default false). */
  transposeA?: boolean;
  /** Use the transpose of `b` (default false). */
  transposeB?: boolean;
  /** TF's adjoint flag for `a`; the same as `transposeA` for real numbers. */
  adjointA?: boolean;
  /** TF's adjoint flag for `b`; the same as `transposeB` for real numbers. */
  adjointB?: boolean;
  /** The op's name (default "MatMul"). */
  name?: string;
}

/**
 * The matrix product of two rank-2 tensors (a `MatMul` op), optionally transposing either first. Each
 * output element is summed in float64 in order of the inner index, then stored in the inputs' dtype.
 * Mirrors TF 1.x `tf.matmul` (tensorflow/python/ops/math_ops.py, `matmul`).
 * @param a - a `[m, k]` tensor (or `[k, m]` with `transposeA`)
 * @param b - a `[k, n]` tensor (or `[n, k]` with `transposeB`); same dtype as `a`
 * @param options - the transpose/adjoint flags and `name` (see {@link MatMulOptions})
 * @returns the `[m, n]` product
 * @throws TypeError when the dtypes differ
 * @throws {@link ValueError} when an input is not rank 2 or the inner dimensions differ (static shapes)
 * @throws {@link InvalidArgumentError} from `sess.run` when the run-time inner dimensions differ
 * @example
 * ```ts
 * const X = tf.placeholder(tf.float32, [null, 3]);
 * const theta = tf.Variable(tf.zeros([3, 1]));
 * const yPred = tf.matmul(X, theta, { name: "predictions" });
 * ```
 */
export function matmul(a: unknown, b: unknown, options: MatMulOptions = {}): Tensor {
  return inOpScope(options.name ?? "MatMul", [a, b], (opName, graph) => {
    const [ta, tb] = convertPair(a, b, "MatMul", ["a", "b"]);
    return createOp(graph, "MatMul", opName, [ta, tb], {
      transpose_a: attr.bool(options.transposeA ?? options.adjointA ?? false),
      transpose_b: attr.bool(options.transposeB ?? options.adjointB ?? false),
      T: attr.type(ta.dtype),
    }).outputs[0];
  });
}

/** Gauss–Jordan inversion with partial pivoting, in float64, stored in the input dtype. */
function invert(a: NDArray, adjoint: boolean): NDArray {
  const n = a.shape[0];
  if (a.shape.length !== 2 || a.shape[1] !== n) {
    throw new InvalidArgumentError(`Input must be a square matrix, got shape [${a.shape.join(",")}]`);
  }
  const m = Float64Array.from(a.data as Float32Array);
  if (adjoint) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) [m[i * n + j], m[j * n + i]] = [m[j * n + i], m[i * n + j]];
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
    if (m[p * n + c] === 0) throw new InvalidArgumentError("Input is not invertible.");
    if (p !== c) {
      for (let j = 0; j < n; j++) {
        [m[c * n + j], m[p * n + j]] = [m[p * n + j], m[c * n + j]];
        [inv[c * n + j], inv[p * n + j]] = [inv[p * n + j], inv[c * n + j]];
      }
    }
    const d = m[c * n + c];
    for (let j = 0; j < n; j++) {
      m[c * n + j] /= d;
      inv[c * n + j] /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c];
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        m[r * n + j] -= f * m[c * n + j];
        inv[r * n + j] -= f * inv[c * n + j];
      }
    }
  }
  const out = allocStorage(a.dtype, n * n) as Float32Array;
  out.set(inv);
  return new NDArray(a.dtype, [n, n], out);
}

registerOp({
  type: "MatrixInverse",
  outputs: ([a]) => [{ dtype: a.dtype, shape: a.shape }],
  kernel: (op) => {
    const adjoint = op.attrBool("adjoint");
    return ([a]) => [invert(a, adjoint)];
  },
  gradient: (op, [g]) => {
    if (!g) return [null];
    const ainv = op.outputs[0];
    const adjoint = op.attrBool("adjoint");
    return [neg(matmul(ainv, matmul(g, ainv, { adjointA: adjoint, adjointB: !adjoint }), { adjointA: !adjoint }))];
  },
});

/**
 * The inverse of a square matrix (Gauss–Jordan elimination with partial pivoting in float64), or of its
 * adjoint with `adjoint: true`.
 * Mirrors TF 1.x `tf.matrix_inverse` (tensorflow/core/ops/linalg_ops.cc, `MatrixInverse`; generated
 * `matrix_inverse` in gen_linalg_ops.py).
 * @param a - a square float tensor
 * @param options.adjoint - invert the (conjugate) transpose instead (default false)
 * @param options.name - the op's name (default "MatrixInverse")
 * @returns the inverse, same shape and dtype
 * @throws {@link InvalidArgumentError} from `sess.run` when the matrix is not square or not invertible
 * @example
 * ```ts
 * const XT = tf.transpose(tf.constant([[1, 1], [1, 2], [1, 3]]));
 * const gram = tf.matrixInverse(tf.matmul(XT, tf.transpose(XT))); // (XᵀX)⁻¹ of the normal equation
 * ```
 */
export function matrixInverse(a: unknown, options: { adjoint?: boolean; name?: string } = {}): Tensor {
  return inOpScope(options.name ?? "MatrixInverse", [a], (opName, graph) => {
    const t = convertToTensor(a, { name: "input" });
    return createOp(graph, "MatrixInverse", opName, [t], { adjoint: attr.bool(options.adjoint ?? false), T: attr.type(t.dtype) })
      .outputs[0];
  });
}

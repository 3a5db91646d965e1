// Finite-difference gradient checking: compares what `tf.gradients` builds with central
// differences of the forward graph, both run by the engine in float64.
import * as tf from "tensorlings";

export type Dims = (number | null)[] | null;

/** One input the gradient is taken with respect to (fed through a placeholder). */
export interface CheckInput {
  shape: number[];
  values: number[];
  /** float64 unless the case is about another dtype (Cast). */
  dtype?: tf.DType;
}

/** How much the placeholders tell the graph about their shapes. */
export type ShapeMode = "static" | "unknownBatch" | "unknownRank";
export const SHAPE_MODES: readonly ShapeMode[] = ["static", "unknownBatch", "unknownRank"];

export interface GradCase {
  inputs: CheckInput[];
  /** The op under test, applied to the placeholders. */
  build: (xs: tf.Tensor[]) => tf.Tensor;
  shapeMode?: ShapeMode;
  /** Finite-difference step (default 1e-5, scaled by |x| when |x| > 1). */
  step?: number;
  /** Relative tolerance of the comparison (default 1e-6). */
  tolerance?: number;
}

export function placeholderShape(shape: number[], mode: ShapeMode): Dims {
  if (mode === "unknownRank") return null;
  if (mode === "unknownBatch" && shape.length > 0) return [null, ...shape.slice(1)];
  return shape;
}

/** Deterministic pseudo-random upstream gradient, so every output element counts differently. */
function upstreamWeights(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 0.5 + ((i * 0.618034) % 1));
}

const dot = (a: ArrayLike<number>, w: number[]) => {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += a[i] * w[i];
  return s;
};

export interface GradReport {
  /** Op types of the forward graph (before any gradient op was added). */
  forwardOpTypes: string[];
  analytic: number[][];
  numeric: number[][];
  shapes: number[][];
}

/**
 * Builds the case on a fresh graph and returns the analytic gradient (from `tf.gradients` with a
 * weighted upstream gradient) and the central-difference one of sum(w * y), per input.
 */
export function computeGradients(c: GradCase): GradReport {
  tf.resetDefaultGraph();
  const mode = c.shapeMode ?? "static";
  const xs = c.inputs.map((inp, i) =>
    tf.placeholder(inp.dtype ?? tf.float64, { shape: placeholderShape(inp.shape, mode), name: `x${i}` }),
  );
  const y = c.build(xs);
  const forwardOpTypes = tf
    .getDefaultGraph()
    .getOperations()
    .map((op) => op.type);
  const arrays = c.inputs.map(
    (inp, i) => new tf.NDArray(xs[i].dtype, [...inp.shape], typed(xs[i].dtype, inp.values)),
  );
  return tf.withSession(tf.Session(), (sess) => {
    const feeds = (values: tf.NDArray[]) =>
      new Map(xs.map((x, i) => [x, values[i]] as [tf.Tensor, tf.NDArray]));
    const y0 = sess.run(y, feeds(arrays)) as tf.NDArray;
    const w = upstreamWeights(y0.size);
    const wTensor = tf.constant(new tf.NDArray(y.dtype, [...y0.shape], typed(y.dtype, w)), { name: "w" });
    const grads = tf.gradients(y, xs, [wTensor]);
    grads.forEach((g, i) => {
      if (g === null)
        throw new Error(`tf.gradients returned null for input ${i}, which the output depends on`);
    });
    const fetched = sess.run(grads as tf.Tensor[], feeds(arrays)) as tf.NDArray[];
    const numeric = arrays.map((arr, i) => {
      const out: number[] = [];
      const data = arr.data as Float64Array;
      for (let j = 0; j < arr.size; j++) {
        const x = data[j];
        const h = (c.step ?? 1e-5) * Math.max(1, Math.abs(x));
        const at = (v: number) => {
          const copy = typed(arr.dtype, Array.from(data));
          copy[j] = v;
          const values = [...arrays];
          values[i] = new tf.NDArray(arr.dtype, [...arr.shape], copy);
          return { fed: copy[j], f: dot((sess.run(y, feeds(values)) as tf.NDArray).data as Float64Array, w) };
        };
        const plus = at(x + h);
        const minus = at(x - h);
        // Divide by the step actually fed (float32 inputs round x ± h).
        out.push((plus.f - minus.f) / (plus.fed - minus.fed));
      }
      return out;
    });
    return {
      forwardOpTypes,
      analytic: fetched.map((a) => Array.from(a.data as Float64Array, Number)),
      numeric,
      shapes: fetched.map((a) => [...a.shape]),
    };
  });
}

function typed(dtype: tf.DType, values: number[]): Float64Array | Float32Array {
  return dtype === tf.float32 ? Float32Array.from(values) : Float64Array.from(values);
}

/** Floor of the comparison: rounding in the forward pass divided by the step is ~1e-10. */
const ABSOLUTE_TOLERANCE = 1e-8;

/**
 * Throws (with the numbers) unless every analytic gradient has its input's shape and matches the
 * numeric one within the relative tolerance (plus a tiny absolute floor for values near 0).
 */
export function checkGradients(c: GradCase): GradReport {
  const report = computeGradients(c);
  const tol = c.tolerance ?? 1e-6;
  c.inputs.forEach((inp, i) => {
    const shape = report.shapes[i];
    if (shape.join(",") !== inp.shape.join(",")) {
      throw new Error(`gradient ${i} has shape [${shape}] but its input has shape [${inp.shape}]`);
    }
    report.numeric[i].forEach((n, j) => {
      const a = report.analytic[i][j];
      if (!(Math.abs(a - n) <= tol * Math.abs(n) + ABSOLUTE_TOLERANCE)) {
        throw new Error(
          `gradient ${i}[${j}]: analytic ${a} vs numeric ${n} (input shape [${inp.shape}], ` +
            `analytic [${report.analytic[i].join(", ")}], numeric [${report.numeric[i].join(", ")}])`,
        );
      }
    });
  });
  return report;
}

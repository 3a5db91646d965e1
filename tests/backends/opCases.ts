import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";

/** One array of ops.json: float32 NaN/infinities travel as the strings "nan", "inf", "-inf". */
export interface JsonArray {
  dtype: "float32" | "int32" | "int64" | "bool";
  shape: number[];
  data: (number | boolean | string)[];
}
export interface OpCase {
  name: string;
  fn: string;
  args: Record<string, any>;
  inputs: JsonArray[];
  expected: JsonArray;
}

/** Cases generated once by tests/fixtures/backends/gen_ops.py (NumPy, float64 math). */
export const OP_CASES: OpCase[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../fixtures/backends/ops.json"), "utf8"),
).cases;

const DTYPES: Record<JsonArray["dtype"], tf.DType> = {
  float32: tf.float32,
  int32: tf.int32,
  int64: tf.int64,
  bool: tf.bool,
};

const decode = (v: number | boolean | string): number =>
  v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : Number(v);

export function toNDArray(a: JsonArray): tf.NDArray {
  const values = a.data.map(decode);
  const storage =
    a.dtype === "float32"
      ? Float32Array.from(values)
      : a.dtype === "int32"
        ? Int32Array.from(values)
        : a.dtype === "bool"
          ? Uint8Array.from(values)
          : Float64Array.from(values);
  return new tf.NDArray(DTYPES[a.dtype], a.shape, storage);
}

type Build = (x: tf.Tensor[], args: Record<string, any>) => tf.Tensor;

const grad =
  (f: (x: tf.Tensor) => tf.Tensor): Build =>
  ([x, dy]) =>
    tf.gradients(f(x), x, [dy])[0] as tf.Tensor;

/** Each case's graph, built through the public API from placeholders. */
export const BUILDERS: Record<string, Build> = {
  add: ([a, b]) => tf.add(a, b),
  subtract: ([a, b]) => tf.subtract(a, b),
  multiply: ([a, b]) => tf.multiply(a, b),
  div: ([a, b]) => tf.div(a, b),
  floordiv: ([a, b]) => tf.floordiv(a, b),
  mod: ([a, b]) => tf.mod(a, b),
  maximum: ([a, b]) => tf.maximum(a, b),
  minimum: ([a, b]) => tf.minimum(a, b),
  pow: ([a, b]) => tf.pow(a, b),
  squaredDifference: ([a, b]) => tf.squaredDifference(a, b),
  equal: ([a, b]) => tf.equal(a, b),
  notEqual: ([a, b]) => tf.notEqual(a, b),
  greater: ([a, b]) => tf.greater(a, b),
  greaterEqual: ([a, b]) => tf.greaterEqual(a, b),
  less: ([a, b]) => tf.less(a, b),
  lessEqual: ([a, b]) => tf.lessEqual(a, b),
  logicalAnd: ([a, b]) => tf.logicalAnd(a, b),
  logicalOr: ([a, b]) => tf.logicalOr(a, b),
  logicalNot: ([a]) => tf.logicalNot(a),
  neg: ([x]) => tf.neg(x),
  abs: ([x]) => tf.abs(x),
  square: ([x]) => tf.square(x),
  sign: ([x]) => tf.sign(x),
  relu: ([x]) => tf.nn.relu(x),
  sqrt: ([x]) => tf.sqrt(x),
  exp: ([x]) => tf.exp(x),
  log: ([x]) => tf.log(x),
  log1p: ([x]) => tf.log1p(x),
  sin: ([x]) => tf.sin(x),
  cos: ([x]) => tf.cos(x),
  tanh: ([x]) => tf.tanh(x),
  sigmoid: ([x]) => tf.sigmoid(x),
  softplus: ([x]) => tf.nn.softplus(x),
  reciprocal: ([x]) => tf.reciprocal(x),
  floor: ([x]) => tf.floor(x),
  ceil: ([x]) => tf.ceil(x),
  round: ([x]) => tf.round(x),
  isNan: ([x]) => tf.isNan(x),
  sigmoidGrad: grad((x) => tf.sigmoid(x)),
  tanhGrad: grad((x) => tf.tanh(x)),
  sqrtGrad: grad((x) => tf.sqrt(x)),
  reciprocalGrad: grad((x) => tf.reciprocal(x)),
  reluGrad: grad((x) => tf.nn.relu(x)),
  softplusGrad: grad((x) => tf.nn.softplus(x)),
  matmul: ([a, b], o) => tf.matmul(a, b, o),
  transpose: ([x], o) => tf.transpose(x, o.perm),
  reshape: ([x], o) => tf.reshape(x, o.shape),
  tile: ([x], o) => tf.tile(x, o.multiples),
  concat: (xs, o) => tf.concat(xs, o.axis),
  slice: ([x], o) => tf.slice(x, o.begin, o.size),
  select: ([c, x, y]) => tf.where(c, x, y),
  addN: (xs) => tf.addN(xs),
  cast: ([x], o) => tf.cast(x, DTYPES[o.dtype as JsonArray["dtype"]]),
  reduceSum: ([x], o) => tf.reduceSum(x, o.axis, { keepDims: o.keepDims }),
  reduceMean: ([x], o) => tf.reduceMean(x, o.axis, { keepDims: o.keepDims }),
  reduceMax: ([x], o) => tf.reduceMax(x, o.axis, { keepDims: o.keepDims }),
  reduceMin: ([x], o) => tf.reduceMin(x, o.axis, { keepDims: o.keepDims }),
  reduceProd: ([x], o) => tf.reduceProd(x, o.axis, { keepDims: o.keepDims }),
  reduceAll: ([x], o) => tf.reduceAll(x, o.axis, { keepDims: o.keepDims }),
  reduceAny: ([x], o) => tf.reduceAny(x, o.axis, { keepDims: o.keepDims }),
  argMax: ([x], o) => tf.argMax(x, o.axis),
  argMin: ([x], o) => tf.argMin(x, o.axis),
};

/** Builds the case's graph in a fresh default graph: placeholders of the inputs' shapes, one output. */
export function buildCase(c: OpCase): { inputs: tf.Tensor[]; output: tf.Tensor } {
  tf.resetDefaultGraph();
  const build = BUILDERS[c.fn];
  if (!build) throw new Error(`ops.json case '${c.name}' uses '${c.fn}', which has no builder`);
  const inputs = c.inputs.map((a, i) => tf.placeholder(DTYPES[a.dtype], { shape: a.shape, name: `in${i}` }));
  return { inputs, output: build(inputs, c.args) };
}

/** Float32 results within a few ulps of NumPy's float64 math; ints and bools exact. */
export function expectMatches(actual: tf.NDArray, expected: JsonArray, label: string): void {
  expect({ label, dtype: actual.dtype.name, shape: actual.shape }).toEqual({
    label,
    dtype: expected.dtype,
    shape: expected.shape,
  });
  const want = expected.data.map(decode);
  const got = Array.from(actual.data as Float32Array);
  if (expected.dtype !== "float32") {
    expect({ label, values: got }).toEqual({ label, values: want });
    return;
  }
  const bad = got.flatMap((g, i) => {
    const w = want[i];
    const ok = Number.isNaN(w) ? Number.isNaN(g) : g === w || Math.abs(g - w) <= 2e-6 + 2e-6 * Math.abs(w);
    return ok ? [] : [`[${i}] got ${g}, want ${w}`];
  });
  expect({ label, mismatches: bad }).toEqual({ label, mismatches: [] });
}

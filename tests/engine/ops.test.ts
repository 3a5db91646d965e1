// Op kernels against NumPy values (tests/fixtures/engine/ops.json, made by gen_ops.py there),
// run once with constant inputs and once with fed placeholders of unknown dims; plus static shape
// inference and broadcasting errors.
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";
import { expectTfError, runOnce } from "./helpers";

interface Encoded {
  dtype: "float32" | "float64" | "int32" | "bool";
  shape: number[];
  data: (number | boolean)[];
}
interface OpCase {
  id: string;
  op: string;
  inputs: Encoded[];
  args: Record<string, any>;
  expected: Encoded;
  exact: boolean;
}

const fixture: { cases: OpCase[] } = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/engine/ops.json"), "utf8"));
const dtypes = { float32: tf.float32, float64: tf.float64, int32: tf.int32, bool: tf.bool };

type Build = (xs: tf.Tensor[], args: Record<string, any>) => tf.Tensor;
const unary = (fn: (x: tf.Tensor) => tf.Tensor): Build => ([x]) => fn(x);
const binary = (fn: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor): Build => ([x, y]) => fn(x, y);
const reduce = (fn: typeof tf.reduceSum): Build => ([x], o) => fn(x, o.axis, { keepDims: o.keepDims });

const builders: Record<string, Build> = {
  add: binary(tf.add),
  sub: binary(tf.subtract),
  mul: binary(tf.multiply),
  div: binary(tf.div),
  maximum: binary(tf.maximum),
  minimum: binary(tf.minimum),
  equal: binary(tf.equal),
  notEqual: binary(tf.notEqual),
  greater: binary(tf.greater),
  greaterEqual: binary(tf.greaterEqual),
  less: binary(tf.less),
  lessEqual: binary(tf.lessEqual),
  matmul: ([a, b], o) => tf.matmul(a, b, { transposeA: o.transposeA, transposeB: o.transposeB }),
  transpose: ([x], o) => tf.transpose(x, o.perm),
  reduceSum: reduce(tf.reduceSum),
  reduceMean: reduce(tf.reduceMean),
  reduceMax: reduce(tf.reduceMax),
  reduceMin: reduce(tf.reduceMin),
  concat: (xs, o) => tf.concat(xs, o.axis),
  reshape: ([x], o) => tf.reshape(x, o.shape),
  tile: ([x], o) => tf.tile(x, o.multiples),
  cast: ([x], o) => tf.cast(x, dtypes[o.dtype as keyof typeof dtypes]),
  select: ([c, x, y]) => tf.where(c, x, y),
  fill: (_xs, o) => tf.fill(o.dims, o.value),
  zeros: (_xs, o) => tf.zeros(o.shape, o.dtype && dtypes[o.dtype as keyof typeof dtypes]),
  ones: (_xs, o) => tf.ones(o.shape, o.dtype && dtypes[o.dtype as keyof typeof dtypes]),
  zerosLike: unary((x) => tf.zerosLike(x)),
  onesLike: unary((x) => tf.onesLike(x)),
  addN: (xs) => tf.addN(xs),
  matrixInverse: unary((x) => tf.matrixInverse(x)),
  sqrt: unary(tf.sqrt),
  exp: unary(tf.exp),
  log: unary(tf.log),
  sin: unary(tf.sin),
  cos: unary(tf.cos),
  tanh: unary(tf.tanh),
  sigmoid: unary(tf.sigmoid),
  relu: unary(tf.nn.relu),
  square: unary(tf.square),
  neg: unary((x) => x.neg()),
  abs: unary(tf.abs),
};

const toNDArray = (e: Encoded) => tf.NDArray.from(e.data, dtypes[e.dtype]).reshape(e.shape);
const flat = (a: tf.NDArray) => Array.from({ length: a.size }, (_, i) => a.valueAt(i));

/** Build the case's op on constants, or on placeholders with every dim unknown, and run it. */
function runCase(c: OpCase, viaFeeds: boolean): tf.NDArray {
  tf.resetDefaultGraph();
  const values = c.inputs.map(toNDArray);
  if (!viaFeeds) return runOnce(builders[c.op](values.map((v) => tf.constant(v)), c.args));
  const holders = values.map((v) => tf.placeholder(v.dtype, { shape: v.shape.map(() => null) }));
  return runOnce(builders[c.op](holders, c.args), holders.map((h, i) => [h, values[i]] as [tf.Tensor, tf.NDArray]));
}

function expectMatches(got: tf.NDArray, c: OpCase): void {
  expect({ dtype: got.dtype.name, shape: got.shape }).toEqual({ dtype: c.expected.dtype, shape: c.expected.shape });
  const want = c.expected.data;
  if (c.exact) {
    expect(flat(got)).toEqual(want);
    return;
  }
  const off = flat(got).map((g, i) => ({ i, g, e: want[i] as number })).filter(({ g, e }) => !(Math.abs((g as number) - e) <= 1e-6 + 1e-6 * Math.abs(e)));
  expect(off).toEqual([]);
}

describe.each([
  ["constant inputs", false],
  ["fed placeholders of unknown dims", true],
])("kernels vs NumPy (%s)", (_label, viaFeeds) => {
  test.each(fixture.cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    expectMatches(runCase(c, viaFeeds), c);
  });
});

test("the fixture covers every builder", () => {
  expect([...new Set(fixture.cases.map((c) => c.op))].sort()).toEqual(Object.keys(builders).sort());
});

describe("static shape inference", () => {
  beforeEach(() => tf.resetDefaultGraph());
  const p3 = () => tf.placeholder(tf.float32, { shape: [null, 3], name: "p" });

  test("shapes and dtypes print as TF infers them", () => {
    const p = p3();
    const q = tf.placeholder(tf.float32, { shape: [null, 2], name: "q" });
    const col = tf.placeholder(tf.float32, { shape: [null, 1], name: "col" });
    const shown = (t: tf.Tensor) => String(t).replace(/^Tensor\("[^"]*", /, "").replace(/\)$/, "");
    const c = tf.constant([[1], [2], [3]]);
    expect(shown(tf.matmul(p, c))).toBe("shape=(?, 1), dtype=float32");
    expect(shown(tf.matmul(c, p, { transposeA: true, transposeB: true }))).toBe("shape=(1, ?), dtype=float32");
    expect(shown(tf.reduceMean(p, 1))).toBe("shape=(?,), dtype=float32");
    expect(shown(tf.reduceMean(p, 1, { keepDims: true }))).toBe("shape=(?, 1), dtype=float32");
    expect(shown(tf.reduceSum(p, -2))).toBe("shape=(3,), dtype=float32");
    expect(shown(tf.reduceSum(p))).toBe("shape=(), dtype=float32");
    expect(shown(tf.reshape(p, [-1, 1]))).toBe("shape=(?, 1), dtype=float32");
    expect(shown(tf.reshape(tf.zeros([2, 3]), [-1]))).toBe("shape=(6,), dtype=float32");
    expect(shown(tf.concat([p, q], 1))).toBe("shape=(?, 5), dtype=float32");
    expect(shown(tf.transpose(p))).toBe("shape=(3, ?), dtype=float32");
    expect(shown(tf.tile(p, [2, 1]))).toBe("shape=(?, 3), dtype=float32");
    expect(shown(p.add(tf.constant([1, 2, 3])))).toBe("shape=(?, 3), dtype=float32");
    expect(shown(col.add(tf.zeros([1, 4])))).toBe("shape=(?, 4), dtype=float32");
    expect(shown(tf.greater(p, 0))).toBe("shape=(?, 3), dtype=bool");
    expect(shown(tf.cast(p, tf.int32))).toBe("shape=(?, 3), dtype=int32");
    expect(shown(tf.fill([2, 3], 1))).toBe("shape=(2, 3), dtype=float32");
    expect(shown(tf.where(tf.greater(p, 0), p, tf.zerosLike(p)))).toBe("shape=(?, 3), dtype=float32");
    expect(shown(tf.addN([p, p]))).toBe("shape=(?, 3), dtype=float32");
    expect(shown(tf.sigmoid(p))).toBe("shape=(?, 3), dtype=float32");
    expect(shown(tf.matrixInverse(tf.zeros([3, 3])))).toBe("shape=(3, 3), dtype=float32");
  });

  test("incompatible static shapes fail while building, with TF's node suffix", () => {
    const a = tf.zeros([2, 3]);
    const b = tf.zeros([2, 4]);
    expectTfError(
      () => a.add(b),
      "ValueError",
      "Dimensions must be equal, but are 3 and 4 for 'add' (op: 'Add') with input shapes: [2,3], [2,4].",
    );
    expectTfError(
      () => tf.matmul(a, a),
      "ValueError",
      "Dimensions must be equal, but are 3 and 2 for 'MatMul' (op: 'MatMul') with input shapes: [2,3], [2,3].",
    );
    expectTfError(
      () => tf.matmul(tf.placeholder(tf.float32, { shape: [null, 3] }), tf.zeros([2, 1]), { name: "predictions" }),
      "ValueError",
      "Dimensions must be equal, but are 3 and 2 for 'predictions' (op: 'MatMul') with input shapes: [?,3], [2,1].",
    );
    expectTfError(
      () => tf.matmul(tf.zeros([2, 3, 4]), a),
      "ValueError",
      "Shape must be rank 2 but is rank 3 for 'MatMul_1' (op: 'MatMul') with input shapes: [2,3,4], [2,3].",
    );
  });

  test("mismatched dtypes: TypeError naming the op type and its inputs", () => {
    const f = tf.constant(1);
    const i = tf.constant(1, { dtype: tf.int32 });
    expectTfError(() => f.add(i), "TypeError", "Input 'y' of 'Add' Op has type int32 that does not match type float32 of argument 'x'.");
    expectTfError(
      () => tf.matmul(tf.zeros([1, 1]), tf.zeros([1, 1], tf.int32), { name: "prod" }),
      "TypeError",
      "Input 'b' of 'MatMul' Op has type int32 that does not match type float32 of argument 'a'.",
    );
    // a JS value takes the tensor's dtype and is named after the input it feeds
    expect(tf.matmul(tf.zeros([1, 1], tf.int32), [[2]]).op.inputs[1].op.name).toBe("MatMul/b");
  });

  test("incompatible runtime shapes fail in the kernel", () => {
    const a = tf.placeholder(tf.float32, { name: "a" });
    const b = tf.placeholder(tf.float32, { name: "b" });
    const sum = a.add(b);
    const e = expectTfError(
      () => runOnce(sum, new Map([[a, [[1, 2, 3], [4, 5, 6]]], [b, [[1, 2, 3, 4], [5, 6, 7, 8]]]])),
      "InvalidArgumentError",
      "Incompatible shapes: [2,3] vs. [2,4]",
    );
    expect(e.message).toContain("[[{{node add}}]]");
    const m = tf.matmul(a, b);
    expectTfError(
      () => runOnce(m, new Map([[a, [[1, 2, 3]]], [b, [[1, 2]]]])),
      "InvalidArgumentError",
      "Matrix size-incompatible: In[0]: [1,3], In[1]: [1,2]",
    );
  });

  test("setShape narrows unknown dims and rejects incompatible ones", () => {
    const p = p3();
    p.setShape([5, 3]);
    expect(String(p)).toBe('Tensor("p:0", shape=(5, 3), dtype=float32)');
    expectTfError(() => p.setShape([4, 3]), "ValueError", "Dimension 0 in both shapes must be equal, but are 5 and 4. Shapes are [5,3] and [4,3].");
    expectTfError(() => p.setShape([5]), "ValueError", "Shapes must be equal rank, but are 2 and 1");
  });
});

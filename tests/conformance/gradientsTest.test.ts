// Ported from tensorflow/python/ops/gradients_test.py (see README.md for the version). Random
// inputs (numpy's RandomState) are replaced by a fixed generator: the expectations are formulas
// of the inputs, kept as TF writes them.
import * as tf from "tensorlings";
import { evaluate, expectAllClose, freshGraph } from "./helpers";

beforeEach(freshGraph);

/** A deterministic stand-in for `np.random.RandomState(seed).randn(...)`. */
function randn(seed: number, n: number): number[] {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next()));
}
const matrix = (values: number[], rows: number, cols: number) =>
  Array.from({ length: rows }, (_, i) => values.slice(i * cols, (i + 1) * cols));

describe("GradientsTest", () => {
  // gradients_test.py GradientsTest.testGradients (bias_add written as add)
  test("testGradients", () => {
    const inp = tf.constant(1.0, { shape: [32, 100], name: "in" });
    const w = tf.constant(1.0, { shape: [100, 10], name: "w" });
    const b = tf.constant(1.0, { shape: [10], name: "b" });
    const xw = tf.matmul(inp, w, { name: "xw" });
    const h = tf.add(xw, b, { name: "h" });
    const wGrad = tf.gradients(h, w)[0] as tf.Tensor;
    expect(wGrad.op.type).toBe("MatMul");
    expect(wGrad.op.attrBool("transpose_a")).toBe(true);
    expect(wGrad.op.attrBool("transpose_b")).toBe(false);
  });
  // gradients_test.py GradientsTest.testUnusedOutput (split written as unstack: an op with an unused output)
  test("testUnusedOutput", () => {
    const w = tf.constant(1.0, { shape: [2, 2] });
    const x = tf.constant(1.0, { shape: [2, 2] });
    const wx = tf.matmul(w, x);
    const splitWx = tf.unstack(wx, { num: 2, axis: 0 });
    const c = tf.reduceSum(splitWx[1]);
    const gw = tf.gradients(c, [w])[0] as tf.Tensor;
    expect(gw.op.type).toBe("MatMul");
  });
  // gradients_test.py GradientsTest.testBoundaryStop
  test("testBoundaryStop", () => {
    const c = tf.constant(1.0);
    const x = tf.identity(c);
    const y = x.add(1.0);
    const z = y.add(1);
    expect(tf.gradients(z, [x]).every((g) => g !== null)).toBe(true);
  });
  // gradients_test.py GradientsTest.testBoundaryContinue
  test("testBoundaryContinue", () => {
    const c = tf.constant(1.0);
    const x = tf.identity(c);
    const y = x.add(1.0);
    const z = y.add(1);
    expect(tf.gradients(z, [c]).every((g) => g !== null)).toBe(true);
  });
  // gradients_test.py GradientsTest.testVariableReadValueGradient
  test("testVariableReadValueGradient", () => {
    const v = tf.Variable(tf.constant(100.0));
    expect(tf.gradients(v.readValue(), v)).not.toEqual([null]);
  });
  // gradients_test.py GradientsTest.testVariableAsGraphElementGradient
  test("testVariableAsGraphElementGradient", () => {
    const v = tf.Variable(tf.constant(100.0));
    const element = tf.getDefaultGraph().getTensorByName(v.name);
    expect(tf.gradients(element, v)).not.toEqual([null]);
  });
  // gradients_test.py GradientsTest.testVariableRefGradient
  test("testVariableRefGradient", () => {
    const v = tf.Variable(tf.constant(100.0));
    expect(tf.gradients(v.asGraphElement(), v)).not.toEqual([null]);
  });
  // gradients_test.py GradientsTest.testDependentYs
  test("testDependentYs", () => {
    const x = tf.constant(3.0);
    const y = tf.square(x);
    const y1 = tf.square(y);
    const y2 = tf.square(y1);
    expectAllClose(evaluate(tf.gradients([y, y2], x)[0]), 17502.0);
    expectAllClose(evaluate(tf.gradients(y.add(y2), x)[0]), 17502.0);
    const z = tf.identity(y);
    const z2 = tf.identity(y2);
    expectAllClose(evaluate(tf.gradients([z, z2], x)[0]), 17502.0);
  });
  // gradients_test.py GradientsTest.testPartialDerivatives
  test("testPartialDerivatives", () => {
    const x = tf.constant(1.0);
    const y = tf.multiply(2, x);
    const z = x.add(y);
    expect(evaluate(tf.gradients(z, [x, y]))).toEqual([3.0, 1.0]);
    expect(evaluate(tf.gradients(z, [x, y], null, { stopGradients: [x, y] }))).toEqual([1.0, 1.0]);
  });
  // gradients_test.py GradientsTest.testStopGradients
  test("testStopGradients", () => {
    const makeGraph = (seed: number, stops: string) => {
      let k = seed;
      const rand = () => tf.constant(matrix(randn(k++, 9).map(Math.abs), 3, 3), { dtype: tf.float64 });
      const functionOf = (xs: tf.Tensor[]) => xs.reduce((acc, x) => acc.add(tf.matmul(rand(), x)), rand());
      const g: Record<string, tf.Tensor> = {};
      const stop = (name: string, t: tf.Tensor) => (g[name] = stops.includes(name) ? tf.stopGradient(t) : t);
      stop("a", functionOf([]));
      stop("b", functionOf([g.a]));
      stop("c", functionOf([g.a, g.b]));
      stop("d", functionOf([g.b, g.c]));
      return g;
    };
    const grads = (ys: tf.Tensor[], xs: tf.Tensor[], stopGradients?: tf.Tensor[]) =>
      tf.gradients(ys, xs, null, { stopGradients }).map((g, i) => g ?? xs[i].mul(0));
    const subsets = ["", ..."a b c d ab ac ad bc bd cd abc abd acd bcd abcd".split(" ")];
    const graph = makeGraph(7, "");
    const cases: [tf.Tensor[], tf.Tensor[]][] = [];
    for (const constants of subsets) {
      const withStops = makeGraph(7, constants);
      for (const vars of subsets) {
        if (vars === "") continue;
        const grad1 = grads([withStops.d], [...vars].map((v) => withStops[v]));
        const grad2 = grads([graph.d], [...vars].map((v) => graph[v]), [...constants].map((v) => graph[v]));
        cases.push([grad1, grad2]);
      }
    }
    const results = evaluate(cases) as number[][][][];
    for (const [g1, g2] of results) expectAllClose(g1, g2);
  });
});

describe("StopGradientTest", () => {
  // gradients_test.py StopGradientTest.testStopGradient
  test("testStopGradient", () => {
    const inp = tf.constant(1.0, { shape: [100, 32], name: "in" });
    const out = tf.stopGradient(inp);
    expect(tf.gradients(out, inp)[0]).toBe(null);
  });
});

describe("HessianVectorProductTest", () => {
  // gradients_test.py HessianVectorProductTest.testHessianVectorProduct
  test("testHessianVectorProduct", () => {
    // The Hessian of f(x) = x^T A x is H = A + A^T; HessianVectorProduct(f(x), x, v) is H v.
    const m = 4;
    const matValue = matrix(randn(1, m * m), m, m);
    const vValue = matrix(randn(2, m), m, 1);
    const xValue = matrix(randn(3, m), m, 1);
    const hessVValue = matValue.map((row, i) => [row.reduce((s, _, j) => s + (matValue[i][j] + matValue[j][i]) * vValue[j][0], 0)]);
    const mat = tf.constant(matValue);
    const v = tf.constant(vValue);
    const x = tf.constant(xValue);
    const matX = tf.matmul(mat, x, { name: "Ax" });
    const xMatX = tf.matmul(tf.transpose(x), matX, { name: "xAx" });
    // gradients_impl._hessian_vector_product
    const [grad] = tf.gradients(xMatX, [x]);
    const hessV = tf.gradients([tf.multiply(grad as tf.Tensor, tf.stopGradient(v))], [x])[0];
    expectAllClose(evaluate(hessV), hessVValue, 1e-5, 1e-5);
  });
});

describe("HessianTest", () => {
  // gradients_test.py HessianTest.testHessian1D
  test("testHessian1D", () => {
    const m = 4;
    const matValue = matrix(randn(4, m * m), m, m);
    const xValue = randn(5, m);
    const hessValue = matValue.map((row, i) => row.map((_, j) => matValue[i][j] + matValue[j][i]));
    const mat = tf.constant(matValue);
    const x = tf.constant(xValue);
    const xMatX = tf.reduceSum(tf.multiply(tf.multiply(tf.reshape(x, [m, 1]), mat), tf.reshape(x, [1, m])));
    const hess = tf.hessians(xMatX, x)[0];
    expectAllClose(evaluate(hess), hessValue, 1e-5, 1e-5);
  });
  // gradients_test.py HessianTest.testHessian2D_square_matrix and testHessian2D_non_square_matrix
  test.each([
    ["testHessian2D_square_matrix", 3, 3],
    ["testHessian2D_non_square_matrix", 3, 4],
  ] as const)("%s", (_name, m, n) => {
    // The Hessian of f(x) = 1/2 sum(x^T x) is the block identity matrix.
    const x = tf.constant(matrix(randn(6, m * n), m, n));
    const xSquare = tf.reduceSum(tf.multiply(tf.matmul(tf.transpose(x), x), 0.5));
    const hess = tf.hessians(xSquare, x)[0];
    const actual = tf.withSession(tf.Session(), (s) => s.run(hess) as tf.NDArray);
    expect(actual.shape).toEqual([m, n, m, n]);
    const hessValue = Array.from({ length: m * n }, (_, r) =>
      Array.from({ length: m * n }, (_, c) => (Math.floor(r / n) === Math.floor(c / n) ? 1 : 0)),
    );
    expectAllClose(actual.reshape([m * n, m * n]), hessValue);
  });
});

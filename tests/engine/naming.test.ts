// How ops get their names (tensorflow/python/framework/ops.py: `Graph.unique_name`, `Graph.name_scope`,
// `Graph.create_op`; op_def_library.py `apply_op`) (uniquifying, name scopes, default names, sub-ops).
import * as tf from "tensorlings";
import { expectTfError, opNames, opNamesAndTypes } from "./helpers";

beforeEach(() => tf.resetDefaultGraph());

const c = (name?: string) => tf.constant(1, { name });

describe("unique names", () => {
  test("repeated names get _1, _2 suffixes", () => {
    expect([c("a"), c("a"), c("a")].map((t) => t.op.name)).toEqual(["a", "a_1", "a_2"]);
  });

  test("an explicit request for a generated name gets a second suffix (a_1_1)", () => {
    c("a");
    c("a");
    expect(c("a_1").op.name).toBe("a_1_1");
    // and the generated a_1_1 is itself marked used
    expect(c("a_1_1").op.name).toBe("a_1_1_1");
  });

  test("the check is case-insensitive but the returned name keeps its case", () => {
    expect(c("Foo").op.name).toBe("Foo");
    expect(c("foo").op.name).toBe("foo_1");
    expect(c("FOO").op.name).toBe("FOO_2");
  });

  test("tf.add then x + y gives Add, add_1", () => {
    const x = c("x");
    const y = c("y");
    expect(tf.add(x, y).op.name).toBe("Add");
    expect(x.add(y).op.name).toBe("add_1");
  });

  test("names are keyed with their scope prefix", () => {
    const x = c("x");
    const inScope = tf.nameScope("loss", () => x.sub(x));
    expect(inScope.op.name).toBe("loss/sub");
    expect(x.sub(x).op.name).toBe("sub");
  });

  test("entering a name scope marks its name as used", () => {
    tf.nameScope("loss", () => undefined);
    expect(c("loss").op.name).toBe("loss_1");
  });

  test("Graph.uniqueName can peek without marking", () => {
    const g = tf.getDefaultGraph();
    c("w");
    expect(g.uniqueName("w", false)).toBe("w_1");
    expect(g.uniqueName("w", false)).toBe("w_1");
    expect(g.uniqueName("w")).toBe("w_1");
    expect(g.uniqueName("w")).toBe("w_2");
  });
});

describe("name scopes", () => {
  test("yields the scope with a trailing slash, nests and uniquifies", () => {
    expect(tf.nameScope("loss", (s) => s)).toBe("loss/");
    expect(tf.nameScope("loss", (s) => s)).toBe("loss_1/");
    expect(tf.nameScope("a", () => tf.nameScope("b", (s) => s))).toBe("a/b/");
    expect(tf.nameScope("a", () => tf.nameScope("b", (s) => s))).toBe("a_1/b/");
  });

  test("a name ending in / re-enters that scope without uniquifying", () => {
    const x = c("x");
    const [scope, first] = tf.nameScope("loss", (s) => [s, x.sub(x)] as const);
    const [again, second] = tf.nameScope(scope, (s) => [s, x.sub(x)] as const);
    expect(again).toBe("loss/");
    expect(first.op.name).toBe("loss/sub");
    expect(second.op.name).toBe("loss/sub_1");
    // re-entry from inside another scope is absolute
    expect(tf.nameScope("other", () => tf.nameScope("loss/", () => x.sub(x)).op.name)).toBe("loss/sub_2");
  });

  test("null or empty string resets to the root scope", () => {
    expect(tf.nameScope("outer", () => tf.nameScope(null, (s) => [s, c("k").op.name]))).toEqual(["", "k"]);
    expect(tf.nameScope("outer", () => tf.nameScope("", (s) => [s, c("k").op.name]))).toEqual(["", "k_1"]);
  });

  test("defaultName is used when name is null", () => {
    expect(tf.nameScope(null, { defaultName: "relu" }, (s) => s)).toBe("relu/");
    expect(tf.nameScope(null, { defaultName: "relu" }, (s) => s)).toBe("relu_1/");
    expect(tf.nameScope("given", { defaultName: "relu" }, (s) => s)).toBe("given/");
  });

  test("values switch the default graph to theirs", () => {
    const g = tf.Graph();
    const t = g.asDefault(() => c("t"));
    const [graph, name] = tf.nameScope("s", { values: [t] }, () => [tf.getDefaultGraph(), c("u").op.name] as const);
    expect(graph).toBe(g);
    expect(name).toBe("s/u");
    expect(tf.getDefaultGraph()).not.toBe(g);
  });

  test("invalid scope names raise TF's ValueError", () => {
    expectTfError(() => tf.nameScope("_bad", () => 0), "ValueError", "'_bad' is not a valid scope name");
    expectTfError(() => tf.nameScope("a b", () => 0), "ValueError", "'a b' is not a valid scope name");
    expectTfError(() => tf.nameScope("-x", () => 0), "ValueError", "'-x' is not a valid scope name");
    // inside a scope the first character may be _ or -
    expect(tf.nameScope("ok", () => tf.nameScope("_fine", (s) => s))).toBe("ok/_fine/");
    expect(tf.nameScope("ok", () => tf.nameScope("-fine", (s) => s))).toBe("ok_1/-fine/");
    expectTfError(() => tf.nameScope("ok", () => tf.nameScope("not ok", () => 0)), "ValueError", "'not ok' is not a valid scope name");
  });

  test("null name and defaultName with values is an error", () => {
    const t = c("t");
    expectTfError(
      () => tf.nameScope(null, { values: [t] }, () => 0),
      "ValueError",
      "At least one of name (None) and default_name (None) must be provided.",
    );
  });

  test("the scope is restored when the callback throws", () => {
    expect(() =>
      tf.nameScope("boom", () => {
        throw new Error("x");
      }),
    ).toThrow("x");
    expect(c("after").op.name).toBe("after");
  });

  test("the notebook's loss scope: loss/sub and loss/mse", () => {
    const yPred = tf.placeholder(tf.float32, { shape: [null, 1], name: "predictions" });
    const y = tf.placeholder(tf.float32, { shape: [null, 1], name: "y" });
    const [error, mse] = tf.nameScope("loss", () => {
      const err = yPred.sub(y);
      return [err, tf.reduceMean(tf.square(err), null, { name: "mse" })];
    });
    expect(error.op.name).toBe("loss/sub");
    expect(mse.op.name).toBe("loss/mse");
    expect(opNames()).toEqual(["predictions", "y", "loss/sub", "loss/Square", "loss/Const", "loss/mse"]);
  });

  test("the notebook's a, a_1, param/a, param_1/a", () => {
    const a1 = tf.Variable(0, { name: "a" });
    const a2 = tf.Variable(0, { name: "a" });
    const a3 = tf.nameScope("param", () => tf.Variable(0, { name: "a" }));
    const a4 = tf.nameScope("param", () => tf.Variable(0, { name: "a" }));
    expect([a1, a2, a3, a4].map((v) => v.op.name)).toEqual(["a", "a_1", "param/a", "param_1/a"]);
  });
});

describe("default op names and sub-ops", () => {
  const f = () => tf.placeholder(tf.float32, { shape: [2, 2], name: "t" });

  test("constants, placeholders and variables", () => {
    tf.constant(1);
    tf.constant(2);
    tf.placeholder(tf.float32);
    tf.Variable(1);
    expect(opNamesAndTypes()).toEqual([
      ["Const", "Const"],
      ["Const_1", "Const"],
      ["Placeholder", "Placeholder"],
      ["Variable/initial_value", "Const"],
      ["Variable", "VariableV2"],
      ["Variable/Assign", "Assign"],
      ["Variable/read", "Identity"],
    ]);
  });

  test("a variable initialised from a tensor has no initial_value const", () => {
    const init = tf.zeros([2]);
    const v = tf.Variable(init, { name: "v" });
    expect(opNames()).toEqual(["zeros", "v", "v/Assign", "v/read"]);
    expect(v.initialValue).toBe(init);
    expect(v.initializer.name).toBe("v/Assign");
    expect(v.snapshot.name).toBe("v/read:0");
  });

  test("operator methods use lower-case scopes and put JS operands under <scope>/y", () => {
    const t = f();
    t.add(2);
    t.add(2);
    t.sub(1);
    t.mul(3);
    t.div(4);
    t.matmul(t);
    t.neg();
    expect(opNamesAndTypes().slice(1)).toEqual([
      ["add/y", "Const"],
      ["add", "Add"],
      ["add_1/y", "Const"],
      ["add_1", "Add"],
      ["sub/y", "Const"],
      ["sub", "Sub"],
      ["mul/y", "Const"],
      ["mul", "Mul"],
      ["truediv/y", "Const"],
      ["truediv", "RealDiv"],
      ["matmul", "MatMul"],
      ["Neg", "Neg"],
    ]);
  });

  test("reflected operators put the JS operand under <scope>/x", () => {
    const t = f();
    t.rsub(1);
    t.rdiv(1);
    t.rmul(2);
    t.radd(2);
    expect(opNames().slice(1)).toEqual(["sub/x", "sub", "truediv/x", "truediv", "mul/x", "mul", "add/x", "add"]);
  });

  test("tf.add/subtract/multiply/matmul use the op type as default name", () => {
    const t = f();
    tf.add(t, 2);
    tf.subtract(t, t);
    tf.multiply(t, t);
    tf.matmul(t, t);
    tf.maximum(t, 0);
    tf.matrixInverse(t);
    tf.square(t);
    expect(opNames().slice(1)).toEqual([
      "Add/y",
      "Add",
      "Sub",
      "Mul",
      "MatMul",
      "Maximum/y",
      "Maximum",
      "MatrixInverse",
      "Square",
    ]);
  });

  test("unary functions are named after their op type", () => {
    const t = f();
    for (const fn of [tf.sigmoid, tf.log, tf.exp, tf.cos, tf.sin, tf.sqrt, tf.tanh, tf.neg]) fn(t);
    tf.nn.relu(t);
    expect(opNamesAndTypes().slice(1)).toEqual(
      ["Sigmoid", "Log", "Exp", "Cos", "Sin", "Sqrt", "Tanh", "Neg", "Relu"].map((n) => [n, n]),
    );
  });

  test("tf.maximum(z, 0., name='relu') creates relu/y then relu", () => {
    tf.maximum(f(), 0, { name: "relu" });
    expect(opNamesAndTypes().slice(1)).toEqual([
      ["relu/y", "Const"],
      ["relu", "Maximum"],
    ]);
  });

  test("integer true division casts both sides inside its scope", () => {
    const i = tf.constant([1, 2], { dtype: tf.int32, name: "i" });
    const q = i.div(i);
    expect(q.dtype).toBe(tf.float64);
    expect(opNamesAndTypes().slice(1)).toEqual([
      ["truediv/Cast", "Cast"],
      ["truediv/Cast_1", "Cast"],
      ["truediv", "RealDiv"],
    ]);
  });

  test("tf.transpose without perm builds the perm from Rank/sub/Range", () => {
    const t = tf.placeholder(tf.float32, { shape: [3, 2], name: "X" });
    const tt = tf.transpose(t);
    expect(opNamesAndTypes().slice(1)).toEqual([
      ["transpose/Rank", "Rank"],
      ["transpose/sub/y", "Const"],
      ["transpose/sub", "Sub"],
      ["transpose/Range/start", "Const"],
      ["transpose/Range/delta", "Const"],
      ["transpose/Range", "Range"],
      ["transpose/sub_1", "Sub"],
      ["transpose", "Transpose"],
    ]);
    // TF sets the reversed static shape explicitly
    expect(String(tt)).toBe('Tensor("transpose:0", shape=(2, 3), dtype=float32)');
    tf.transpose(t, [1, 0]);
    expect(opNames().slice(-2)).toEqual(["transpose_1/perm", "transpose_1"]);
  });

  test("reduce_mean without axis creates its axes Const in the current scope before the op", () => {
    const t = f();
    tf.reduceMean(t);
    tf.reduceSum(t, 1);
    tf.reduceMax(t, null, { name: "m" });
    expect(opNamesAndTypes().slice(1)).toEqual([
      ["Const", "Const"],
      ["Mean", "Mean"],
      ["Sum/reduction_indices", "Const"],
      ["Sum", "Sum"],
      ["Const_1", "Const"],
      ["m", "Max"],
    ]);
  });

  test("concat: axis const under the op's scope; a single value passes through an Identity", () => {
    const t = f();
    tf.concat([t, t], 0);
    tf.concat([t], 1);
    expect(opNamesAndTypes().slice(1)).toEqual([
      ["concat/axis", "Const"],
      ["concat", "ConcatV2"],
      ["concat_1/concat_dim", "Const"],
      ["concat_1", "Identity"],
    ]);
  });

  test("add_n: AddN, or the element itself, or a named Identity", () => {
    const t = f();
    expect(tf.addN([t, t]).op.name).toBe("AddN");
    expect(tf.addN([t])).toBe(t);
    const named = tf.addN([t], { name: "output" });
    expect([named.op.name, named.op.type]).toEqual(["output", "Identity"]);
  });

  test("tf.assign and the initializer", () => {
    const v = tf.Variable(1, { name: "v" });
    tf.assign(v, 2);
    const init = tf.globalVariablesInitializer();
    expect(opNames()).toEqual(["v/initial_value", "v", "v/Assign", "v/read", "Assign/value", "Assign", "init"]);
    expect([init.type, init.controlInputs.map((o) => o.name)]).toEqual(["NoOp", ["v/Assign"]]);
    expect(String(init)).toBe("<tf.Operation 'init' type=NoOp>");
  });

  test("random_uniform sub-ops", () => {
    tf.randomUniform([9, 1], -1, 1);
    expect(opNamesAndTypes()).toEqual([
      ["random_uniform/shape", "Const"],
      ["random_uniform/min", "Const"],
      ["random_uniform/max", "Const"],
      ["random_uniform/RandomUniform", "RandomUniform"],
      ["random_uniform/sub", "Sub"],
      ["random_uniform/mul", "Mul"],
      ["random_uniform", "Add"],
    ]);
  });

  test("random_normal and truncated_normal sub-ops", () => {
    tf.randomNormal([3]);
    tf.truncatedNormal([3]);
    tf.randomNormal([3]);
    expect(opNamesAndTypes()).toEqual([
      ["random_normal/shape", "Const"],
      ["random_normal/mean", "Const"],
      ["random_normal/stddev", "Const"],
      ["random_normal/RandomStandardNormal", "RandomStandardNormal"],
      ["random_normal/mul", "Mul"],
      ["random_normal", "Add"],
      ["truncated_normal/shape", "Const"],
      ["truncated_normal/mean", "Const"],
      ["truncated_normal/stddev", "Const"],
      ["truncated_normal/TruncatedNormal", "TruncatedNormal"],
      ["truncated_normal/mul", "Mul"],
      ["truncated_normal", "Add"],
      ["random_normal_1/shape", "Const"],
      ["random_normal_1/mean", "Const"],
      ["random_normal_1/stddev", "Const"],
      ["random_normal_1/RandomStandardNormal", "RandomStandardNormal"],
      ["random_normal_1/mul", "Mul"],
      ["random_normal_1", "Add"],
    ]);
  });

  test("tensors, ops and variables print like TF", () => {
    const x = tf.Variable(3, { name: "x", dtype: tf.int32 });
    const y = tf.Variable(4, { name: "y", dtype: tf.int32 });
    const fx = x.mul(x).mul(y).add(y).add(2);
    expect(String(fx)).toBe('Tensor("add_1:0", shape=(), dtype=int32)');
    expect(fx.repr()).toBe("<tf.Tensor 'add_1:0' shape=() dtype=int32>");
    expect(fx.name).toBe("add_1:0");
    expect(String(x)).toBe("<tf.Variable 'x:0' shape=() dtype=int32_ref>");
    expect(String(fx.op)).toBe("<tf.Operation 'add_1' type=Add>");
    expect(String(tf.placeholder(tf.float32))).toBe('Tensor("Placeholder:0", dtype=float32)');
    expect(String(tf.placeholder(tf.float32, { shape: [null, 3] }))).toBe('Tensor("Placeholder_1:0", shape=(?, 3), dtype=float32)');
    expect(String(tf.zeros([5]))).toBe('Tensor("zeros:0", shape=(5,), dtype=float32)');
  });
});

describe("worked examples", () => {
  test("f = x*x*y + y + 2: every op in creation order, operands read through x/read", () => {
    const x = tf.Variable(3, { name: "x" });
    const y = tf.Variable(4, { name: "y" });
    const f = x.mul(x).mul(y).add(y).add(2);
    expect(opNames()).toEqual([
      "x/initial_value",
      "x",
      "x/Assign",
      "x/read",
      "y/initial_value",
      "y",
      "y/Assign",
      "y/read",
      "mul",
      "mul_1",
      "add",
      "add_1/y",
      "add_1",
    ]);
    const g = tf.getDefaultGraph();
    const inputs = (name: string) => g.getOperationByName(name).inputs.map((t) => t.name);
    expect(inputs("mul")).toEqual(["x/read:0", "x/read:0"]);
    expect(inputs("mul_1")).toEqual(["mul:0", "y/read:0"]);
    expect(inputs("add")).toEqual(["mul_1:0", "y/read:0"]);
    expect(inputs("add_1")).toEqual(["add:0", "add_1/y:0"]);
    expect(inputs("x/Assign")).toEqual(["x:0", "x/initial_value:0"]);
    expect(f.name).toBe("add_1:0");
  });

  test("linear regression with manual gradients", () => {
    const m = 4;
    const X = tf.constant(
      [
        [1, 0.5],
        [1, -1],
        [1, 2],
        [1, 0],
      ],
      { dtype: tf.float32, name: "X" },
    );
    const y = tf.constant([[1], [2], [3], [4]], { dtype: tf.float32, name: "y" });
    const theta = tf.Variable(tf.randomUniform([2, 1], -1.0, 1.0, { seed: 42 }), { name: "theta" });
    const yPred = tf.matmul(X, theta, { name: "predictions" });
    const error = yPred.sub(y);
    const mse = tf.reduceMean(tf.square(error), null, { name: "mse" });
    const gradients = tf.matmul(tf.transpose(X), error).rmul(2 / m);
    const trainingOp = tf.assign(theta, theta.sub(gradients.rmul(0.01)));
    tf.globalVariablesInitializer();
    expect(opNames()).toEqual([
      "X",
      "y",
      "random_uniform/shape",
      "random_uniform/min",
      "random_uniform/max",
      "random_uniform/RandomUniform",
      "random_uniform/sub",
      "random_uniform/mul",
      "random_uniform",
      "theta",
      "theta/Assign",
      "theta/read",
      "predictions",
      "sub",
      "Square",
      "Const",
      "mse",
      "transpose/Rank",
      "transpose/sub/y",
      "transpose/sub",
      "transpose/Range/start",
      "transpose/Range/delta",
      "transpose/Range",
      "transpose/sub_1",
      "transpose",
      "MatMul",
      "mul/x",
      "mul",
      "mul_1/x",
      "mul_1",
      "sub_1",
      "Assign",
      "init",
    ]);
    expect(String(mse)).toBe('Tensor("mse:0", shape=(), dtype=float32)');
    expect(String(gradients)).toBe('Tensor("mul:0", shape=(2, 1), dtype=float32)');
    expect(trainingOp.op.name).toBe("Assign");
  });
});

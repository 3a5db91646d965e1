// variable_scope / get_variable (tensorflow/python/ops/variable_scope.py, `VariableScope.get_variable`)
// and the notebook's sharing examples.
import * as tf from "tensorlings";
import { expectTfError, opNames } from "./helpers";

beforeEach(() => tf.resetDefaultGraph());

const zeroInit = () => tf.constantInitializer(0.0);
/** Initialise every variable, then fetch (two runs: one run would not order the reads after the assigns). */
const initThenRun = <const F extends tf.Fetch>(fetches: F) =>
  tf.withSession(tf.Session(), (s) => {
    s.run(tf.globalVariablesInitializer());
    return s.run(fetches);
  });
const threshold = () => tf.getVariable("threshold", { shape: [], initializer: zeroInit() });

describe("variable scopes", () => {
  test("the notebook's my_scope/x ... x5 example", () => {
    const [x0, x1, x2] = tf.variableScope("my_scope", () => [
      tf.getVariable("x", { shape: [], initializer: tf.constantInitializer(0) }),
      tf.Variable(0, { name: "x" }),
      tf.Variable(0, { name: "x" }),
    ]);
    const [x3, x4] = tf.variableScope("my_scope", { reuse: true }, () => [tf.getVariable("x"), tf.Variable(0, { name: "x" })]);
    const x5 = tf.variableScope("", { defaultName: "", reuse: true }, () => tf.getVariable("my_scope/x"));
    expect([x0, x1, x2, x3, x4, x5].map((v) => v.op.name)).toEqual([
      "my_scope/x",
      "my_scope/x_1",
      "my_scope/x_2",
      "my_scope/x",
      "my_scope_1/x",
      "my_scope/x",
    ]);
    expect(x0 === x3 && x3 === x5).toBe(true);
  });

  test("get_variable with a constant initializer creates Initializer/Const, the variable, Assign, read", () => {
    const t = tf.variableScope("relu", threshold);
    expect(opNames()).toEqual(["relu/threshold/Initializer/Const", "relu/threshold", "relu/threshold/Assign", "relu/threshold/read"]);
    expect(t.name).toBe("relu/threshold:0");
    expect(initThenRun(t).item()).toBe(0);
  });

  test("a string scope uniquifies its name scope but not its variable scope", () => {
    const first = tf.variableScope("relu", (scope) => [scope.name, tf.constant(1).op.name, threshold().op.name]);
    const second = tf.variableScope("relu", { reuse: true }, (scope) => [
      scope.name,
      tf.constant(1).op.name,
      tf.getVariable("threshold").op.name,
    ]);
    const third = tf.variableScope("relu", { reuse: true }, () => tf.constant(1).op.name);
    expect(first).toEqual(["relu", "relu/Const", "relu/threshold"]);
    expect(second).toEqual(["relu", "relu_1/Const", "relu/threshold"]);
    expect(third).toBe("relu_2/Const");
  });

  test("get_variable ignores the current name scope", () => {
    const v = tf.nameScope("ns", () => tf.variableScope("vs", () => [tf.constant(1).op.name, tf.getVariable("v", { shape: [2] }).op.name]));
    expect(v).toEqual(["ns/vs/Const", "vs/v"]);
    expect(tf.nameScope("ns2", () => tf.getVariable("w", { shape: [], initializer: zeroInit() }).op.name)).toBe("w");
  });

  test("nested variable scopes join their names", () => {
    const v = tf.variableScope("a", () => tf.variableScope("b", (s) => [s.name, threshold().op.name]));
    expect(v).toEqual(["a/b", "a/b/threshold"]);
  });

  test("default_name scopes are made unique by how often the scope was opened", () => {
    const names = [1, 2, 3].map(() => tf.variableScope(null, { defaultName: "layer" }, (s) => [s.name, tf.constant(1).op.name]));
    expect(names).toEqual([
      ["layer", "layer/Const"],
      ["layer_1", "layer_1/Const"],
      ["layer_2", "layer_2/Const"],
    ]);
  });

  test("leaving a string scope restarts default-named sub-scopes, while name scopes stay unique", () => {
    const inner = () => tf.variableScope(null, { defaultName: "d" }, (s) => [s.name, tf.constant(1).op.name]);
    const a = tf.variableScope("outer", () => [inner(), inner()]);
    const b = tf.variableScope("outer", () => inner());
    expect(a).toEqual([
      ["outer/d", "outer/d/Const"],
      ["outer/d_1", "outer/d_1/Const"],
    ]);
    expect(b).toEqual(["outer/d", "outer_1/d/Const"]);
  });

  test("a captured scope object re-enters its variable scope under a new name scope", () => {
    const captured = tf.variableScope("layer", (s) => {
      threshold();
      return s;
    });
    const [name, constName, t] = tf.variableScope(captured, { reuse: true }, (s) => [
      s.name,
      tf.constant(1).op.name,
      tf.getVariable("threshold"),
    ]);
    expect([name, constName, t.op.name]).toEqual(["layer", "layer_1/Const", "layer/threshold"]);
    // from inside another scope, the object still jumps to its own name
    expect(tf.variableScope("elsewhere", () => tf.variableScope(captured, { reuse: true }, (s) => s.name))).toBe("layer");
    // without reuse it keeps the object's own flag (None here), so recreating fails
    expectTfError(
      () => tf.variableScope(captured, threshold),
      "ValueError",
      "Variable layer/threshold already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:",
    );
  });

  test("re-entering a scope object restores the open counts saved after entering it", () => {
    const captured = tf.variableScope("outer", () => tf.variableScope("inner", (s) => s));
    const name = tf.variableScope("outer", () => {
      tf.variableScope(captured, () => undefined);
      return tf.variableScope(null, { defaultName: "inner" }, (s) => s.name);
    });
    expect(name).toBe("outer/inner_1");
  });

  test("reuse is inherited and cannot be turned off below", () => {
    const flags = tf.variableScope("a", { reuse: true }, (a) => [
      a.reuse,
      tf.variableScope("b", (b) => b.reuse),
      tf.variableScope("c", { reuse: false }, (c) => c.reuse),
    ]);
    expect(flags).toEqual([true, true, true]);
    expect(tf.variableScope("d", { reuse: false }, (d) => d.reuse)).toBe(null);
    expect(tf.variableScope("e", { reuse: tf.AUTO_REUSE }, () => tf.variableScope("f", (f) => f.reuse))).toBe(tf.AUTO_REUSE);
  });

  test("AUTO_REUSE creates the variable once and returns it afterwards", () => {
    const get = () => tf.variableScope("auto", { reuse: tf.AUTO_REUSE }, threshold);
    const a = get();
    const b = get();
    expect(a).toBe(b);
    expect(tf.globalVariables()).toEqual([a]);
  });

  test("reuseVariables() switches the current scope to reuse", () => {
    const [a, b, flag] = tf.variableScope("relu", (scope) => {
      const first = threshold();
      scope.reuseVariables();
      return [first, tf.getVariable("threshold"), tf.getVariableScope().reuse];
    });
    expect(a).toBe(b);
    expect(flag).toBe(true);
  });

  test("tf.getVariableScope() is the root scope outside any block, also after a block threw", () => {
    expect(tf.getVariableScope().name).toBe("");
    expect(tf.variableScope("s", () => tf.getVariableScope().name)).toBe("s");
    expect(() =>
      tf.variableScope("t", () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(tf.getVariableScope().name).toBe("");
    expect(tf.constant(1).op.name).toBe("Const");
  });

  test("variables from tf.Variable are not in the get_variable store", () => {
    tf.Variable(0, { name: "plain" });
    expectTfError(
      () => tf.variableScope("", { defaultName: "", reuse: true }, () => tf.getVariable("plain")),
      "ValueError",
      "Variable plain does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?",
    );
  });

  test("get_variable without an initializer: glorot uniform for floats, zeros for ints", () => {
    const w = tf.getVariable("w", { shape: [2, 3] });
    const n = tf.getVariable("n", { shape: [2], dtype: tf.int32 });
    expect(opNames()).toContain("w/Initializer/random_uniform");
    expect(opNames()).toContain("n/Initializer/zeros");
    const [wv, nv] = initThenRun([w, n]);
    const limit = Math.sqrt(6 / (2 + 3));
    expect(Array.from(wv.data as Float32Array).every((x) => Math.abs(x) <= limit)).toBe(true);
    expect(nv.toArray()).toEqual([0, 0]);
    expect(nv.dtype).toBe(tf.int32);
  });

  test("glorot uniform uses the receptive field for both fans of rank-3+ shapes", () => {
    // fan_in = 3*2, fan_out = 4*2 -> limit sqrt(6/14); with fan_out 4 it would be sqrt(6/10)
    const k = tf.getVariable("k", { shape: [2, 3, 4], initializer: tf.glorotUniformInitializer({ seed: 1 }) });
    const max = tf.getDefaultGraph().getOperationByName("k/Initializer/random_uniform/max").attrs.value;
    expect(max.kind === "tensor" && (max.value.data as Float32Array)[0]).toBeCloseTo(Math.sqrt(6 / 14), 6);
    expect(k.shape).toEqual([2, 3, 4]);
  });

  test("a scope's initializer and dtype are the defaults of get_variable inside it, children included", () => {
    const [a, b, n] = tf.variableScope("s", { initializer: tf.constantInitializer(5) }, () => [
      tf.getVariable("a", { shape: [2] }),
      tf.variableScope("child", () => tf.getVariable("b", { shape: [] })),
      tf.variableScope("ints", { dtype: tf.int32 }, () => tf.getVariable("n", { shape: [] })),
    ]);
    expect(n.dtype).toBe(tf.int32);
    const [av, bv, nv] = initThenRun([a, b, n]);
    expect([av.toArray(), bv.item(), nv.item()]).toEqual([[5, 5], 5, 5]);
  });

  test("tf.Variable with a callable initial value builds it under <name>/Initializer", () => {
    tf.Variable(() => tf.zeros([2]), { name: "v" });
    expect(opNames()).toEqual(["v/Initializer/zeros", "v", "v/Assign", "v/read"]);
  });

  test("get_variable with a tensor or value initializer takes its shape", () => {
    const v = tf.getVariable("v", { initializer: tf.constant([1, 2, 3]) });
    expect(v.shape).toEqual([3]);
    expect(initThenRun(v).toArray()).toEqual([1, 2, 3]);
  });
});

describe("variable scope and get_variable errors", () => {
  test("an existing variable without reuse", () => {
    tf.variableScope("relu", threshold);
    expectTfError(
      () => tf.variableScope("relu", threshold),
      "ValueError",
      "Variable relu/threshold already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:",
    );
  });

  test("a missing variable with reuse=True", () => {
    expectTfError(
      () => tf.variableScope("relu", { reuse: true }, () => tf.getVariable("threshold")),
      "ValueError",
      "Variable relu/threshold does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?",
    );
  });

  test("sharing with another shape or dtype", () => {
    tf.variableScope("s", () => tf.getVariable("v", { shape: [3], initializer: zeroInit() }));
    expectTfError(
      () => tf.variableScope("s", { reuse: true }, () => tf.getVariable("v", { shape: [2, 3] })),
      "ValueError",
      "Trying to share variable s/v, but specified shape (2, 3) and found shape (3,).",
    );
    expectTfError(
      () => tf.variableScope("s", { reuse: true }, () => tf.getVariable("v", { dtype: tf.int32 })),
      "ValueError",
      "Trying to share variable s/v, but specified dtype int32 and found dtype float32_ref.",
    );
    // get_variable's dtype defaults to float32, so an int32 variable cannot be fetched without it
    tf.variableScope("i", () => tf.getVariable("n", { shape: [], dtype: tf.int32 }));
    expectTfError(
      () => tf.variableScope("i", { reuse: true }, () => tf.getVariable("n")),
      "ValueError",
      "Trying to share variable i/n, but specified dtype float32 and found dtype int32_ref.",
    );
    expect(tf.variableScope("i", { reuse: true }, () => tf.getVariable("n", { dtype: tf.int32 })).dtype).toBe(tf.int32);
  });

  test("a constant initializer with a shape", () => {
    expectTfError(
      () => tf.getVariable("c", { shape: [2], initializer: tf.constant([1, 2]) }),
      "ValueError",
      "If initializer is a constant, do not specify shape.",
    );
  });

  test("a new variable needs a fully defined shape", () => {
    expectTfError(
      () => tf.getVariable("u"),
      "ValueError",
      "Shape of a new variable (u) must be fully defined, but instead was <unknown>.",
    );
    expectTfError(
      () => tf.getVariable("u", { shape: [null, 2] }),
      "ValueError",
      "Shape of a new variable (u) must be fully defined, but instead was (?, 2).",
    );
  });

  test("variable_scope argument errors", () => {
    expectTfError(() => tf.variableScope(null, () => 0), "TypeError", "If default_name is None then name_or_scope is required");
    expectTfError(
      () => tf.variableScope(null, { defaultName: "d", reuse: true }, () => 0),
      "ValueError",
      "reuse=True cannot be used without a name_or_scope",
    );
    expectTfError(
      () => tf.variableScope("s", { reuse: "yes" as never }, () => 0),
      "ValueError",
      "The reuse parameter must be True or False or None.",
    );
  });
});

describe("the notebook's relu() variants", () => {
  const nFeatures = 3;
  const X = () => tf.placeholder(tf.float32, { shape: [null, nFeatures], name: "X" });
  /** Weights, bias, z = X·w + b as in the book; returns z. */
  const linear = (x: tf.Tensor) => {
    const w = tf.Variable(tf.randomNormal([nFeatures, 1]), { name: "weights" });
    const b = tf.Variable(0.0, { name: "bias" });
    return tf.add(tf.matmul(x, w), b, { name: "z" });
  };
  const finalOps = () => opNames().filter((n) => /(^|\/)(relu|max|output)(_\d+)?$/.test(n));

  test("relu1: plain function, every op uniquified at the root", () => {
    const x = X();
    const relu = (input: tf.Tensor) => tf.maximum(linear(input), 0, { name: "relu" });
    const relus = [0, 1].map(() => relu(x));
    tf.addN(relus, { name: "output" });
    expect(opNames()).toEqual([
      "X",
      "random_normal/shape",
      "random_normal/mean",
      "random_normal/stddev",
      "random_normal/RandomStandardNormal",
      "random_normal/mul",
      "random_normal",
      "weights",
      "weights/Assign",
      "weights/read",
      "bias/initial_value",
      "bias",
      "bias/Assign",
      "bias/read",
      "MatMul",
      "z",
      "relu/y",
      "relu",
      "random_normal_1/shape",
      "random_normal_1/mean",
      "random_normal_1/stddev",
      "random_normal_1/RandomStandardNormal",
      "random_normal_1/mul",
      "random_normal_1",
      "weights_1",
      "weights_1/Assign",
      "weights_1/read",
      "bias_1/initial_value",
      "bias_1",
      "bias_1/Assign",
      "bias_1/read",
      "MatMul_1",
      "z_1",
      "relu_1/y",
      "relu_1",
      "output",
    ]);
  });

  test("relu2: one name scope per call", () => {
    const x = X();
    const relu = (input: tf.Tensor) => tf.nameScope("relu", () => tf.maximum(linear(input), 0, { name: "max" }));
    const relus = [0, 1, 2].map(() => relu(x));
    tf.addN(relus, { name: "output" });
    expect(finalOps()).toEqual(["relu/max", "relu_1/max", "relu_2/max", "output"]);
    expect(opNames()).toContain("relu_1/weights/read");
    expect(opNames()).toContain("relu_2/bias/initial_value");
  });

  test("relu6: threshold created once, then read with reuse=True in each call", () => {
    const x = X();
    const relu = (input: tf.Tensor) =>
      tf.variableScope("relu", { reuse: true }, () => tf.maximum(linear(input), tf.getVariable("threshold"), { name: "max" }));
    const t = tf.variableScope("relu", threshold);
    const relus = [0, 1, 2, 3, 4].map(() => relu(x));
    tf.addN(relus, { name: "output" });
    expect(opNames().slice(0, 5)).toEqual(["X", "relu/threshold/Initializer/Const", "relu/threshold", "relu/threshold/Assign", "relu/threshold/read"]);
    expect(finalOps()).toEqual(["relu_1/max", "relu_2/max", "relu_3/max", "relu_4/max", "relu_5/max", "output"]);
    expect(relus.every((r) => r.op.inputs[1] === t.snapshot)).toBe(true);
  });

  test("relu8: a root scope entered with default_name='' and reuse_variables()", () => {
    const x = X();
    const relu = (input: tf.Tensor) => tf.variableScope("relu", () => tf.maximum(linear(input), threshold(), { name: "max" }));
    const relus = tf.variableScope("", { defaultName: "" }, (scope) => {
      const first = relu(x);
      scope.reuseVariables();
      return [first, ...[0, 1, 2, 3].map(() => relu(x))];
    });
    tf.addN(relus, { name: "output" });
    expect(finalOps()).toEqual(["relu/max", "relu_1/max", "relu_2/max", "relu_3/max", "relu_4/max", "output"]);
    expect(opNames().filter((n) => n.endsWith("threshold"))).toEqual(["relu/threshold"]);
  });

  test("relu9: reuse=(index >= 1) in a loop", () => {
    const x = X();
    const relu = (input: tf.Tensor) => tf.maximum(linear(input), threshold(), { name: "max" });
    const relus = [0, 1, 2, 3, 4].map((i) => tf.variableScope("relu", { reuse: i >= 1 }, () => relu(x)));
    tf.addN(relus, { name: "output" });
    expect(finalOps()).toEqual(["relu/max", "relu_1/max", "relu_2/max", "relu_3/max", "relu_4/max", "output"]);
    expect(tf.globalVariables().filter((v) => v.op.name.endsWith("threshold")).length).toBe(1);
  });
});

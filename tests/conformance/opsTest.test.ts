// Ported from tensorflow/python/framework/ops_test.py (see README.md for the version). TF's tests
// build placeholder op types ("FloatOutput", "TwoFloatInputsFloatOutput"); here a Const stands
// for a FloatOutput and a Mul for a TwoFloatInputsFloatOutput: the call is translated, the
// expectation kept.
import * as tf from "tensorlings";
import { evaluate, expectRaises, freshGraph } from "./helpers";

beforeEach(freshGraph);

const floatOutput = (name?: string) => tf.constant(1.0, { name: name ?? "FloatOutput" });
const twoInputs = (a: tf.Tensor, b: tf.Tensor) => tf.multiply(a, b);
const sortedNames = (ops: tf.Operation[]) => ops.map((o) => o.name).sort();

describe("TensorAndShapeTest", () => {
  // ops_test.py TensorAndShapeTest.testShape
  test("testShape", () => {
    const t = tf.placeholder(tf.float32, { shape: [1, 2, 3] });
    expect([...t.getShape()]).toEqual([1, 2, 3]);
  });
  // ops_test.py TensorAndShapeTest.testAddShape
  test("testAddShape", () => {
    const a = tf.placeholder(tf.float32, { shape: [null, 3] });
    a.setShape([2, 3]);
    expect([...a.getShape()]).toEqual([2, 3]);
    expectRaises(() => a.setShape([3, 3]), tf.ValueError);
  });
  // ops_test.py TensorAndShapeTest.testShapeFunctionError
  test("testShapeFunctionError", () => {
    const a = tf.ones([1, 2, 3]);
    const b = tf.ones([4, 5, 6]);
    expectRaises(
      () => tf.add(a, b),
      tf.ValueError,
      /Dimensions must be equal, but are 2 and 5 for 'add' \(op: 'Add(V2)?'\) with input shapes: \[1,2,3\], \[4,5,6\]/i,
    );
  });
});

describe("OperationTest", () => {
  // ops_test.py OperationTest.testNoInputs
  test("testNoInputs", () => {
    const op = tf.constant(1.0, { name: "myop" }).op;
    expect(op.inputs).toEqual([]);
    expect(op.name).toBe("myop");
    expect(op.outputs.length).toBe(1);
  });
  // ops_test.py OperationTest.testNoOutputs
  test("testNoOutputs", () => {
    const op = tf.noOp({ name: "myop" });
    expect(op.outputs).toEqual([]);
    expect(op.type).toBe("NoOp");
  });
  // ops_test.py OperationTest.testInputsAndOutputs
  test("testInputsAndOutputs", () => {
    const op1 = floatOutput("myop1").op;
    const op2 = tf.multiply(op1.outputs[0], op1.outputs[0], { name: "myop2" }).op;
    expect(op2.inputs).toEqual([op1.outputs[0], op1.outputs[0]]);
    expect(op2.outputs[0].name).toBe("myop2:0");
    expect(op1.outputs[0].consumers()).toEqual([op2]);
  });
  // ops_test.py OperationTest.testConvertToTensorNestedArray
  test("testConvertToTensorNestedArray", () => {
    const values = [[2], [3], [5], [7]];
    const tensor = tf.convertToTensor(values);
    expect([...tensor.getShape()]).toEqual([4, 1]);
    expect(evaluate(tensor)).toEqual(values);
  });
  // ops_test.py OperationTest.testConvertToTensorEager... not graph mode; testNoConvert
  test("testNoConvert", () => {
    expectRaises(() => tf.convertToTensor(undefined), tf.ValueError, "None values not supported");
  });
  // ops_test.py OperationTest.testStr
  test("testStr", () => {
    const op = floatOutput("op1").op;
    expect(String(op.outputs[0])).toBe('Tensor("op1:0", shape=(), dtype=float32)');
  });
  // ops_test.py OperationTest.testRepr (tensors)
  test("testReprTensor", () => {
    const t = floatOutput("op1");
    expect(t.repr()).toBe("<tf.Tensor 'op1:0' shape=() dtype=float32>");
  });
  // ops_test.py OperationTest.testGetAttr (an attr the op lacks is an error)
  test("testGetAttr", () => {
    const op = tf.constant(1.0, { name: "c" }).op;
    expect(op.attrType("dtype")).toBe(tf.float32);
    expect(() => op.attr("nonexistent")).toThrow(/no attr named 'nonexistent'/);
  });
});

describe("CreateOpTest", () => {
  // ops_test.py CreateOpTest.testNodeDefArgs
  test("testNodeDefArgs", () => {
    const g = tf.Graph();
    g.asDefault(() => {
      const op1 = floatOutput("myop1").op;
      const op2 = tf.identity(op1.outputs[0], { name: "myop2" }).op;
      expect(op2.nodeDefInputs).toEqual(["myop1"]);
      expect(op2.graph).toBe(g);
    });
  });
  // ops_test.py CreateOpTest.testFinalized
  test("testFinalized", () => {
    const g = tf.Graph();
    g.finalize();
    expectRaises(() => g.asDefault(() => floatOutput("myop1")), tf.RuntimeError);
    expectRaises(() => g.asDefault(() => floatOutput("myop1")), tf.errors.RuntimeError, "Graph is finalized and cannot be modified.");
  });
});

describe("NameStackTest", () => {
  // ops_test.py NameStackTest.testBasics
  test("testBasics", () => {
    const g = tf.Graph();
    const u = (name: string, mark = true) => g.uniqueName(name, mark);
    expect(u("foo", false)).toBe("foo");
    expect(u("foo", false)).toBe("foo");
    expect(u("foo")).toBe("foo");
    expect(u("foo", false)).toBe("foo_1");
    expect(u("foo")).toBe("foo_1");
    expect(u("foo", false)).toBe("foo_2");
    expect(u("foo")).toBe("foo_2");
    expect(u("foo_1", false)).toBe("foo_1_1");
    expect(u("foo_1")).toBe("foo_1_1");
    expect(u("foo_1", false)).toBe("foo_1_2");
    expect(u("foo_1")).toBe("foo_1_2");
    expect(u("foo_1_2", false)).toBe("foo_1_2_1");
    expect(u("foo_1_2")).toBe("foo_1_2_1");
    g.asDefault(() => {
      tf.nameScope("bar", () => {
        expect(u("foo", false)).toBe("bar/foo");
        expect(u("foo")).toBe("bar/foo");
        expect(u("foo", false)).toBe("bar/foo_1");
        expect(u("foo")).toBe("bar/foo_1");
        tf.nameScope(null, () => {
          expect(u("foo", false)).toBe("foo_3");
          expect(u("foo")).toBe("foo_3");
        });
        tf.nameScope("baz", () => {
          expect(u("foo", false)).toBe("bar/baz/foo");
          expect(u("foo")).toBe("bar/baz/foo");
          expect(u("foo", false)).toBe("bar/baz/foo_1");
          expect(u("foo")).toBe("bar/baz/foo_1");
        });
        tf.nameScope("baz", () => {
          expect(u("foo", false)).toBe("bar/baz_1/foo");
          expect(u("foo")).toBe("bar/baz_1/foo");
          expect(u("foo", false)).toBe("bar/baz_1/foo_1");
          expect(u("foo")).toBe("bar/baz_1/foo_1");
        });
      });
      tf.nameScope("quux", () => {
        expect(u("foo", false)).toBe("quux/foo");
        expect(u("foo")).toBe("quux/foo");
      });
      tf.nameScope("bar", () =>
        tf.nameScope("baz", () => {
          expect(u("foo", false)).toBe("bar_1/baz/foo");
          expect(u("foo")).toBe("bar_1/baz/foo");
        }),
      );
    });
    expect(u("foo", false)).toBe("foo_4");
    expect(u("bar", false)).toBe("bar_2");
  });
  // ops_test.py NameStackTest.testNameAndVariableScope
  test("testNameAndVariableScope", () => {
    tf.nameScope("l0", () => {
      tf.variableScope("l1", () => {
        tf.nameScope("l1", (scope) => {
          expect(scope).toBe("l0/l1/l1/");
          expect(tf.getDefaultGraph().uniqueName("foo", false)).toBe("l0/l1/l1/foo");
        });
      });
    });
  });
  // ops_test.py NameStackTest.testOutOfOrderUniqueName
  test("testOutOfOrderUniqueName", () => {
    const g = tf.Graph();
    expect(g.uniqueName("foo_2")).toBe("foo_2");
    expect(g.uniqueName("foo")).toBe("foo");
    expect(g.uniqueName("foo")).toBe("foo_1");
    expect(g.uniqueName("foo")).toBe("foo_3");
  });
  // ops_test.py NameStackTest.testInvalidNameRaisesError
  test("testInvalidNameRaisesError", () => {
    const g = tf.Graph();
    g.asDefault(() => {
      tf.nameScope("", () => undefined);
      tf.nameScope("foo", () => undefined);
      tf.nameScope("a1", () => undefined);
      expectRaises(() => tf.nameScope("_", () => undefined), tf.ValueError, "'_' is not a valid scope name");
      tf.nameScope("foo", () => {
        tf.nameScope("_", () => undefined);
      });
    });
  });
});

describe("NameTest", () => {
  // ops_test.py NameTest.testGenerateName
  test("testGenerateName", () => {
    const op0 = tf.unstack(tf.zeros([2]), { name: "TwoFloatOutputs" })[0].op;
    expect(op0.name).toBe("TwoFloatOutputs");
    expect(op0.outputs[0].name).toBe("TwoFloatOutputs:0");
    expect(op0.outputs[1].name).toBe("TwoFloatOutputs:1");
    const op1 = floatOutput().op;
    expect(op1.name).toBe("FloatOutput");
    expect(op1.outputs[0].name).toBe("FloatOutput:0");
    const op2 = floatOutput().op;
    expect(op2.name).toBe("FloatOutput_1");
    expect(op2.outputs[0].name).toBe("FloatOutput_1:0");
    const op3 = floatOutput("my_op").op;
    expect(op3.name).toBe("my_op");
    expect(op3.outputs[0].name).toBe("my_op:0");
  });
  // ops_test.py NameTest.testNameScope
  test("testNameScope", () => {
    const g = tf.Graph();
    g.asDefault(() => {
      tf.nameScope("foo", (foo) => {
        expect(foo).toBe("foo/");
        tf.nameScope("foo2", (foo2) => expect(foo2).toBe("foo/foo2/"));
        tf.nameScope(null, (empty1) => {
          expect(empty1).toBe("");
          tf.nameScope("foo3", (foo3) => expect(foo3).toBe("foo3/"));
        });
        tf.nameScope("", (empty2) => expect(empty2).toBe(""));
      });
      expect(floatOutput().op.name).toBe("FloatOutput");
      tf.nameScope("bar", (scope) => {
        expect(floatOutput().op.name).toBe("bar/FloatOutput");
        expect(floatOutput().op.name).toBe("bar/FloatOutput_1");
        // If you use the value from "with .. as", that value is used as-is.
        expect(floatOutput(scope).op.name).toBe("bar");
      });
      tf.nameScope("baz", (scope) => {
        tf.nameScope("quux", () => expect(floatOutput().op.name).toBe("baz/quux/FloatOutput"));
        // If you use the value from the enclosing "with .. as", nothing is pushed.
        tf.nameScope(scope, () => {
          expect(floatOutput().op.name).toBe("baz/FloatOutput");
          expect(floatOutput(scope).op.name).toBe("baz");
          expect(floatOutput("trailing/").op.name).toBe("trailing");
        });
      });
      tf.nameScope("bar", () => expect(floatOutput().op.name).toBe("bar_1/FloatOutput"));
      tf.nameScope("bar/", () => expect(floatOutput().op.name).toBe("bar/FloatOutput_2"));
    });
  });
});

describe("ControlDependenciesTest", () => {
  // ops_test.py ControlDependenciesTest.testBasic
  test("testBasic", () => {
    const a = tf.constant(1.0);
    const b = tf.constant(1.0);
    const [c, d, e] = tf.controlDependencies([a], () => {
      const c = tf.constant(1.0);
      return [c, tf.identity(b), tf.identity(c)];
    });
    expect(c.op.controlInputs).toEqual([a.op]);
    expect(d.op.controlInputs).toEqual([a.op]);
    // e should be dominated by c.
    expect(e.op.controlInputs).toEqual([]);
  });
  // ops_test.py ControlDependenciesTest.testNested
  test("testNested", () => {
    const [a1, a2, a3, a4] = [1, 2, 3, 4].map(() => floatOutput());
    const b1 = tf.controlDependencies([a1, a2, a3, a4], () => floatOutput());
    const b2 = tf.controlDependencies([a1], () =>
      tf.controlDependencies([a2], () => tf.controlDependencies([a3], () => tf.controlDependencies([a4], () => floatOutput()))),
    );
    expect(sortedNames(b1.op.controlInputs)).toEqual(sortedNames([a1.op, a2.op, a3.op, a4.op]));
    expect(sortedNames(b2.op.controlInputs)).toEqual(sortedNames(b1.op.controlInputs));
  });
  // ops_test.py ControlDependenciesTest.testClear
  test("testClear", () => {
    const [a1, a2, a3, a4] = [1, 2, 3, 4].map(() => floatOutput());
    const out: Record<string, tf.Tensor> = {};
    tf.controlDependencies([a1], () => {
      tf.controlDependencies([a2], () => {
        tf.controlDependencies(null, () => {
          tf.controlDependencies([a3], () => {
            tf.controlDependencies([a4], () => (out.b34 = floatOutput()));
            out.b3 = floatOutput();
          });
          out.bNone = floatOutput();
        });
        out.b12 = floatOutput();
      });
      out.b1 = floatOutput();
      tf.controlDependencies(null, () => (out.bNone2 = floatOutput()));
    });
    expect(sortedNames(out.b34.op.controlInputs)).toEqual(sortedNames([a3.op, a4.op]));
    expect(out.b3.op.controlInputs).toEqual([a3.op]);
    expect(out.bNone.op.controlInputs).toEqual([]);
    expect(sortedNames(out.b12.op.controlInputs)).toEqual(sortedNames([a1.op, a2.op]));
    expect(out.b1.op.controlInputs).toEqual([a1.op]);
    expect(out.bNone2.op.controlInputs).toEqual([]);
  });
  // ops_test.py ControlDependenciesTest.testComplex
  test("testComplex", () => {
    const [a1, a2, a3, a4] = [1, 2, 3, 4].map(() => floatOutput());
    const o: Record<string, tf.Tensor> = {};
    tf.controlDependencies([a1], () => {
      o.b1 = twoInputs(a3, a4);
      o.c1 = twoInputs(a1, o.b1);
      o.d1 = twoInputs(o.b1, o.c1);
      o.e1 = floatOutput();
      tf.controlDependencies([a2], () => {
        o.b2 = twoInputs(a3, a4);
        o.c2 = twoInputs(a1, o.b1);
        o.d2 = twoInputs(o.b2, o.c2);
        o.e2 = twoInputs(o.e1, o.e1);
        tf.controlDependencies([a3], () => {
          o.b3 = twoInputs(a3, a4);
          o.c3 = twoInputs(a1, o.b1);
          o.d3 = twoInputs(o.b3, o.c3);
          o.e3 = twoInputs(o.e2, o.e2);
          tf.controlDependencies([a4], () => {
            o.b4 = twoInputs(a3, a4);
            o.c4 = twoInputs(a1, o.b1);
            o.d4 = twoInputs(o.b4, o.c4);
            o.e4 = twoInputs(o.e3, o.e3);
          });
        });
      });
    });
    const deps = (t: tf.Tensor) => sortedNames(t.op.controlInputs);
    const names = (...ts: tf.Tensor[]) => sortedNames(ts.map((t) => t.op));
    expect(deps(o.b1)).toEqual(names(a1));
    expect(deps(o.b2)).toEqual(names(a1, a2));
    expect(deps(o.b3)).toEqual(names(a1, a2));
    expect(deps(o.b4)).toEqual(names(a1, a2));
    expect(deps(o.c1)).toEqual([]);
    expect(deps(o.c2)).toEqual(names(a2));
    expect(deps(o.c3)).toEqual(names(a2, a3));
    expect(deps(o.c4)).toEqual(names(a2, a3, a4));
    expect([o.d1, o.d2, o.d3, o.d4].map(deps)).toEqual([[], [], [], []]);
    expect(deps(o.e1)).toEqual(names(a1));
    expect(deps(o.e2)).toEqual(names(a2));
    expect(deps(o.e3)).toEqual(names(a3));
    expect(deps(o.e4)).toEqual(names(a4));
  });
  // ops_test.py ControlDependenciesTest.testRepeatedDependency
  test("testRepeatedDependency", () => {
    const [a0, a1] = tf.unstack(tf.zeros([2]), { name: "TwoFloatOutputs" });
    const a = a0.op;
    const [b, c] = tf.controlDependencies([a0], () => {
      const b = floatOutput();
      const c = tf.controlDependencies([a1], () => floatOutput());
      return [b, c];
    });
    expect(b.op.controlInputs).toEqual([a]);
    expect(c.op.controlInputs).toEqual([a]);
  });
  // ops_test.py ControlDependenciesTest.testNoControlDependencyWithDataDependency
  test("testNoControlDependencyWithDataDependency", () => {
    const a = floatOutput();
    const b = tf.controlDependencies([a], () => tf.identity(a));
    expect(b.op.controlInputs).toEqual([]);
  });
});

describe("OpScopeTest", () => {
  // ops_test.py OpScopeTest.testNames
  test("testNames", () => {
    tf.nameScope("foo", (foo) => {
      expect(foo).toBe("foo/");
      tf.nameScope("foo2", (foo2) => expect(foo2).toBe("foo/foo2/"));
      tf.nameScope(null, (empty1) => {
        expect(empty1).toBe("");
        tf.nameScope("foo3", (foo3) => expect(foo3).toBe("foo3/"));
      });
      tf.nameScope("", (empty2) => expect(empty2).toBe(""));
    });
    tf.nameScope("foo/", (outerFoo) => {
      expect(outerFoo).toBe("foo/");
      tf.nameScope("", (empty3) => expect(empty3).toBe(""));
      tf.nameScope("foo4", (foo4) => expect(foo4).toBe("foo/foo4/"));
      tf.nameScope("foo5//", (foo5) => {
        expect(foo5).toBe("foo5//");
        tf.nameScope("foo6", (foo6) => expect(foo6).toBe("foo5//foo6/"));
      });
      tf.nameScope("/", (foo7) => expect(foo7).toBe("/"));
      tf.nameScope("//", (foo8) => expect(foo8).toBe("//"));
      tf.nameScope("a//b/c", (foo9) => expect(foo9).toBe("foo/a//b/c/"));
    });
    tf.nameScope("a//b/c", (foo10) => expect(foo10).toBe("a//b/c/"));
  });
  // ops_test.py OpScopeTest.testNoScopeName
  test("testNoScopeName", () => {
    const g0 = tf.Graph();
    const values = g0.asDefault(() => [floatOutput("A"), floatOutput("B")]);
    expectRaises(() => tf.nameScope(null, { values }, () => undefined), tf.ValueError);
  });
  // ops_test.py OpScopeTest.testEmptyScopeName
  test("testEmptyScopeName", () => {
    const g0 = tf.Graph();
    const [a, b] = g0.asDefault(() => [floatOutput("A").op, floatOutput("B").op]);
    tf.nameScope("", { values: [a, b] }, (scope) => {
      expect(scope).toBe("");
      expect(tf.getDefaultGraph()).toBe(g0);
    });
    tf.nameScope("", { defaultName: "my_default_scope", values: [a, b] }, (scope) => {
      expect(scope).toBe("");
      expect(tf.getDefaultGraph()).toBe(g0);
    });
  });
  // ops_test.py OpScopeTest.testDefaultScopeName
  test("testDefaultScopeName", () => {
    const g0 = tf.Graph();
    const [a, b] = g0.asDefault(() => [floatOutput("A").op, floatOutput("B").op]);
    tf.nameScope("my_scope", { defaultName: "my_default_scope", values: [a, b] }, (scope) => {
      expect(scope).toBe("my_scope/");
      expect(tf.getDefaultGraph()).toBe(g0);
    });
    tf.nameScope(null, { defaultName: "my_default_scope", values: [a, b] }, (scope) => {
      expect(scope).toBe("my_default_scope/");
      expect(tf.getDefaultGraph()).toBe(g0);
    });
  });
  // ops_test.py OpScopeTest._testGraphElements, run by testTensor (and testVariable with variables)
  test.each([
    ["testTensor", () => [floatOutput("A").op, floatOutput("B").op]],
    ["testVariable", () => [tf.Variable(1.0, { name: "a" }), tf.Variable(2.0, { name: "b" })]],
  ] as const)("%s", (_name, make) => {
    const g0 = tf.Graph();
    const elements = g0.asDefault(make as () => unknown[]);
    tf.nameScope("my_scope", { values: elements }, (scope) => {
      expect(scope).toBe("my_scope/");
      expect(tf.getDefaultGraph()).toBe(g0);
    });
    const g1 = tf.Graph();
    const a = g1.asDefault(() => floatOutput("A").op);
    expectRaises(() => tf.nameScope("my_scope", { values: [...elements, a] }, () => undefined), tf.ValueError);
  });
});

describe("GraphTest", () => {
  // ops_test.py GraphTest.testResetDefaultGraphNesting
  test("testResetDefaultGraphNesting", () => {
    const g0 = tf.Graph();
    g0.asDefault(() => expectRaises(() => tf.resetDefaultGraph(), tf.AssertionError));
  });
  // ops_test.py GraphTest.testGraphContextManager
  test("testGraphContextManager", () => {
    const g0 = tf.Graph();
    g0.asDefault((g1) => expect(g1).toBe(g0));
  });
  // ops_test.py GraphTest.testDefaultGraph
  test("testDefaultGraph", () => {
    const orig = tf.getDefaultGraph();
    const g0 = tf.Graph();
    g0.asDefault(() => expect(tf.getDefaultGraph()).toBe(g0));
    expect(tf.getDefaultGraph()).toBe(orig);
  });
});

describe("CollectionTest", () => {
  // ops_test.py CollectionTest.testadd_to_collection
  test("testadd_to_collection", () => {
    const g = tf.Graph();
    g.addToCollection("key", 12);
    g.addToCollection("other", "foo");
    g.addToCollection("key", 34);
    const blank1 = { name: "blank1" };
    g.addToCollection("blah", blank1);
    expect(g.getCollection("key")).toEqual([12, 34]);
    expect(g.getCollection("other")).toEqual(["foo"]);
    expect(g.getCollection("nothing")).toEqual([]);
    expect(g.getCollection("blah")).toEqual([blank1]);
    // get_collection returns a copy: changing it leaves the graph's list alone.
    const copy = g.getCollection("key");
    copy.push(56);
    expect(g.getCollection("key")).toEqual([12, 34]);
    expect([...g.allCollectionKeys].sort()).toEqual(["blah", "key", "other"]);
  });
  // ops_test.py CollectionTest.test_get_collection_ref
  test("test_get_collection_ref", () => {
    const g = tf.Graph();
    const ref = g.getCollectionRef<number>("key");
    ref.push(12);
    expect(g.getCollection("key")).toEqual([12]);
  });
  // ops_test.py CollectionTest.testDefaulGraph
  test("testDefaulGraph", () => {
    const g = tf.getDefaultGraph();
    g.addToCollection("key", 90);
    expect(tf.getDefaultGraph().getCollection("key")).toEqual([90]);
  });
});

// Not TF test methods: the issue's own cases for Graph.get_tensor_by_name / get_operation_by_name
// (TF's behaviour as documented in ops.py's as_graph_element), listed in README.md.
describe("GraphElementLookup (issue #17, ops.py as_graph_element)", () => {
  test("getTensorByName returns the ref tensor of a variable", () => {
    const v = tf.Variable(tf.zeros([9, 1]), { name: "theta" });
    const t = tf.getDefaultGraph().getTensorByName("theta:0");
    expect(t.repr()).toBe("<tf.Tensor 'theta:0' shape=(9, 1) dtype=float32_ref>");
    expect(t instanceof tf.Tensor).toBe(true);
    expect(t).not.toBe(v);
    // It stands for the same output: the same readers, and it can be fetched once initialized.
    expect(t.consumers()).toEqual(v.consumers());
    tf.withSession(tf.Session(), (s) => {
      s.run(v.initializer);
      expect(s.run(t).shape).toEqual([9, 1]);
    });
  });
  test("lookups by the wrong kind of name", () => {
    floatOutput("a");
    expectRaises(
      () => tf.getDefaultGraph().getOperationByName("a:0"),
      tf.ValueError,
      "Name 'a:0' appears to refer to a Tensor, not a Operation.",
    );
    expectRaises(() => tf.getDefaultGraph().getTensorByName("b:0"), tf.KeyError, "The name 'b:0' refers to a Tensor which does not exist");
    expectRaises(() => tf.getDefaultGraph().getTensorByName("a"), tf.ValueError, "The name 'a' refers to an Operation, not a Tensor");
  });
});

// Ported from tensorflow/python/kernel_tests/variables_test.py (see README.md for the version).
import * as tf from "tensorlings";
import { expectAllClose, expectOpError, expectRaises, freshGraph } from "./helpers";

beforeEach(freshGraph);

/** `with self.test_session() as sess:` with the session as default, as `eval()` expects. */
const withSess = <T>(fn: (sess: tf.Session) => T): T => tf.withSession(tf.Session(), fn);

describe("VariablesTestCase", () => {
  // variables_test.py VariablesTestCase.testInitialization
  test("testInitialization", () => {
    withSess(() => {
      const var0 = tf.Variable(0.0);
      expect(var0.name).toBe("Variable:0");
      expect([...var0.getShape()]).toEqual([]);
      const var1 = tf.Variable(1.1);
      expect(var1.name).toBe("Variable_1:0");
      expect([...var1.getShape()]).toEqual([]);
      expectOpError(() => var0.eval(), "Attempting to use uninitialized value");
      expectOpError(() => var1.eval(), "Attempting to use uninitialized value");
      tf.globalVariablesInitializer().run();
      expectAllClose(var0.eval(), 0.0);
      expectAllClose(var1.eval(), 1.1);
    });
  });
  // variables_test.py VariablesTestCase.testInitializationOrder
  test("testInitializationOrder", () => {
    withSess(() => {
      const rnd = tf.Variable(tf.randomUniform([3, 6]), { name: "rnd" });
      expect(rnd.name).toBe("rnd:0");
      expect([...rnd.getShape()]).toEqual([3, 6]);
      const dep = tf.Variable(rnd.initializedValue(), { name: "dep" });
      expect(dep.name).toBe("dep:0");
      expect([...dep.getShape()]).toEqual([3, 6]);
      const addedVal = rnd.initializedValue().add(dep.initializedValue()).add(2.0);
      addedVal.setShape(rnd.shape);
      const depdep = tf.Variable(addedVal, { name: "depdep" });
      expect(depdep.name).toBe("depdep:0");
      expect([...depdep.getShape()]).toEqual([3, 6]);
      tf.globalVariablesInitializer().run();
      expectAllClose(rnd.eval(), dep.eval());
      const expected = (rnd.eval().toArray() as number[][]).map((row, i) =>
        row.map((v, j) => v + (dep.eval().toArray() as number[][])[i][j] + 2.0),
      );
      expectAllClose(depdep.eval(), expected);
    });
  });
  // variables_test.py VariablesTestCase.testAssignments
  test("testAssignments", () => {
    withSess(() => {
      const v = tf.Variable(0.0);
      const plusOne = v.assignAdd(1.0);
      const minusOne = v.assignSub(2.0);
      const four = v.assign(4.0);
      tf.globalVariablesInitializer().run();
      expectAllClose(v.eval(), 0.0);
      expectAllClose(plusOne.eval(), 1.0);
      expectAllClose(v.eval(), 1.0);
      expectAllClose(minusOne.eval(), -1.0);
      expectAllClose(v.eval(), -1.0);
      expectAllClose(four.eval(), 4.0);
      expectAllClose(v.eval(), 4.0);
    });
  });
  // variables_test.py VariablesTestCase.testControlDepsNone
  test("testControlDepsNone", () => {
    const c = tf.constant(1.0);
    const [d, varX, initedX] = tf.controlDependencies([c], () => {
      // d gets the control dep; variables do not, nor does initialized_value.
      const d = tf.constant(2.0);
      const varX = tf.Variable(2.0);
      return [d, varX, varX.initializedValue()] as const;
    });
    expect(d.op.controlInputs).toEqual([c.op]);
    expect(varX.initializer.controlInputs).toEqual([]);
    expect(varX.value().op.controlInputs).toEqual([]);
    expect(varX.asGraphElement().op.controlInputs).toEqual([]);
    expect(initedX.op.controlInputs).toEqual([varX.initializer]);
  });
  // variables_test.py VariablesTestCase.testUseVariableAsTensor
  test("testUseVariableAsTensor", () => {
    withSess(() => {
      const varX = tf.Variable(2.0);
      const varY = tf.Variable(3.0);
      tf.globalVariablesInitializer().run();
      expectAllClose(varX.eval(), 2.0);
      expectAllClose(varY.eval(), 3.0);
      expectAllClose(tf.add(varX, varY).eval(), 5.0);
    });
  });
  // variables_test.py VariablesTestCase.testZeroSizeVarSameAsConst
  test("testZeroSizeVarSameAsConst", () => {
    withSess(() => {
      const zeroSizeVar = tf.Variable(tf.zeros([0, 2]));
      const zeroSizeConst = tf.ones([2, 0]);
      const variableMul = tf.matmul(zeroSizeConst, zeroSizeVar);
      const constMul = tf.matmul(zeroSizeConst, zeroSizeConst, { transposeB: true });
      tf.globalVariablesInitializer().run();
      const variableOutput = variableMul.eval();
      expectAllClose(constMul.eval(), variableOutput);
      expectAllClose(variableOutput, [[0, 0], [0, 0]]);
    });
  });
  // variables_test.py VariablesTestCase.testCollections
  test("testCollections", () => {
    const varX = tf.Variable(2.0);
    const varY = tf.Variable(2.0, { trainable: false });
    const varZ = tf.Variable(2.0, { trainable: true });
    const varT = tf.Variable(2.0, {
      trainable: true,
      collections: [tf.GraphKeys.TRAINABLE_VARIABLES, tf.GraphKeys.GLOBAL_VARIABLES],
    });
    expect(tf.globalVariables()).toEqual([varX, varY, varZ, varT]);
    expect(tf.trainableVariables()).toEqual([varX, varZ, varT]);
  });
  // variables_test.py VariablesTestCase.testOperators (the arithmetic and comparisons, as methods)
  test("testOperators", () => {
    withSess(() => {
      const varF = tf.Variable([2.0]);
      const results: [tf.Tensor, unknown][] = [
        [varF.add(0.0), [2.0]],
        [varF.radd(1.0), [3.0]],
        [varF.sub(1.0), [1.0]],
        [varF.rsub(1.0), [-1.0]],
        [varF.mul(10.0), [20.0]],
        [varF.rmul(10.0), [20.0]],
        [varF.div(10.0), [0.2]],
        [varF.rdiv(10.0), [5.0]],
        [varF.neg(), [-2.0]],
        [varF.abs(), [2.0]],
        [varF.lt(3.0), [true]],
        [varF.le(2.0), [true]],
        [varF.gt(3.0), [false]],
        [varF.ge(2.0), [true]],
      ];
      const varI = tf.Variable(tf.constant([20], { dtype: tf.int32 }));
      const mod = varI.mod(7);
      tf.globalVariablesInitializer().run();
      for (const [t, expected] of results) expectAllClose(t.eval(), expected);
      expect(mod.eval().toArray()).toEqual([6]);
    });
  });
  // variables_test.py VariablesTestCase.testSession
  test("testSession", () => {
    withSess((sess) => {
      const v = tf.Variable(tf.constant([1, 12], { dtype: tf.int32 }));
      tf.globalVariablesInitializer().run();
      expect(sess.run(v).toArray()).toEqual([1, 12]);
    });
  });
  // variables_test.py VariablesTestCase.testInitializerFunction
  test("testInitializerFunction", () => {
    const value = [[-42], [133.7]];
    withSess(() => {
      const v1 = tf.Variable(() => tf.constant(value), { dtype: tf.float32 });
      expect([...v1.getShape()]).toEqual([2, 1]);
      expectAllClose(v1.initialValue.eval(), value);
      expectRaises(() => v1.eval(), tf.FailedPreconditionError);
      const v2 = tf.Variable(tf.neg(v1.initializedValue()), { dtype: tf.float32 });
      expect([...v2.getShape()]).toEqual([...v1.getShape()]);
      expectAllClose(v2.initialValue.eval(), [[42], [-133.7]]);
      // Once v2.initial_value.eval() has been called, v1 has effectively been initialized.
      expectAllClose(v1.eval(), value);
      expectRaises(() => v2.eval(), tf.FailedPreconditionError);
      tf.globalVariablesInitializer().run();
      expectAllClose(v2.eval(), [[42], [-133.7]]);
    });
  });
  // variables_test.py VariablesTestCase.testLoad
  test("testLoad", () => {
    withSess(() => {
      const v = tf.Variable(tf.zeros([5, 5]));
      tf.globalVariablesInitializer().run();
      v.load(tf.NDArray.from(new Array(25).fill(1), tf.float32).reshape([5, 5]));
      expectAllClose(v.eval(), new Array(25).fill(1));
    });
  });
});

describe("IsInitializedTest", () => {
  // variables_test.py IsInitializedTest.testTrainingWithZeroSizeVar
  test("testTrainingWithZeroSizeVar", () => {
    withSess((sess) => {
      const a = tf.Variable(tf.zeros([0, 2]));
      const b = tf.Variable(tf.ones([2, 2]));
      const objective = tf.reduceSum(b.add(tf.matmul(a, a, { transposeA: true })));
      tf.globalVariablesInitializer().run();
      const doOpt = tf.train.GradientDescentOptimizer({ learningRate: 0.1 }).minimize(objective);
      sess.run([doOpt]);
      expectAllClose(b.eval(), [[0.9, 0.9], [0.9, 0.9]]);
    });
  });
});

describe("variables from the issue's report (VariablesTestCase.testControlDepsNone, placeholders)", () => {
  // variables_test.py VariablesTestCase.testControlDepsNone, with a placeholder among the deps:
  // the initializer needs no feed and reading the variable does not re-run the dependency.
  test("testControlDepsNone with a placeholder dependency", () => {
    const p = tf.placeholder(tf.float32);
    const v = tf.controlDependencies([p], () => tf.Variable(1.0));
    withSess((sess) => {
      sess.run(tf.globalVariablesInitializer());
      expect(sess.run(v.value()).item()).toBe(1);
    });
  });
});

// Ported from tensorflow/python/ops/variable_scope_test.py (kernel_tests/variable_scope_test.py in
// TF 1.x; see README.md for the version). TF's float16 cases use float64 here (the engine has
// no float16); the expectation, "the scope's dtype reaches the variable", is the same.
import * as tf from "tensorlings";
import { expectAllClose, expectRaises, freshGraph } from "./helpers";

beforeEach(freshGraph);

const withSess = <T>(fn: (sess: tf.Session) => T): T => tf.withSession(tf.Session(), fn);
const initAndEval = (sess: tf.Session, v: tf.Variable) => {
  sess.run(tf.variablesInitializer([v]));
  return v.eval();
};

describe("VariableScopeTest", () => {
  // variable_scope_test.py VariableScopeTest.testNameExists (reuse=False then reuse=True)
  test("testNameExists", () => {
    tf.getVariable("v", { shape: [1] });
    tf.getVariable("w", { shape: [1] });
    expectRaises(() => tf.getVariable("v", { shape: [1] }), tf.ValueError);
    tf.variableScope(tf.getVariableScope(), { reuse: true }, () => {
      tf.getVariable("v", { shape: [1] });
      expectRaises(() => tf.getVariable("u", { shape: [1] }), tf.ValueError);
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarScopeInitializer
  test("testVarScopeInitializer", () => {
    withSess((sess) => {
      const init = tf.constantInitializer(0.3);
      tf.variableScope("tower0", (tower) => {
        tf.variableScope("foo", { initializer: init }, () => {
          const v = tf.getVariable("v", { shape: [] });
          expectAllClose(initAndEval(sess, v), 0.3);
        });
        tf.variableScope(tower, { initializer: init }, () => {
          const w = tf.getVariable("w", { shape: [] });
          expectAllClose(initAndEval(sess, w), 0.3);
        });
      });
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarScopeDType
  test("testVarScopeDType", () => {
    tf.variableScope("tower1", (tower) => {
      tf.variableScope("foo", { dtype: tf.float64 }, () => {
        expect(tf.getVariable("v", { shape: [] }).dtype).toBe(tf.float64);
      });
      tf.variableScope(tower, { dtype: tf.float64 }, () => {
        expect(tf.getVariable("w", { shape: [] }).dtype).toBe(tf.float64);
      });
    });
  });
  // variable_scope_test.py VariableScopeTest.testInitFromNonTensorValue
  test("testInitFromNonTensorValue", () => {
    withSess((sess) => {
      const v = tf.getVariable("v4", { initializer: tf.constant(4, { dtype: tf.int32 }), dtype: tf.int32 });
      expectAllClose(initAndEval(sess, v), 4);
      const w = tf.getVariable("w4", { initializer: tf.NDArray.from([1, 2, 3], tf.int32), dtype: tf.int32 });
      expectAllClose(initAndEval(sess, w), [1, 2, 3]);
    });
  });
  // variable_scope_test.py VariableScopeTest.testInitFromNonInitializer
  test.each([tf.int32, tf.bool, tf.float32])("testInitFromNonInitializer %s", (dtype) => {
    withSess((sess) => {
      const x = tf.getVariable("xx", { shape: [3, 4], dtype });
      const y = tf.getVariable("yy", { shape: [3, 4], dtype, initializer: tf.zerosInitializer() });
      sess.run(tf.globalVariablesInitializer());
      if (dtype === tf.float32) {
        // get_variable's default for floats is glorot_uniform: only the shapes agree here.
        expect(x.eval().shape).toEqual(y.eval().shape);
      } else {
        expect(x.eval().toArray()).toEqual(y.eval().toArray());
      }
    });
  });
  // variable_scope_test.py VariableScopeTest.testInitializeFromValue
  test("testInitializeFromValue", () => {
    withSess((sess) => {
      let init = tf.constant(0.1);
      const w = tf.getVariable("v", { initializer: init });
      expectAllClose(initAndEval(sess, w), 0.1);
      // We disallow explicit shape specification when initializer is constant.
      expectRaises(() => tf.getVariable("u", { shape: [1], initializer: init }), tf.ValueError, "shape");
      tf.variableScope("foo", { initializer: init as never }, () => {
        // Constant initializer can be passed through scopes if needed.
        const v = tf.getVariable("v");
        expectAllClose(initAndEval(sess, v), 0.1);
      });
      // Check that non-float32 initializer creates a non-float32 variable.
      init = tf.constant(1, { dtype: tf.int32 });
      const t = tf.getVariable("t", { initializer: init });
      expect(t.dtype).toBe(tf.int32);
      // Raise error if `initializer` dtype and `dtype` are not identical.
      expectRaises(() => tf.getVariable("s", { initializer: init, dtype: tf.float64 }), tf.ValueError, "don't match");
    });
  });
  // variable_scope_test.py VariableScopeTest.testControlDeps
  test("testControlDeps", () => {
    withSess((sess) => {
      const v0 = tf.getVariable("v0", { shape: [1], initializer: tf.constantInitializer(0) });
      const [v1, add] = tf.controlDependencies([v0.value()], () => {
        const v1 = tf.getVariable("v1", { shape: [1], initializer: tf.constantInitializer(1) });
        return [v1, v1.add(v0)] as const;
      });
      // v0 should be uninitialized.
      expectRaises(() => sess.run(v0), tf.OpError, "uninitialized");
      // We should be able to initialize and run v1 without initializing v0.
      sess.run(v1.initializer);
      expect(sess.run(v1).toArray()).toEqual([1]);
      expectRaises(() => sess.run(v0), tf.OpError, "uninitialized");
      expectRaises(() => sess.run(add), tf.OpError, "uninitialized");
      // If we initialize v0 we should be able to run 'add'.
      sess.run(v0.initializer);
      sess.run(add);
    });
  });
  // variable_scope_test.py VariableScopeTest.testGetVariableScope
  test("testGetVariableScope", () => {
    const vs = tf.getVariableScope();
    expect(vs.reuse).toBeFalsy();
    tf.variableScope("tower", { reuse: true }, () => {
      expect(tf.getVariableScope().reuse).toBe(true);
    });
    tf.variableScope("tower2", (scope) => {
      scope.reuseVariables();
      expect(tf.getVariableScope().reuse).toBe(true);
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarScopeNameScope
  test("testVarScopeNameScope", () => {
    let tower!: tf.VariableScope;
    tf.nameScope("testVarScopeNameScope1", () => {
      tf.variableScope("tower", (t) => {
        tower = t;
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("testVarScopeNameScope1/tower/scope2/"));
      });
      // Re-entering acts like another "tower".
      tf.variableScope(tower, () => tf.nameScope("scope2", (sc2) => expect(sc2).toBe("testVarScopeNameScope1/tower_1/scope2/")));
      // Re-entering by string acts the same.
      tf.variableScope("tower", () => tf.nameScope("scope2", (sc2) => expect(sc2).toBe("testVarScopeNameScope1/tower_2/scope2/")));
    });
    tf.nameScope("testVarScopeNameScope2", () => {
      tf.variableScope("tower", () => tf.nameScope("scope2", (sc2) => expect(sc2).toBe("testVarScopeNameScope2/tower/scope2/")));
      tf.variableScope(tower, () => tf.nameScope("scope2", (sc2) => expect(sc2).toBe("testVarScopeNameScope2/tower_1/scope2/")));
    });
    const root = tf.getVariableScope();
    tf.nameScope("testVarScopeNameScope3", () => {
      tf.variableScope(root, () => tf.nameScope("scope2", (sc2) => expect(sc2).toBe("testVarScopeNameScope3/scope2/")));
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarScopeOriginalNameScope
  test("testVarScopeOriginalNameScope", () => {
    tf.nameScope("scope1", () => {
      tf.variableScope("tower", (tower) => {
        expect(tower.originalNameScope).toBe("scope1/tower/");
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("scope1/tower/scope2/"));
      });
    });
    tf.nameScope("scope2", () => {
      tf.variableScope("tower", (tower1) => {
        expect(tower1.originalNameScope).toBe("scope2/tower/");
        tf.nameScope("foo", (sc2) => expect(sc2).toBe("scope2/tower/foo/"));
      });
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarScopeObjectReuse
  test("testVarScopeObjectReuse", () => {
    let vs!: tf.VariableScope;
    tf.variableScope("jump", { reuse: true }, (s) => (vs = s));
    tf.variableScope(vs, (jump) => {
      expect(jump.reuse).toBe(true);
      tf.variableScope(jump, { reuse: true }, (jumpReuse) => expect(jumpReuse.reuse).toBe(true));
      tf.variableScope(jump, { reuse: false }, (jumpNoReuse) => expect(jumpNoReuse.reuse).toBe(true));
      tf.variableScope("no_jump", { reuse: false }, (noJump) => expect(noJump.reuse).toBe(true));
    });
    tf.variableScope("jump", { reuse: false }, (s) => (vs = s));
    tf.variableScope(vs, (notJump) => {
      expect(notJump.reuse).toBeFalsy();
      tf.variableScope(notJump, { reuse: true }, (r) => expect(r.reuse).toBe(true));
      tf.variableScope(notJump, { reuse: false }, (r) => expect(r.reuse).toBeFalsy());
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarScopeGetVar
  test("testVarScopeGetVar", () => {
    tf.variableScope("root", () => {
      tf.variableScope("towerA", (towerA) => {
        const va = tf.getVariable("v", { shape: [1] });
        expect(va.name).toBe("root/towerA/v:0");
        tf.variableScope(towerA, { reuse: true }, () => {
          expect(tf.getVariable("v", { shape: [1] })).toBe(va);
        });
        tf.variableScope("towerB", () => {
          const vb = tf.getVariable("v", { shape: [1] });
          expect(vb.name).toBe("root/towerA/towerB/v:0");
        });
        expectRaises(() => tf.getVariable("v", { shape: [1] }), tf.ValueError);
      });
      tf.variableScope("towerA", { reuse: true }, () => {
        const va2 = tf.getVariable("v", { shape: [1] });
        expect(va2.name).toBe("root/towerA/v:0");
      });
      tf.variableScope("foo", () => {
        tf.variableScope("bar", () => {
          const v = tf.getVariable("v", { shape: [1] });
          expect(v.name).toBe("root/foo/bar/v:0");
        });
      });
      expectRaises(
        () => tf.variableScope("towerA", { reuse: true }, () => tf.getVariable("v", { shape: [2] })),
        tf.ValueError,
        "Trying to share variable root/towerA/v, but specified shape \\(2,\\) and found shape \\(1,\\).",
      );
      tf.variableScope("towerA", { reuse: true }, () => {
        expectRaises(() => tf.getVariable("v", { shape: [1], dtype: tf.int32 }), tf.ValueError, "Trying to share variable root/towerA/v");
      });
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarScopeNestedOuterScope
  test("testVarScopeNestedOuterScope", () => {
    tf.variableScope("outer", (outer) => {
      tf.variableScope(outer, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("outer/w:0");
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("outer/outer/scope2/"));
      });
      tf.variableScope("default", () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("outer/default/w:0");
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("outer/default/scope2/"));
      });
      tf.variableScope(outer, { reuse: true }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("outer/w:0");
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("outer/outer_1/scope2/"));
      });
      tf.variableScope("default", { reuse: true }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("outer/default/w:0");
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("outer/default_1/scope2/"));
      });
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarOpScope
  test("testVarOpScope", () => {
    tf.nameScope("testVarOpScope1", () => {
      tf.variableScope("tower", { defaultName: "default" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("tower/w:0");
        tf.nameScope("testVarOpScope2", (sc2) => expect(sc2).toBe("testVarOpScope1/tower/testVarOpScope2/"));
      });
      tf.variableScope("tower", { defaultName: "default" }, () => {
        expectRaises(() => tf.getVariable("w", { shape: [] }), tf.ValueError);
        tf.nameScope("testVarOpScope2", (sc2) => expect(sc2).toBe("testVarOpScope1/tower_1/testVarOpScope2/"));
      });
    });
    tf.nameScope("testVarOpScope2", () => {
      tf.variableScope(null, { defaultName: "default" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("default/w:0");
        tf.nameScope("testVarOpScope2", (sc2) => expect(sc2).toBe("testVarOpScope2/default/testVarOpScope2/"));
      });
      tf.variableScope(null, { defaultName: "default" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("default_1/w:0");
        tf.nameScope("testVarOpScope2", (sc2) => expect(sc2).toBe("testVarOpScope2/default_1/testVarOpScope2/"));
      });
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarOpScopeUniqueNamesInterleavedSubstringScopes
  test("testVarOpScopeUniqueNamesInterleavedSubstringScopes", () => {
    tf.variableScope(null, { defaultName: "defaultScope1" }, () => {
      tf.variableScope(null, { defaultName: "layer" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("defaultScope1/layer/w:0");
      });
      tf.variableScope(null, { defaultName: "layer" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("defaultScope1/layer_1/w:0");
      });
    });
    tf.variableScope(null, { defaultName: "defaultScope" }, () => {
      tf.variableScope(null, { defaultName: "layer" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("defaultScope/layer/w:0");
      });
      tf.variableScope(null, { defaultName: "layer" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("defaultScope/layer_1/w:0");
      });
    });
    tf.variableScope(null, { defaultName: "defaultScope1" }, () => {
      tf.variableScope(null, { defaultName: "layer" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("defaultScope1_1/layer/w:0");
      });
    });
  });
  // variable_scope_test.py VariableScopeTest.testVarOpScopeReuse
  test("testVarOpScopeReuse", () => {
    let outer!: tf.VariableScope;
    tf.variableScope("outer", (o) => {
      outer = o;
      tf.variableScope("tower", { defaultName: "default" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("outer/tower/w:0");
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("outer/tower/scope2/"));
      });
      tf.variableScope(null, { defaultName: "default" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("outer/default/w:0");
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("outer/default/scope2/"));
      });
    });
    tf.variableScope(outer, { reuse: true }, () => {
      tf.variableScope("tower", { defaultName: "default" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("outer/tower/w:0");
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("outer_1/tower/scope2/"));
      });
      tf.variableScope(null, { defaultName: "default" }, () => {
        expect(tf.getVariable("w", { shape: [] }).name).toBe("outer/default/w:0");
        tf.nameScope("scope2", (sc2) => expect(sc2).toBe("outer_1/default/scope2/"));
      });
    });
  });
  // variable_scope_test.py VariableScopeTest.testReuseScopeWithoutNameScopeCollision
  test("testReuseScopeWithoutNameScopeCollision", () => {
    let outer!: tf.VariableScope;
    tf.variableScope("outer", (o) => {
      outer = o;
      tf.variableScope("inner", () => tf.getVariable("w", { shape: [] }));
    });
    tf.variableScope(outer, { reuse: true }, () => {
      tf.variableScope("inner", () => expect(tf.getVariable("w", { shape: [] }).name).toBe("outer/inner/w:0"));
    });
  });
  // variable_scope_test.py VariableScopeTest.testGetVarWithDevice is device placement: out of scope.
  // variable_scope_test.py VariableScopeTest.testGetCollection
  test("testGetCollection", () => {
    tf.variableScope("testGetCollection_foo_", () => {
      tf.getVariable("testGetCollection_a", { shape: [] });
      tf.getVariable("testGetCollection_b", { shape: [], trainable: false });
    });
    expect(tf.globalVariables().map((v) => v.name)).toEqual([
      "testGetCollection_foo_/testGetCollection_a:0",
      "testGetCollection_foo_/testGetCollection_b:0",
    ]);
    expect(tf.trainableVariables().map((v) => v.name)).toEqual(["testGetCollection_foo_/testGetCollection_a:0"]);
  });
  // variable_scope_test.py VariableScopeTest.testVarScopeReuseParam ("The reuse parameter must be True or False or None.")
  test("testVarScopeReuseParam", () => {
    expectRaises(() => tf.variableScope("s", { reuse: "yes" as never }, () => undefined), tf.ValueError, "must be True or False or None");
  });
  // variable_scope_test.py VariableScopeTest.testGetVariableWithAutoReuse (AUTO_REUSE)
  test("testAutoReuse", () => {
    const a = tf.variableScope("auto", { reuse: tf.AUTO_REUSE }, () => tf.getVariable("v", { shape: [1] }));
    const b = tf.variableScope("auto", { reuse: tf.AUTO_REUSE }, () => tf.getVariable("v", { shape: [1] }));
    expect(b).toBe(a);
  });
});

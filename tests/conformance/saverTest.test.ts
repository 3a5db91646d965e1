// Ported from tensorflow/python/training/saver_test.py (see README.md for the version). The
// CheckpointedOp (a hash table) parts are left out: the engine has no lookup tables.
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";
import { getCheckpointState } from "../../src/train/saver";
import { captureStderr, tempDir } from "../saver/helpers";
import { expectAllClose, expectRaises, freshGraph } from "./helpers";

beforeEach(freshGraph);
captureStderr(); // restore() logs TF's INFO line to stderr

/** `with self.test_session(graph=ops_lib.Graph()) as sess:` */
const inNewGraph = <T>(fn: (sess: tf.Session) => T): T => {
  const g = tf.Graph();
  return g.asDefault(() => tf.withSession(tf.Session({ graph: g }), fn));
};

describe("SaverTest", () => {
  // saver_test.py SaverTest.testBasic (basicSaveRestore with tf.Variable)
  test("testBasic", () => {
    const savePath = path.join(tempDir(), "basic_save_restore");
    inNewGraph((sess) => {
      const v0 = tf.Variable(10.0, { name: "v0" });
      const v1 = tf.Variable(20.0, { name: "v1" });
      const save = tf.train.Saver({ v0, v1 });
      sess.run(tf.globalVariablesInitializer());
      expect(sess.run(v0).item()).toBe(10.0);
      expect(sess.run(v1).item()).toBe(20.0);
      const val = save.save(sess, savePath);
      expect(typeof val).toBe("string");
      expect(val).toBe(savePath);
    });
    inNewGraph((sess) => {
      const v0 = tf.Variable(-1.0, { name: "v0" });
      const v1 = tf.Variable(-1.0, { name: "v1" });
      const save = tf.train.Saver({ v0, v1 });
      expect(expectRaises(() => sess.run(v0), tf.OpError).message).toContain("uninitialized value v0");
      expect(expectRaises(() => sess.run(v1), tf.OpError).message).toContain("uninitialized value v1");
      save.restore(sess, savePath);
      expect(sess.run(v0).item()).toBe(10.0);
      expect(sess.run(v1).item()).toBe(20.0);
    });
    inNewGraph((sess) => {
      const v02 = tf.Variable(1000.0, { name: "v0" });
      const v12 = tf.Variable(2000.0, { name: "v1" });
      const save2 = tf.train.Saver({ v0: v02, v1: v12 });
      tf.globalVariablesInitializer().run();
      expect(sess.run(v02).item()).toBe(1000.0);
      expect(sess.run(v12).item()).toBe(2000.0);
      save2.restore(sess, savePath);
      expect(sess.run(v02).item()).toBe(10.0);
      expect(sess.run(v12).item()).toBe(20.0);
    });
  });
  // saver_test.py SaverTest.testSaveToNonexistingPath
  test("testSaveToNonexistingPath", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "actually_a_file"), "");
    const paths = [
      path.join(dir, "nonexisting_dir/path"),
      path.join(dir, "other_nonexisting_dir/path1/path2"),
      path.join(dir, "actually_a_file/path"),
    ];
    for (const savePath of paths) {
      freshGraph();
      const v0 = tf.Variable(10.0, { name: "v0" });
      const v1 = tf.Variable(20.0, { name: "v1" });
      const save = tf.train.Saver({ v0, v1 });
      const initAllOp = tf.globalVariablesInitializer();
      // Whether a save under a missing parent succeeds is implementation dependent: both are allowed.
      try {
        tf.withSession(tf.Session(), (sess) => {
          sess.run(initAllOp);
          expect(v0.eval().item()).toBe(10.0);
          expect(v1.eval().item()).toBe(20.0);
          save.save(sess, savePath);
        });
        tf.withSession(tf.Session(), (sess) => {
          save.restore(sess, savePath);
          expect(v0.eval().item()).toBe(10.0);
          expect(v1.eval().item()).toBe(20.0);
        });
      } catch (exc) {
        expect(exc).toBeInstanceOf(tf.ValueError);
        expect((exc as Error).message).toBe(`Parent directory of ${savePath} doesn't exist, can't save.`);
      }
    }
  });
  // saver_test.py SaverTest.testInvalidPath
  test("testInvalidPath", () => {
    const v0 = tf.Variable(0, { name: "v0" });
    tf.withSession(tf.Session(), (sess) => {
      const save = tf.train.Saver({ v0 });
      expectRaises(() => save.restore(sess, "invalid path"), tf.ValueError, "The passed save_path is not a valid checkpoint:");
    });
  });
  // saver_test.py SaverTest.testInt64
  test("testInt64", () => {
    const savePath = path.join(tempDir(), "int64");
    inNewGraph((sess) => {
      const v = tf.Variable(tf.constant(15, { dtype: tf.int64 }), { name: "v" });
      const save = tf.train.Saver({ v });
      tf.globalVariablesInitializer().run();
      const val = save.save(sess, savePath);
      expect(val).toBe(savePath);
    });
    inNewGraph((sess) => {
      const v = tf.Variable(tf.constant(-1, { dtype: tf.int64 }), { name: "v" });
      const save = tf.train.Saver({ v });
      expect(expectRaises(() => sess.run(v), tf.OpError).message).toContain("uninitialized value v");
      save.restore(sess, savePath);
      expect(Number(v.eval().item())).toBe(15);
    });
  });
  // saver_test.py SaverTest.testSameName
  test("testSameName", () => {
    const v0 = tf.Variable([10.0], { name: "v0" });
    expectRaises(() => tf.train.Saver({ v0, v0too: v0 }), tf.ValueError, "The same saveable will be restored with two names: v0");
  });
  // saver_test.py SaverTest.testBasicsWithListOfVariables
  test("testBasicsWithListOfVariables", () => {
    const savePath = path.join(tempDir(), "basics_with_list");
    inNewGraph((sess) => {
      const v0 = tf.Variable(10.0, { name: "v0" });
      const v1 = tf.Variable(20.0, { name: "v1" });
      const save = tf.train.Saver([v0, v1]);
      tf.globalVariablesInitializer().run();
      expect(save.save(sess, savePath)).toBe(savePath);
    });
    inNewGraph((sess) => {
      const v0 = tf.Variable(-1.0, { name: "v0" });
      const v1 = tf.Variable(-1.0, { name: "v1" });
      const save = tf.train.Saver([v0, v1]);
      expect(expectRaises(() => sess.run(v0), tf.OpError).message).toContain("uninitialized value v0");
      save.restore(sess, savePath);
      expect(sess.run(v0).item()).toBe(10.0);
      expect(sess.run(v1).item()).toBe(20.0);
    });
  });
  // saver_test.py SaverTest.testAllowEmpty
  test("testAllowEmpty", () => {
    const savePath = path.join(tempDir(), "allow_empty");
    tf.withSession(tf.Session(), (sess) => {
      tf.constant(1);
      const save = tf.train.Saver(null, { allowEmpty: true });
      expect(save.save(sess, savePath)).toBe(null);
    });
    tf.withSession(tf.Session(), (sess) => {
      const save = tf.train.Saver(null, { allowEmpty: true });
      save.restore(sess, savePath);
    });
  });
  // saver_test.py SaverTest.testVariables
  test("testVariables", () => {
    const savePath = path.join(tempDir(), "variables");
    inNewGraph((sess) => {
      tf.Variable(1.0);
      tf.Variable([2.0, 2.0, 2.0]);
      const init = tf.globalVariablesInitializer();
      const save = tf.train.Saver();
      init.run();
      save.save(sess, savePath);
    });
    inNewGraph((sess) => {
      const one = tf.Variable(0.0);
      const twos = tf.Variable([0.0, 0.0, 0.0]);
      // Saver with no arg, defaults to 'all variables'.
      const save = tf.train.Saver();
      save.restore(sess, savePath);
      expectAllClose(one.eval(), 1.0);
      expectAllClose(twos.eval(), [2.0, 2.0, 2.0]);
    });
  });
  // saver_test.py SaverTest.testReshape (the default reshape=False half)
  test("testReshape", () => {
    const savePath = path.join(tempDir(), "variables_reshape");
    inNewGraph((sess) => {
      tf.Variable([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
      const init = tf.globalVariablesInitializer();
      const save = tf.train.Saver();
      init.run();
      save.save(sess, savePath);
    });
    inNewGraph((sess) => {
      tf.Variable([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]);
      const save = tf.train.Saver();
      expectRaises(() => save.restore(sess, savePath), tf.InvalidArgumentError, "Assign requires shapes of both tensors to match.");
    });
  });
  // saver_test.py SaverTest.testSaveWithGlobalStep and testSaveWithGlobalStepWithPadding
  test.each([false, true])("testSaveWithGlobalStep padStepNumber=%s", (padStepNumber) => {
    const savePath = path.join(tempDir(), "ckpt_with_global_step");
    const globalStepInt = 5;
    for (const useTensor of [true, false]) {
      inNewGraph((sess) => {
        const v = tf.Variable(1.0, { name: "var0" });
        const save = tf.train.Saver({ var0: v }, { padStepNumber });
        sess.run(v.initializer);
        const globalStep = useTensor ? tf.constant(globalStepInt, { dtype: tf.int32 }) : globalStepInt;
        const val = save.save(sess, savePath, { globalStep });
        const expected = padStepNumber ? `${savePath}-${String(globalStepInt).padStart(8, "0")}` : `${savePath}-${globalStepInt}`;
        expect(val).toBe(expected);
      });
    }
  });
});

describe("MaxToKeepTest", () => {
  const assertCheckpointState = (modelCheckpointPath: string, allModelCheckpointPaths: string[], saveDir: string) => {
    const state = getCheckpointState(saveDir) as tf.train.CheckpointState;
    expect(state.modelCheckpointPath).toBe(modelCheckpointPath);
    expect(state.allModelCheckpointPaths).toEqual(allModelCheckpointPaths);
  };
  // saver_test.py MaxToKeepTest.testNonSharded
  test("testNonSharded", () => {
    const saveDir = tempDir("max_to_keep_non_sharded");
    tf.withSession(tf.Session(), (sess) => {
      const v = tf.Variable(10.0, { name: "v" });
      const save = tf.train.Saver({ v }, { maxToKeep: 2 });
      tf.globalVariablesInitializer().run();
      expect(save.lastCheckpoints).toEqual([]);

      const s1 = save.save(sess, path.join(saveDir, "s1")) as string;
      expect(save.lastCheckpoints).toEqual([s1]);
      expect(tf.train.checkpointExists(s1)).toBe(true);
      assertCheckpointState(s1, [s1], saveDir);

      let s2 = save.save(sess, path.join(saveDir, "s2")) as string;
      expect(save.lastCheckpoints).toEqual([s1, s2]);
      expect(tf.train.checkpointExists(s1)).toBe(true);
      expect(tf.train.checkpointExists(s2)).toBe(true);
      assertCheckpointState(s2, [s1, s2], saveDir);

      const s3 = save.save(sess, path.join(saveDir, "s3")) as string;
      expect(save.lastCheckpoints).toEqual([s2, s3]);
      expect(tf.train.checkpointExists(s1)).toBe(false);
      expect(tf.train.checkpointExists(s2)).toBe(true);
      expect(tf.train.checkpointExists(s3)).toBe(true);
      assertCheckpointState(s3, [s2, s3], saveDir);

      // Adding s2 again (old s2 is removed first, then new s2 appended)
      s2 = save.save(sess, path.join(saveDir, "s2")) as string;
      expect(save.lastCheckpoints).toEqual([s3, s2]);
      expect(tf.train.checkpointExists(s1)).toBe(false);
      expect(tf.train.checkpointExists(`${s1}.meta`)).toBe(false);
      expect(tf.train.checkpointExists(s3)).toBe(true);
      expect(tf.train.checkpointExists(`${s3}.meta`)).toBe(true);
      expect(tf.train.checkpointExists(s2)).toBe(true);
      expect(tf.train.checkpointExists(`${s2}.meta`)).toBe(true);
      assertCheckpointState(s2, [s3, s2], saveDir);

      // Adding s1 (s3 should now be deleted as oldest in list)
      const s1b = save.save(sess, path.join(saveDir, "s1")) as string;
      expect(save.lastCheckpoints).toEqual([s2, s1b]);
      expect(tf.train.checkpointExists(s3)).toBe(false);
      expect(tf.train.checkpointExists(`${s3}.meta`)).toBe(false);
      expect(tf.train.checkpointExists(s2)).toBe(true);
      expect(tf.train.checkpointExists(`${s2}.meta`)).toBe(true);
      expect(tf.train.checkpointExists(s1b)).toBe(true);
      expect(tf.train.checkpointExists(`${s1b}.meta`)).toBe(true);
      assertCheckpointState(s1b, [s2, s1b], saveDir);
    });
  });
  // saver_test.py MaxToKeepTest.testNoMaxToKeep
  test("testNoMaxToKeep", () => {
    const saveDir = tempDir("no_max_to_keep");
    tf.withSession(tf.Session(), (sess) => {
      const v = tf.Variable(10.0, { name: "v" });
      tf.globalVariablesInitializer().run();
      for (const maxToKeep of [null, 0]) {
        const save = tf.train.Saver({ v }, { maxToKeep });
        expect(save.lastCheckpoints).toEqual([]);
        const s1 = save.save(sess, path.join(saveDir, `s1_${maxToKeep}`)) as string;
        expect(save.lastCheckpoints).toEqual([]);
        expect(tf.train.checkpointExists(s1)).toBe(true);
        const s2 = save.save(sess, path.join(saveDir, `s2_${maxToKeep}`)) as string;
        expect(save.lastCheckpoints).toEqual([]);
        expect(tf.train.checkpointExists(s2)).toBe(true);
      }
    });
  });
});

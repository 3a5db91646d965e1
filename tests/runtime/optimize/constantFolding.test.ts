import * as tf from "tensorlings";
import { asGraphDef } from "../../../src/graph/graphDefExport";
import { AWKWARD, allBits, bits, kernelSteps, planSteps, withRewrites } from "./helpers";

const FOLD = { constantFolding: true };

beforeEach(() => tf.resetDefaultGraph());

test("a graph of constants runs no kernel and gives the same bits", () => {
  const a = tf.constant([AWKWARD.slice(0, 7), AWKWARD.slice(7, 14)]);
  const b = tf.constant([
    [2, -0.5],
    [1e-3, 3],
    [0, -0],
    [7, 1e30],
    [-1, 2],
    [0.25, 8],
    [5, -5],
  ]);
  const out = tf.reduceSum(tf.matmul(tf.transpose(b), tf.transpose(a)).mul(3).sub(1), 1);
  const off = withRewrites({}, () => allBits(tf.Session().run([out, tf.transpose(b)])));
  const on = withRewrites(FOLD, () => allBits(tf.Session().run([out, tf.transpose(b)])));
  expect(on).toEqual(off);
  expect(kernelSteps(planSteps({}, [out])).length).toBeGreaterThan(5);
  expect(kernelSteps(planSteps(FOLD, [out]))).toEqual([]);
});

test("folding never changes the user's graph", () => {
  const x = tf.constant(
    [
      [1, 2],
      [3, 4],
    ],
    { name: "x" },
  );
  const y = tf.matmul(tf.transpose(x), x, { name: "y" });
  const graph = tf.getDefaultGraph();
  const before = JSON.stringify(asGraphDef(graph));
  const inputs = graph.getOperations().map((o) => o.inputs.map((t) => t.name));
  withRewrites(FOLD, () => tf.Session().run(y));
  expect(JSON.stringify(asGraphDef(graph))).toBe(before);
  expect(graph.getOperations().map((o) => o.inputs.map((t) => t.name))).toEqual(inputs);
  const [gx] = tf.gradients(y, [x]);
  expect(withRewrites(FOLD, () => bits(tf.Session().run(gx as tf.Tensor)))).toBe(
    withRewrites({}, () => bits(tf.Session().run(gx as tf.Tensor))),
  );
});

test("random and stateful ops never fold: each run draws anew, the same draws as unfolded", () => {
  tf.setRandomSeed(7);
  const r = tf.randomUniform([3], 0, 1, { seed: 3 }).mul(tf.constant(2));
  const draws = (on: object) =>
    withRewrites(on, () => {
      const sess = tf.Session();
      return [bits(sess.run(r)), bits(sess.run(r))];
    });
  const off = draws({});
  expect(draws(FOLD)).toEqual(off);
  expect(off[0]).not.toEqual(off[1]);
});

test("Shape of a fully known shape folds, and Shape of a fed [None, 3] placeholder folds in a plan specialised for its feed", () => {
  const p = tf.placeholder(tf.float32, { shape: [null, 3] });
  const q = tf.placeholder(tf.float32, { shape: [2, 3] });
  const sq = tf.shape(p).mul(tf.shape(q)); // tf.shape of q is already a Const; of p a Shape op
  expect(
    kernelSteps(
      planSteps(
        FOLD,
        [sq],
        [],
        [
          [p, [4, 3]],
          [q, [2, 3]],
        ],
      ),
    ),
  ).toEqual([]);
  expect(kernelSteps(planSteps(FOLD, [sq], [], []))).toContain("Shape:Shape");
  const feed = new Map<tf.Tensor, number[][]>([
    [
      p,
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
        [1, 1, 1],
      ],
    ],
    [
      q,
      [
        [0, 0, 0],
        [1, 1, 1],
      ],
    ],
  ]);
  const off = withRewrites({}, () => bits(tf.Session().run(sq, feed)));
  expect(withRewrites(FOLD, () => bits(tf.Session().run(sq, feed)))).toEqual(off);
  expect(off).toBe(bits(tf.NDArray.from([8, 9], tf.int32)));
});

test("gradients through broadcasts fold to constants when the feed shapes are known, with identical results", () => {
  const x = tf.placeholder(tf.float32, { shape: [null, 2] });
  const w = tf.Variable(tf.constant([[0.5], [-1.5]]));
  const loss = tf.reduceMean(tf.square(tf.matmul(x, w).add(0.25)));
  const [g] = tf.gradients(loss, [w]);
  const feed = new Map([
    [
      x,
      [
        [1, 2],
        [3, -4],
        [0.1, 1e-7],
      ],
    ],
  ]);
  const result = (on: object) =>
    withRewrites(on, () => {
      const sess = tf.Session();
      sess.run(tf.globalVariablesInitializer());
      return allBits(sess.run([g as tf.Tensor, loss], feed));
    });
  expect(result(FOLD)).toEqual(result({}));
  const folded = kernelSteps(planSteps(FOLD, [g as tf.Tensor], [], [[x, [3, 2]]]));
  expect(folded.some((s) => /^(Shape|BroadcastGradientArgs|Tile):/.test(s))).toBe(false);
});

test("an op that fails is left in the plan and fails at run time at its node", () => {
  const bad = tf.reshape(tf.constant([1, 2, 3]), [2, 2], { name: "bad" });
  for (const on of [{}, FOLD]) {
    withRewrites(on, () => {
      expect(() => tf.Session().run(bad)).toThrow(
        /Input to reshape is a tensor with 3 values[\s\S]*\{\{node bad\}\}/,
      );
    });
  }
});

test("the shape of an uninitialized variable's value still reports the variable", () => {
  const v = tf.Variable(tf.zeros([1, 3]), { name: "v" });
  const x = tf.placeholder(tf.float32, { shape: [null, 3] });
  const s = tf.shape(v.value().add(x)); // [None, 3]: a Shape op, folded once [4, 3] is fed
  // Only the variable itself still runs (and the check of its read).
  expect(
    kernelSteps(planSteps({ constantFolding: true, pruneUnread: true }, [s], [], [[x, [4, 3]]])),
  ).toEqual(["VariableV2:v"]);
  const feed = new Map([
    [
      x,
      [
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3],
      ],
    ],
  ]);
  for (const on of [{}, FOLD, { constantFolding: true, pruneUnread: true }]) {
    withRewrites(on, () => {
      expect(() => tf.Session().run(s, feed)).toThrow(
        /Attempting to use uninitialized value v\n[\s\S]*\{\{node v\/read\}\}/,
      );
    });
  }
});

test("a shape that only a failing op could give is never folded (the failure stays)", () => {
  const x = tf.placeholder(tf.float32, { shape: [null, 3] });
  const r = tf.reshape(x, [-1, 5], { name: "r" }); // 4 rows fed: 12 values do not fill rows of 5
  const s = tf.shape(r.add(1));
  const feed = new Map([[x, [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]]]);
  expect(kernelSteps(planSteps(FOLD, [s], [], [[x, [4, 3]]]))).toContain("Shape:Shape");
  for (const on of [{}, { constantFolding: true, pruneUnread: true }]) {
    withRewrites(on, () => {
      expect(() => tf.Session().run(s, feed)).toThrow(/Input to reshape is a tensor with 12 values[\s\S]*\{\{node r\}\}/);
    });
  }
});

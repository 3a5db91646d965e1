import * as tf from "tensorlings";
import { ALL_OFF, bits, planSteps, withRewrites } from "./helpers";
import { StepKind } from "../../../src/runtime/plan";

const ALL_ON = Object.fromEntries(Object.keys(ALL_OFF).map((k) => [k, true]));

beforeEach(() => tf.resetDefaultGraph());

test.each([
  ["directly", (t: tf.Tensor) => t],
  ["through an Identity", (t: tf.Tensor) => tf.identity(t)],
  ["through a Reshape", (t: tf.Tensor) => tf.reshape(t, [2])],
])("a value stored in a variable %s is never overwritten by a later run", (_how, wrap) => {
  const a = tf.placeholder(tf.float32, { shape: [2] });
  const v = tf.Variable([0, 0], { name: "v" });
  const w = tf.Variable([0, 0], { name: "w" });
  const assignV = tf.assign(v, wrap(a.mul(2).add(1)));
  const copyToW = tf.assign(w, v.value());
  withRewrites(ALL_ON, () => {
    const sess = tf.Session();
    sess.run(tf.globalVariablesInitializer());
    sess.run(assignV, new Map([[a, [1, 2]]]));
    sess.run(copyToW);
    sess.run(assignV, new Map([[a, [5, 6]]]));
    expect(Array.from(sess.run(w).toFloat64())).toEqual([3, 5]);
    expect(Array.from(sess.run(v).toFloat64())).toEqual([11, 13]);
  });
});

test("fetched results stay as they were after later runs", () => {
  const a = tf.placeholder(tf.float32, { shape: [3] });
  const b = tf.sigmoid(a.mul(2)).sub(0.5);
  withRewrites(ALL_ON, () => {
    const sess = tf.Session();
    const first = sess.run(b, new Map([[a, [1, 2, 3]]]));
    const saved = bits(first);
    sess.run(b, new Map([[a, [-7, 0, 9]]]));
    expect(bits(first)).toBe(saved);
  });
});

test("kernels reuse their buffers only where nothing outside the run can see them", () => {
  const a = tf.placeholder(tf.float32, { shape: [4, 4] });
  const v = tf.Variable(tf.zeros([4, 4]));
  const product = tf.matmul(a, a, { name: "product" });
  const stored = tf.matmul(a, tf.transpose(a), { name: "stored" });
  const out = tf.reduceSum(product, 0, { name: "total" });
  const assign = tf.assign(v, stored);
  const steps = planSteps(ALL_ON, [out], [assign.op], [[a, [4, 4]]]);
  const reuse = Object.fromEntries(
    steps.filter((s) => s.kind === StepKind.Kernel).map((s) => [s.op.name, s.reusesOutputs]),
  );
  expect(reuse).toMatchObject({ product: true, total: true, stored: false });
  const offSteps = planSteps({ ...ALL_ON, reuseBuffers: false }, [out], [assign.op], [[a, [4, 4]]]);
  expect(offSteps.some((s) => s.reusesOutputs)).toBe(false);
});

test("training with every rewrite gives the bits of training with none", () => {
  tf.setRandomSeed(3);
  const X = tf.placeholder(tf.float32, { shape: [null, 3], name: "X" });
  const y = tf.placeholder(tf.float32, { shape: [null, 1], name: "y" });
  const theta = tf.Variable(tf.randomUniform([3, 1], -1, 1, { seed: 3 }));
  const p = tf.sigmoid(tf.matmul(X, theta));
  const loss = tf.losses.logLoss(y, p);
  const train = tf.train.MomentumOptimizer({ learningRate: 0.1, momentum: 0.9 }).minimize(loss);
  const batches = [
    [
      [
        [1, 0.5, -1],
        [1, 2, 0.25],
        [1, -1.5, 3],
      ],
      [[1], [0], [1]],
    ],
    [
      [
        [1, 0, 1e-3],
        [1, 7, -2],
      ],
      [[0], [1]],
    ],
  ] as const;
  const run = (on: object) =>
    withRewrites(on, () => {
      const sess = tf.Session();
      sess.run(tf.globalVariablesInitializer());
      const trace: string[] = [];
      for (let step = 0; step < 12; step++) {
        const [xs, ys] = batches[step % 2];
        const feed = new Map<tf.Tensor, number[][]>([
          [X, xs.map((r) => [...r])],
          [y, ys.map((r) => [...r])],
        ]);
        trace.push(bits(sess.run(loss, feed)));
        sess.run(train, feed);
      }
      trace.push(bits(sess.run(theta)));
      return trace;
    });
  expect(run(ALL_ON)).toEqual(run({}));
});

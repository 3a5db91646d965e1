import * as tf from "tensorlings";
import { AWKWARD, bits, kernelSteps, planSteps, withRewrites } from "./helpers";

const FUSE = { fuseElementwise: true };

beforeEach(() => tf.resetDefaultGraph());

const column = (offset: number, n = AWKWARD.length) =>
  Array.from({ length: n }, (_, i) => [AWKWARD[(i + offset) % AWKWARD.length]]);

test("x*x*y + y + 2 runs as one step with the same bits", () => {
  const x = tf.placeholder(tf.float32, { shape: [null, 1] });
  const y = tf.placeholder(tf.float32, { shape: [null, 1] });
  const f = x.mul(x).mul(y).add(y).add(2);
  const feed = new Map([
    [x, column(0)],
    [y, column(5)],
  ]);
  expect(withRewrites(FUSE, () => bits(tf.Session().run(f, feed)))).toBe(
    withRewrites({}, () => bits(tf.Session().run(f, feed))),
  );
  const feeds: [tf.Tensor, number[]][] = [
    [x, [14, 1]],
    [y, [14, 1]],
  ];
  expect(kernelSteps(planSteps({}, [f], [], feeds))).toHaveLength(4);
  expect(kernelSteps(planSteps(FUSE, [f], [], feeds))).toHaveLength(1);
});

test("each intermediate is rounded to float32 where the unfused run stores it", () => {
  // (x + 1e-8) - x is 0 once x + 1e-8 is stored as float32, about 1e-8 if it is not.
  const x = tf.placeholder(tf.float32, { shape: [3] });
  const f = tf.sigmoid(tf.subtract(tf.add(x, 1e-8), x).mul(1e8));
  const feed = new Map([[x, [1, 7, -5]]]);
  const off = withRewrites({}, () => bits(tf.Session().run(f, feed)));
  expect(off).toBe(bits(tf.NDArray.from([0.5, 0.5, 0.5])));
  expect(withRewrites(FUSE, () => bits(tf.Session().run(f, feed)))).toBe(off);
  expect(kernelSteps(planSteps(FUSE, [f], [], [[x, [3]]]))).toHaveLength(1);
});

test("float64 chains keep float64 intermediates", () => {
  const x = tf.placeholder(tf.float64, { shape: [null] });
  const f = tf.log(tf.exp(x.mul(x).neg()).add(1e-300));
  const feed = new Map([[x, tf.NDArray.from(AWKWARD, tf.float64)]]);
  expect(withRewrites(FUSE, () => bits(tf.Session().run(f, feed)))).toBe(
    withRewrites({}, () => bits(tf.Session().run(f, feed))),
  );
});

test("real broadcasting runs op by op: same bits, and shape errors name the failing op", () => {
  const a = tf.placeholder(tf.float32, { shape: [null, null] });
  const b = tf.placeholder(tf.float32, { shape: [null, null] });
  const f = tf.multiply(tf.add(a, b, { name: "sum" }), a, { name: "prod" }).sub(1);
  const broadcast = new Map([
    [a, [[1], [2], [-0]]],
    [b, [[0.5, NaN, -3]]],
  ]);
  expect(withRewrites(FUSE, () => bits(tf.Session().run(f, broadcast)))).toBe(
    withRewrites({}, () => bits(tf.Session().run(f, broadcast))),
  );
  const bad = new Map([
    [a, [[1, 2]]],
    [b, [[1, 2, 3]]],
  ]);
  for (const on of [{}, FUSE]) {
    withRewrites(on, () => {
      expect(() => tf.Session().run(f, bad)).toThrow(
        /Incompatible shapes: \[1,2\] vs\. \[1,3\][\s\S]*\{\{node sum\}\}/,
      );
    });
  }
});

test("a value read twice, or fetched, stays outside the group", () => {
  const x = tf.placeholder(tf.float32, { shape: [4] });
  const shared = tf.multiply(x, 2, { name: "shared" });
  const f = shared.add(1).mul(shared.sub(1));
  const steps = kernelSteps(planSteps(FUSE, [f], [], [[x, [4]]]));
  expect(steps).toContain("Mul:shared");
  expect(steps).toHaveLength(2);
  const feed = new Map([[x, [1, -0, NaN, 3e38]]]);
  const run = (on: object) => withRewrites(on, () => tf.Session().run([f, shared], feed).map(bits));
  expect(run(FUSE)).toEqual(run({}));
});

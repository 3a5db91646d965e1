import * as tf from "tensorlings";
import { allBits, kernelSteps, planSteps, withRewrites } from "./helpers";
import { StepKind } from "../../../src/runtime/plan";

const FORWARD = { constantFolding: true, forwardAliases: true, pruneUnread: true };

beforeEach(() => tf.resetDefaultGraph());

test("tf.tuple's identities and same-shape reshapes are skipped, results unchanged", () => {
  const x = tf.placeholder(tf.float32, { shape: [null, 2] });
  const [a, b] = tf.tuple([x.mul(2), x.add(1)]) as tf.Tensor[];
  const r = tf.reshape(a, tf.shape(x)).sub(b);
  const feeds: [tf.Tensor, number[]][] = [[x, [3, 2]]];
  const before = planSteps({ constantFolding: true }, [r], [], feeds);
  const after = planSteps(FORWARD, [r], [], feeds);
  expect(before.filter((s) => s.kind === StepKind.Alias).length).toBeGreaterThan(0);
  expect(kernelSteps(before)).toContain("Reshape:Reshape");
  expect(after.filter((s) => s.kind === StepKind.Alias)).toEqual([]);
  expect(kernelSteps(after)).not.toContain("Reshape:Reshape");
  const feed = new Map([
    [
      x,
      [
        [1, -0],
        [NaN, 3.5],
        [1e-40, -2],
      ],
    ],
  ]);
  const run = (on: object) => withRewrites(on, () => allBits(tf.Session().run([r, a], feed)));
  expect(run(FORWARD)).toEqual(run({}));
});

test("a reshape that changes the shape is kept", () => {
  const x = tf.placeholder(tf.float32, { shape: [null, 2] });
  const r = tf.reshape(x.mul(3), [-1]);
  const steps = kernelSteps(planSteps(FORWARD, [r], [], [[x, [2, 2]]]));
  expect(steps).toContain("Reshape:Reshape");
  const feed = new Map([
    [
      x,
      [
        [1, 2],
        [3, 4],
      ],
    ],
  ]);
  expect(withRewrites(FORWARD, () => tf.Session().run(r, feed).shape)).toEqual([4]);
});

test("a variable's read stays where uninitialized reads are reported", () => {
  const v = tf.Variable([1, 2], { name: "v" });
  const out = tf.identity(v.value()).mul(2);
  for (const on of [{}, FORWARD]) {
    withRewrites(on, () => {
      expect(() => tf.Session().run(out)).toThrow(
        /Attempting to use uninitialized value v\n[\s\S]*\{\{node v\/read\}\}/,
      );
    });
  }
});

import * as tf from "tensorlings";
import { AWKWARD, allBits, kernelSteps, planSteps, withRewrites } from "./helpers";

const FORMS = { constantFolding: true, elementwiseForms: true, fuseElementwise: true };

beforeEach(() => tf.resetDefaultGraph());

test("a sum over no axes (negative zero becomes +0, as the kernel's accumulator does) fuses with its neighbours", () => {
  const x = tf.placeholder(tf.float32, { shape: [null] });
  const s = tf.reduceSum(x.mul(-1), tf.constant(new tf.NDArray(tf.int32, [0], new Int32Array(0)))).add(3);
  const m = tf.reduceMean(x, tf.constant(new tf.NDArray(tf.int32, [0], new Int32Array(0))));
  const feed = new Map([[x, AWKWARD]]);
  const run = (on: object) => withRewrites(on, () => allBits(tf.Session().run([s, m], feed)));
  const off = run({}) as string[];
  expect(run(FORMS)).toEqual(off);
  // -1 * 0 is -0; summed over nothing it is +0.
  expect(tf.Session().run(s, new Map([[x, [0]]])).data[0]).toBe(3);
  expect(
    Object.is(
      tf
        .Session()
        .run(
          tf.reduceSum(x, tf.constant(new tf.NDArray(tf.int32, [0], new Int32Array(0)))),
          new Map([[x, [-0]]]),
        ).data[0],
      0,
    ),
  ).toBe(true);
  expect(kernelSteps(planSteps(FORMS, [s], [], [[x, [AWKWARD.length]]]))).toHaveLength(1);
});

test("AddN of two same-shaped inputs fuses as one rounding of 0 + a + b", () => {
  const a = tf.placeholder(tf.float32, { shape: [null] });
  const b = tf.placeholder(tf.float32, { shape: [null] });
  const out = tf.addN([a.mul(2), b.neg()]).sub(1);
  const feed = new Map([
    [a, AWKWARD.map((v) => -v)],
    [b, AWKWARD],
  ]);
  const run = (on: object) => withRewrites(on, () => allBits(tf.Session().run(out, feed)));
  expect(run(FORMS)).toEqual(run({}));
  const n = AWKWARD.length;
  expect(
    kernelSteps(
      planSteps(
        FORMS,
        [out],
        [],
        [
          [a, [n]],
          [b, [n]],
        ],
      ),
    ),
  ).toHaveLength(1);
  // Shapes unknown while compiling: AddN keeps its own kernel (and its size check).
  expect(kernelSteps(planSteps(FORMS, [out])).some((s) => s.startsWith("AddN"))).toBe(true);
});

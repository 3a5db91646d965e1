import * as tf from "tensorlings";
import { AWKWARD, bits, kernelSteps, planSteps, withRewrites } from "./helpers";

const ON = { constantFolding: true, transposeMatMul: true, pruneUnread: true };

beforeEach(() => tf.resetDefaultGraph());

const rows = (r: number, c: number, offset = 0) =>
  Array.from({ length: r }, (_, i) =>
    Array.from({ length: c }, (_, j) => AWKWARD[(i * c + j + offset) % AWKWARD.length]),
  );

test.each([
  ["transpose(a) · b", false],
  ["a · transpose(b)", true],
])("%s reads the untransposed input directly, bit for bit", (_name, transposeB) => {
  const a = tf.placeholder(tf.float32, { shape: [null, 3], name: "a" });
  const b = tf.placeholder(tf.float32, { shape: [null, 3], name: "b" });
  const out = transposeB
    ? tf.matmul(a, tf.transpose(b), { name: "out" })
    : tf.matmul(tf.transpose(a), b, { name: "out" });
  const feed = new Map([
    [a, rows(4, 3)],
    [b, rows(4, 3, 5)],
  ]);
  const off = withRewrites({}, () => bits(tf.Session().run(out, feed)));
  expect(withRewrites(ON, () => bits(tf.Session().run(out, feed)))).toBe(off);
  expect(
    kernelSteps(
      planSteps(
        {},
        [out],
        [],
        [
          [a, [4, 3]],
          [b, [4, 3]],
        ],
      ),
    ),
  ).toContain("Transpose:transpose");
  expect(
    kernelSteps(
      planSteps(
        ON,
        [out],
        [],
        [
          [a, [4, 3]],
          [b, [4, 3]],
        ],
      ),
    ),
  ).toEqual(["MatMul:out"]);
});

test("the book's hand-written gradient, matmul(transpose(X), error), with a computed perm", () => {
  const X = tf.placeholder(tf.float32, { shape: [null, 2] });
  const e = tf.placeholder(tf.float32, { shape: [null, 1] });
  const g = tf.matmul(tf.transpose(X), e).mul(0.5);
  const feed = new Map([
    [X, rows(5, 2, 3)],
    [e, rows(5, 1, 1)],
  ]);
  expect(withRewrites(ON, () => bits(tf.Session().run(g, feed)))).toBe(
    withRewrites({}, () => bits(tf.Session().run(g, feed))),
  );
  expect(
    kernelSteps(
      planSteps(
        ON,
        [g],
        [],
        [
          [X, [5, 2]],
          [e, [5, 1]],
        ],
      ),
    ).some((s) => s.startsWith("Transpose")),
  ).toBe(false);
});

test("incompatible shapes raise MatMul's own message, naming the transposed shape", () => {
  const a = tf.placeholder(tf.float32, { shape: [null, null] });
  const b = tf.placeholder(tf.float32, { shape: [null, null] });
  const out = tf.matmul(tf.transpose(a, [1, 0]), b, { name: "mm" });
  const feed = new Map([
    [a, rows(2, 3)],
    [b, rows(4, 2)],
  ]);
  const message = (on: object) =>
    withRewrites(on, () => {
      try {
        tf.Session().run(out, feed);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
  expect(message({})).toMatch(/^Matrix size-incompatible: In\[0\]: \[3,2\], In\[1\]: \[4,2\]/);
  expect(message(ON)).toBe(message({}));
});

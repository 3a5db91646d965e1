import * as tf from "tensorlings";

beforeEach(() => tf.resetDefaultGraph());

const rows = (n: number, start: number) => Array.from({ length: n }, (_, i) => [start + i, 2 * (start + i)]);

test("plans specialised per fed shape give each shape its own correct answer", () => {
  const x = tf.placeholder(tf.float32, { shape: [null, 2] });
  const w = tf.constant([[1], [10]]);
  const loss = tf.reduceMean(tf.square(tf.matmul(x, w)));
  const [g] = tf.gradients(loss, [x]);
  const sess = tf.Session();
  // More distinct shapes than the cache specialises for, then the first ones again.
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2, 11]) {
    const data = rows(n, n);
    const [l, grad] = sess.run([loss, g as tf.Tensor], new Map([[x, data]]));
    const z = data.map(([a, b]) => a + 10 * b);
    expect(l.item()).toBeCloseTo(z.reduce((s, v) => s + v * v, 0) / n, 2);
    expect(grad.shape).toEqual([n, 2]);
    const expected = data.flatMap((_, i) => [(2 * z[i]) / n, (20 * z[i]) / n]);
    Array.from(grad.data as Float32Array).forEach((v, i) => expect(v / expected[i]).toBeCloseTo(1, 6));
  }
});

test("the same signature with feeds in another order, or fetched as a list, runs correctly", () => {
  const a = tf.placeholder(tf.float32, { shape: [2] });
  const b = tf.placeholder(tf.float32, { shape: [2] });
  const d = a.sub(b);
  const sess = tf.Session();
  expect(
    Array.from(
      sess.run(
        d,
        new Map([
          [a, [5, 6]],
          [b, [1, 2]],
        ]),
      ).toFloat64(),
    ),
  ).toEqual([4, 4]);
  expect(
    Array.from(
      sess.run(
        d,
        new Map([
          [b, [1, 2]],
          [a, [7, 9]],
        ]),
      ).toFloat64(),
    ),
  ).toEqual([6, 7]);
  const [r1, r2] = sess.run(
    [d, a],
    [
      [a, [1, 1]],
      [b, [0, 3]],
    ],
  );
  expect([Array.from(r1.toFloat64()), Array.from(r2.toFloat64())]).toEqual([
    [1, -2],
    [1, 1],
  ]);
  expect(
    sess.run({ diff: d, ops: [d.op] }, [
      [a, [2, 2]],
      [b, [1, 1]],
    ]).ops,
  ).toEqual([null]);
});

test("a fed tensor that is also computed takes the fed value everywhere", () => {
  const x = tf.constant([1, 2]);
  const y = x.mul(3);
  const z = y.add(1);
  const sess = tf.Session();
  expect(Array.from(sess.run(z).toFloat64())).toEqual([4, 7]);
  const [zy, yy] = sess.run([z, y], new Map([[y, [10, 20]]]));
  expect([Array.from(zy.toFloat64()), Array.from(yy.toFloat64())]).toEqual([
    [11, 21],
    [10, 20],
  ]);
});

// Printed outputs of the chapter-9 notebook (the cells on creating, managing and running graphs,
// name scopes and modularity), produced through the engine.
import * as tf from "tensorlings";

beforeEach(() => tf.resetDefaultGraph());

test("item 1: f prints as add_1 and evaluates to 42 three ways", () => {
  const x = tf.Variable(3, { name: "x", dtype: tf.int32 });
  const y = tf.Variable(4, { name: "y", dtype: tf.int32 });
  const f = x.mul(x).mul(y).add(y).add(2);
  expect(f.repr()).toBe("<tf.Tensor 'add_1:0' shape=() dtype=int32>");

  const sess = tf.Session();
  sess.run(x.initializer);
  sess.run(y.initializer);
  expect(String(sess.run(f))).toBe("42");
  sess.close();

  const init = tf.globalVariablesInitializer();
  expect(
    tf.withSession(tf.Session(), () => {
      init.run();
      return String(f.eval());
    }),
  ).toBe("42");

  const interactive = tf.InteractiveSession();
  init.run();
  expect(String(f.eval())).toBe("42");
  interactive.close();
});

test("item 2: managing graphs, and w/x/y/z evaluated separately and together", () => {
  const x1 = tf.Variable(1);
  expect(x1.graph === tf.getDefaultGraph()).toBe(true);
  const graph = tf.Graph();
  const x2 = graph.asDefault(() => tf.Variable(2));
  expect(x2.graph === graph).toBe(true);
  expect(x2.graph === tf.getDefaultGraph()).toBe(false);

  const w = tf.constant(3, { dtype: tf.int32 });
  const x = w.add(2);
  const y = x.add(5);
  const z = x.mul(3);
  tf.withSession(tf.Session(), () => {
    expect(String(y.eval())).toBe("10");
    expect(String(z.eval())).toBe("15");
  });
  tf.withSession(tf.Session(), (sess) => {
    const [yVal, zVal] = sess.run([y, z]);
    expect([String(yVal), String(zVal)]).toEqual(["10", "15"]);
  });
});

test("item 9: placeholders fed with one and two rows", () => {
  const A = tf.placeholder(tf.float32, { shape: [null, 3] });
  const B = A.add(5);
  expect(String(B)).toBe('Tensor("add:0", shape=(?, 3), dtype=float32)');
  const [b1, b2] = tf.withSession(tf.Session(), () => [
    B.eval(new Map([[A, [[1, 2, 3]]]])),
    B.eval(new Map([[A, [[4, 5, 6], [7, 8, 9]]]])),
  ]);
  expect(String(b1)).toBe("[[6. 7. 8.]]");
  expect(String(b2)).toBe("[[ 9. 10. 11.]\n [12. 13. 14.]]");
});

test("item 14: loss/sub and loss/mse", () => {
  const X = tf.placeholder(tf.float32, { shape: [null, 2], name: "X" });
  const theta = tf.Variable(tf.randomUniform([2, 1], -1, 1, { seed: 42 }), { name: "theta" });
  const yPred = tf.matmul(X, theta, { name: "predictions" });
  const y = tf.placeholder(tf.float32, { shape: [null, 1], name: "y" });
  const [error, mse] = tf.nameScope("loss", () => {
    const e = yPred.sub(y);
    return [e, tf.reduceMean(tf.square(e), null, { name: "mse" })];
  });
  expect(error.op.name).toBe("loss/sub");
  expect(mse.op.name).toBe("loss/mse");
});

test("item 16: a string constant prints as NumPy bytes", () => {
  const s = tf.constant("Do you want some café?".split(" "));
  expect(s.dtype).toBe(tf.string);
  expect(String(s)).toBe('Tensor("Const:0", shape=(5,), dtype=string)');
  const value = tf.withSession(tf.Session(), (sess) => sess.run(s));
  expect(String(value)).toBe("[b'Do' b'you' b'want' b'some' b'caf\\xc3\\xa9?']");
  expect(value.toArray()).toEqual(["Do", "you", "want", "some", "café?"]);
});

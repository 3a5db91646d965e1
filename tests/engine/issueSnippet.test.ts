// The snippet of issue 3, run verbatim, with each commented value checked.
import * as tf from "tensorlings";

test("the engine runs the issue's snippet verbatim", () => {
  tf.resetDefaultGraph();
  const x = tf.Variable(3, { name: "x" });
  const y = tf.Variable(4, { name: "y" });
  const f = x.mul(x).mul(y).add(y).add(2);
  expect(String(f)).toBe('Tensor("add_1:0", shape=(), dtype=float32)');
  const sess = tf.Session();
  sess.run(x.initializer);
  sess.run(y.initializer);
  expect(sess.run(f).item()).toBe(42);
  sess.close();
  expect(
    tf.withSession(tf.Session(), () => {
      tf.globalVariablesInitializer().run();
      return f.eval().item();
    }),
  ).toBe(42);
  const g = tf.Graph();
  expect(g.asDefault(() => tf.Variable(2).graph === g)).toBe(true);
  const A = tf.placeholder(tf.float32, { shape: [null, 3] });
  const B = A.add(5);
  expect(tf.withSession(tf.Session(), (s) => String(s.run(B, new Map([[A, [[1, 2, 3]]]]))))).toBe("[[6. 7. 8.]]");
  expect(tf.nameScope("loss", (scope) => scope)).toBe("loss/");
  const t = tf.variableScope("relu", () =>
    tf.getVariable("threshold", { shape: [], initializer: tf.constantInitializer(0.0) }),
  );
  expect(tf.variableScope("relu", { reuse: true }, () => tf.getVariable("threshold")) === t).toBe(true);
  tf.setRandomSeed(42);
  const r = tf.randomUniform([9, 1], -1.0, 1.0, { seed: 42 });
  const values = tf.withSession(tf.Session(), (s) => s.run(r));
  expect(Array.from(values.data as Float32Array)).toEqual(
    [-0.16739439964294434, -0.46283674240112305, -0.0406336784362793, -0.2708573341369629, 0.9094228744506836,
      0.8837292194366455, 0.22966790199279785, -0.2831571102142334, 0.18720483779907227],
  );
});

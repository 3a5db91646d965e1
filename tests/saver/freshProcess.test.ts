/** The book's `import_meta_graph` flow (the notebook's save/restore cells) in a fresh Node process. */
import * as path from "path";
import * as tf from "tensorlings";
import { Saver } from "../../src/train/saver";
import { buildRegression, runChild, tempDir, valuesOf } from "./helpers";

test("importMetaGraph + getTensorByName('theta:0') + restore in a new process", async () => {
  const dir = tempDir();
  const { theta, mse, trainingOp, init } = buildRegression();
  const saver = Saver();
  const sess = tf.Session();
  sess.run(init);
  for (let i = 0; i < 20; i++) sess.run(trainingOp);
  const prefix = saver.save(sess, path.join(dir, "my_model_final.ckpt"))!;
  const expected = { theta: valuesOf(sess.run(theta)), mse: sess.run(mse).item() };
  sess.run(trainingOp);
  const afterStep = valuesOf(sess.run(theta));

  const child = await runChild("freshChild.ts", [prefix]);
  expect(child.stderr).toContain(`INFO:tensorflow:Restoring parameters from ${prefix}\n`);
  expect(child.code).toBe(0);
  const got = JSON.parse(child.stdout);
  expect(got.theta).toEqual(expected.theta);
  expect(got.mse).toBe(expected.mse);
  expect(got.afterStep).toEqual(afterStep);
  // TF's get_tensor_by_name gives the variable's ref tensor, not the Variable.
  expect(got.thetaRepr).toBe("<tf.Tensor 'theta:0' shape=(3, 1) dtype=float32_ref>");
  expect(got.globalVariables).toEqual(["<tf.Variable 'theta:0' shape=(3, 1) dtype=float32_ref>"]);
}, 30000);

import * as path from "path";
import * as tf from "tensorlings";
const dir = "/tmp/prof"; require("fs").rmSync(dir, {recursive: true, force: true}); require("fs").mkdirSync(dir);
const SIZE = 20_000;
const theta = tf.Variable(tf.zeros([SIZE]), { name: "theta" });
const saver = tf.train.Saver();
const sess = tf.Session();
sess.run(tf.globalVariablesInitializer());
for (const [name, opts] of [["all", {}], ["nometa", { writeMetaGraph: false }], ["nostate", { writeMetaGraph: false, writeState: false }]] as const) {
  const t0 = Date.now();
  for (let i = 0; i < 20; i++) saver.save(sess, path.join(dir, "fixed", "model.ckpt"), opts);
  console.log(name, (Date.now() - t0) / 20, "ms/save");
}

/**
 * Child process of crash.test.ts: saves as fast as it can, until it is killed, to a fixed prefix
 * (`<dir>/fixed/model.ckpt`, as the book's training loop does) and with a global step
 * (`<dir>/steps/model.ckpt-<step>`, 3 kept). Every value it saves is the step number, in all 20k
 * elements of `theta` and in `step`. Before each round it prints `saving <step>`.
 * Usage: crashSaverChild.ts <dir> <firstStep>
 */
import * as path from "path";
import * as tf from "tensorlings";

const [dir, first] = process.argv.slice(2);
const SIZE = 20_000;
const theta = tf.Variable(tf.zeros([SIZE]), { name: "theta" });
const step = tf.Variable(0.0, { name: "step" });
const newStep = tf.placeholder(tf.float32, { shape: [], name: "new_step" });
const update = tf.group([tf.assign(theta, tf.fill([SIZE], newStep)), tf.assign(step, newStep)]);
const fixedSaver = tf.train.Saver();
const stepSaver = tf.train.Saver(null, { maxToKeep: 3 });
// A new process takes over the checkpoints of the previous one, so rotation goes on deleting them.
const state = tf.train.getCheckpointState(path.join(dir, "steps"));
if (state) stepSaver.recoverLastCheckpoints(state.allModelCheckpointPaths);

const sess = tf.Session();
sess.run(tf.globalVariablesInitializer());
process.stdout.write("ready\n");
for (let s = Number(first); ; s++) {
  process.stdout.write(`saving ${s}\n`);
  sess.run(update, [[newStep, s]] as never);
  fixedSaver.save(sess, path.join(dir, "fixed", "model.ckpt"));
  stepSaver.save(sess, path.join(dir, "steps", "model.ckpt"), { globalStep: s });
}

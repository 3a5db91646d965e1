/**
 * Child process of freshProcess.test.ts, the book's `import_meta_graph` cell in a new Node process:
 * nothing of the graph exists until the `.meta` file is imported. Usage: freshChild.ts <prefix>
 * Prints one JSON line with what it restored.
 */
import * as tf from "tensorlings";

const [prefix] = process.argv.slice(2);
const saver = tf.train.importMetaGraph(`${prefix}.meta`)!;
const graph = tf.getDefaultGraph();
const theta = graph.getTensorByName("theta:0");
const mse = graph.getTensorByName("loss/mse:0");
const sess = tf.Session();
saver.restore(sess, prefix);
const restoredTheta = Array.from(sess.run(theta).data as Float32Array);
const restoredMse = sess.run(mse).item();
sess.run(graph.getCollection<tf.Operation>("train_op")[0]);
const afterStep = Array.from(sess.run(theta).data as Float32Array);
process.stdout.write(
  JSON.stringify({
    theta: restoredTheta,
    mse: restoredMse,
    afterStep,
    thetaRepr: theta.repr(),
    globalVariables: tf.globalVariables().map(String),
  }) + "\n",
);

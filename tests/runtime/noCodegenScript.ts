// Run by noCodegen.test.ts in a child process, with and without code generation from strings.
import * as tf from "tensorlings";

const X = tf.placeholder(tf.float32, { shape: [null, 9] });
const theta = tf.constant(Array.from({ length: 9 }, (_, i) => [Math.sin(i) / 3]));
const pred = tf.matmul(X, theta);
const loss = tf.reduceMean(tf.square(pred.mul(1.5).sub(0.25)));
const [g] = tf.gradients(loss, [X]);
const rows = Array.from({ length: 40 }, (_, r) => Array.from({ length: 9 }, (_, c) => Math.cos(r * 9 + c)));
const sess = tf.Session();
const results = sess.run([pred, loss, g as tf.Tensor, tf.matmul(X, pred, { transposeA: true })], new Map([[X, rows]]));
console.log(JSON.stringify(results.map((a: tf.NDArray) => Array.from(a.data as Float32Array))));

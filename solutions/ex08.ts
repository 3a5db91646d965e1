/**
 * Exercise 8 · Running ops with a placeholder nobody fed: reference solution.
 *
 * Only what a run needs is evaluated. An op that depends on the placeholder fails at run time
 * with InvalidArgumentError ("You must feed a value for placeholder tensor 'Placeholder' with
 * dtype float and shape [?,3]"); an op that does not depend on it runs as if the placeholder
 * were not there.
 */
import * as tf from "tensorlings";

export interface ErrorInfo {
  name: string;
  message: string;
}

export interface RunWithoutFeeding {
  graph: tf.Graph;
  x: tf.Tensor;
  needsX: tf.Tensor;
  independent: tf.Tensor;
  error: ErrorInfo;
  value: tf.NDArray;
}

export function runWithoutFeeding(constValue: number[]): RunWithoutFeeding {
  const graph = tf.Graph();
  const { x, needsX, independent } = graph.asDefault(() => {
    const x = tf.placeholder(tf.float32, { shape: [null, 3] });
    return { x, needsX: x.mul(2), independent: tf.constant(constValue).add(1) };
  });

  const sess = tf.Session({ graph });
  let error: ErrorInfo = { name: "(none)", message: "no error was raised" };
  try {
    sess.run(needsX); // the run reaches x, which has no value
  } catch (e) {
    error = { name: (e as Error).name, message: (e as Error).message };
  }
  const value = sess.run(independent); // x is not on the way: no feed needed
  sess.close();
  return { graph, x, needsX, independent, error, value };
}

/** b: at run time, and only for runs that need the placeholder. */
export function whenDoesItFail(): "a" | "b" | "c" | "d" {
  return "b";
}

if (require.main === module) {
  const r = runWithoutFeeding([1, 2, 3]);
  console.log(`${r.error.name}: ${r.error.message}`);
  console.log("independent:", String(r.value), "| answer:", whenDoesItFail());
}

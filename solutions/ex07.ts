/**
 * Exercise 7 · Placeholder or variable? Reference solution.
 *
 * A placeholder only declares a type and a shape: it has no value, so every run that needs it
 * must feed one, and nothing is remembered from the previous run. A variable holds state in the
 * session: it needs an initialiser, keeps its value across runs and changes only when an op
 * assigns to it. Hence the usual roles: variables for parameters, placeholders for data.
 */
import * as tf from "tensorlings";

export interface ErrorInfo {
  name: string;
  message: string;
}

export interface PlaceholderVersusVariable {
  graph: tf.Graph;
  p: tf.Tensor;
  v: tf.Variable;
  bump: tf.Tensor | tf.Operation;
  fed: tf.NDArray;
  unfed: ErrorInfo;
  counts: number[];
}

export function placeholderVersusVariable(fedValue: number[], start: number): PlaceholderVersusVariable {
  const graph = tf.Graph();
  const { p, v, bump } = graph.asDefault(() => {
    const p = tf.placeholder(tf.float32, { shape: [null], name: "p" });
    const v = tf.Variable(start, { name: "v" });
    return { p, v, bump: tf.assignAdd(v, 1) };
  });

  const sess = tf.Session({ graph });
  const fed = sess.run(p, new Map([[p, fedValue]]));
  let unfed: ErrorInfo = { name: "(none)", message: "no error was raised" };
  try {
    sess.run(p); // the value fed one line above is not remembered
  } catch (e) {
    unfed = { name: (e as Error).name, message: (e as Error).message };
  }
  sess.run(v.initializer);
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    sess.run(bump);
    counts.push(sess.run(v).item() as number); // v carries over from run to run
  }
  sess.close();
  return { graph, p, v, bump, fed, unfed, counts };
}

/** a, b, d and f are true; c and e have it backwards. */
export function trueStatements(): string[] {
  return ["a", "b", "d", "f"];
}

if (require.main === module) {
  const r = placeholderVersusVariable([1, 2], 5);
  console.log("fed:", String(r.fed), "| unfed:", r.unfed.name, "| counts:", r.counts);
  console.log("answer:", trueStatements());
}

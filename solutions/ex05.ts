/**
 * Exercise 5 · Two sessions on one graph: reference solution.
 *
 * The graph only describes w; its value lives in a session. Two local sessions on one graph each
 * hold their own copy, so each worker sees its own additions only, however their steps
 * interleave. (In distributed TensorFlow, values live in containers on the cluster instead, and
 * sessions using the same container share them.)
 */
import * as tf from "tensorlings";

export interface TwoSessions {
  graph: tf.Graph;
  w: tf.Variable;
  first: tf.Session;
  second: tf.Session;
  seenByFirst: number;
  seenBySecond: number;
}

/** Lets the other worker run before we go on. */
const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function twoSessions(w0: number, step1: number, step2: number): Promise<TwoSessions> {
  const graph = tf.Graph();
  const { w, step, addStep, init } = graph.asDefault(() => {
    const w = tf.Variable(w0, { name: "w" });
    const step = tf.placeholder(tf.float32, { shape: [], name: "step" });
    const addStep = tf.assignAdd(w, step);
    return { w, step, addStep, init: tf.globalVariablesInitializer() };
  });

  const worker = async (amount: number) => {
    const sess = tf.Session({ graph });
    sess.run(init);
    await yieldTurn(); // the other worker initialises its session here
    sess.run(addStep, new Map([[step, amount]]));
    await yieldTurn(); // ...and adds its own step here
    return { sess, seen: sess.run(w).item() as number };
  };
  const [one, two] = await Promise.all([worker(step1), worker(step2)]);
  return { graph, w, first: one.sess, second: two.sess, seenByFirst: one.seen, seenBySecond: two.seen };
}

/** a and d: local sessions have their own copies; shared containers are a distributed feature. */
export function aboutSharing(): string[] {
  return ["a", "d"];
}

if (require.main === module) {
  twoSessions(10, 1, 100).then((r) => {
    console.log("worker 1 saw", r.seenByFirst, "worker 2 saw", r.seenBySecond);
    console.log("answer:", aboutSharing());
    r.first.close();
    r.second.close();
  });
}

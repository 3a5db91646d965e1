/**
 * Exercise 10 · Setting a variable to any value while the graph is in use: reference solution.
 *
 * Build, once, an assign op that takes its new value from a placeholder; then every
 * `sess.run(assign, {placeholder: value})` sets the variable to that value. `v.load(value, sess)`
 * does the same with the variable's own initializer, by feeding its initial-value input.
 * Building a new assign op per call would also "work", but the graph would grow on every call.
 */
import * as tf from "tensorlings";

export interface Setter {
  graph: tf.Graph;
  v: tf.Variable;
  session: tf.Session;
  setWithAssign(value: number[]): void;
  setWithLoad(value: number[]): void;
  read(): number[];
}

export function makeSetter(initial: number[]): Setter {
  const graph = tf.Graph();
  const { v, newValue, assign } = graph.asDefault(() => {
    const v = tf.Variable(initial, { name: "v" });
    const newValue = tf.placeholder(tf.float32, { shape: [initial.length], name: "new_value" });
    return { v, newValue, assign: tf.assign(v, newValue) };
  });
  const session = tf.Session({ graph });
  session.run(v.initializer);
  return {
    graph,
    v,
    session,
    setWithAssign: (value) => void session.run(assign, new Map([[newValue, value]])),
    setWithLoad: (value) => v.load(value, session),
    read: () => Array.from(session.run(v).toFloat64()),
  };
}

/** b: assign from a placeholder, or load. */
export function canYouSetAnyValue(): "a" | "b" | "c" | "d" {
  return "b";
}

if (require.main === module) {
  const s = makeSetter([1, 2, 3]);
  s.setWithAssign([7, 8, 9]);
  console.log("after assign:", s.read());
  s.setWithLoad([-1, -2, -3]);
  console.log("after load:", s.read(), "| answer:", canYouSetAnyValue());
  s.session.close();
}

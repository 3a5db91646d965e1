/**
 * Exercise 6 · When does a variable get its value, and when does it lose it? Reference solution.
 *
 * The graph holds only the description of v. Its value is created in a session when v's
 * initializer runs there, lives as long as that session, and disappears when the session is
 * closed. A second session starts without it and must initialise v again, from the initial value:
 * whatever session 1 did to v is gone. (In distributed TensorFlow, values live in containers on
 * the cluster and outlive sessions, until the container is reset.)
 */
import * as tf from "tensorlings";

export interface ErrorInfo {
  name: string;
  message: string;
}

export interface Lifecycle {
  graph: tf.Graph;
  v: tf.Variable;
  beforeInit: ErrorInfo;
  afterInit: tf.NDArray;
  afterDoubling: tf.NDArray;
  afterClose: ErrorInfo;
  newSession: ErrorInfo;
  reinitialised: tf.NDArray;
}

/** Runs `fn` and returns the error it throws (or a marker saying it did not throw). */
function caught(fn: () => unknown): ErrorInfo {
  try {
    fn();
    return { name: "(none)", message: "no error was raised" };
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
}

export function lifecycle(initial: number[]): Lifecycle {
  const graph = tf.Graph();
  const { v, double } = graph.asDefault(() => {
    const v = tf.Variable(initial, { name: "v" });
    return { v, double: tf.assign(v, v.mul(2)) };
  });

  const one = tf.Session({ graph });
  const beforeInit = caught(() => one.run(v)); // FailedPreconditionError: no value yet
  one.run(v.initializer);
  const afterInit = one.run(v);
  one.run(double);
  const afterDoubling = one.run(v);
  one.close(); // the value dies with the session
  const afterClose = caught(() => one.run(v)); // RuntimeError: the session is closed

  const two = tf.Session({ graph });
  const newSession = caught(() => two.run(v)); // a new session starts without v's value
  two.run(v.initializer);
  const reinitialised = two.run(v); // the initial value again, not the doubled one
  two.close();
  return { graph, v, beforeInit, afterInit, afterDoubling, afterClose, newSession, reinitialised };
}

/** b: the initializer, run in a session. */
export function whenInitialised(): "a" | "b" | "c" | "d" {
  return "b";
}

/** b: closing the session. */
export function whenDestroyed(): "a" | "b" | "c" | "d" {
  return "b";
}

if (require.main === module) {
  const r = lifecycle([1, 2, 3]);
  console.log("before init:", r.beforeInit.name, "| after init:", String(r.afterInit), "| doubled:", String(r.afterDoubling));
  console.log("after close:", r.afterClose.name, "| new session:", r.newSession.name, "| re-initialised:", String(r.reinitialised));
  console.log("answers:", whenInitialised(), whenDestroyed());
}

/**
 * Exercise 6 · When does a variable get its value, and when does it lose it?
 *
 * `tf.Variable(...)` adds ops to a graph, but where is the value, and for how long? Follow one
 * variable through its life with the engine.
 *
 * Part A. `lifecycle(initial)`: in a NEW graph, create a variable v with the initial value
 *   `initial` (an array of numbers) and an op that doubles v (`tf.assign(v, v * 2)`). Then:
 *     1. open session 1 and run v before anything else: catch the error  -> beforeInit
 *     2. run v's initializer (`v.initializer`), then read v              -> afterInit
 *     3. run the doubling op once, then read v                           -> afterDoubling
 *     4. close session 1 and try to read v with it: catch the error      -> afterClose
 *     5. open session 2 and read v right away: catch the error           -> newSession
 *     6. run the initializer in session 2, then read v                   -> reinitialised
 *   Errors are { name, message }: the class name and the engine's message, unchanged.
 *
 * Part B. Two questions, one letter each.
 *   `whenInitialised()`: when does v get a value?
 *     a. When `tf.Variable(...)` is called.
 *     b. When its initializer runs in a session; each session needs to run it for itself.
 *     c. When a session is created on the graph.
 *     d. The first time any op of the graph runs.
 *   `whenDestroyed()`: when does v's value go away (local TensorFlow, no cluster)?
 *     a. When the graph is reset or garbage-collected.
 *     b. When the session holding it is closed.
 *     c. Never: once initialised, the value is stored in the graph.
 *     d. When the JavaScript variable holding the tf.Variable goes out of scope.
 *
 * Check your work: `npm run grade 6`. Stuck? `npm run hint 6`.
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

export function lifecycle(initial: number[]): Lifecycle {
  // TODO: follow v through two sessions, as listed above.
  throw new Error("TODO: exercise 6, lifecycle");
}

export function whenInitialised(): "a" | "b" | "c" | "d" {
  throw new Error("TODO: exercise 6, whenInitialised");
}

export function whenDestroyed(): "a" | "b" | "c" | "d" {
  throw new Error("TODO: exercise 6, whenDestroyed");
}

if (require.main === module) {
  const r = lifecycle([1, 2, 3]);
  console.log("before init:", r.beforeInit.name, "| after init:", String(r.afterInit), "| doubled:", String(r.afterDoubling));
  console.log("after close:", r.afterClose.name, "| new session:", r.newSession.name, "| re-initialised:", String(r.reinitialised));
  console.log("answers:", whenInitialised(), whenDestroyed());
}

/**
 * Exercise 4 · Can one session run two graphs?
 *
 * A session is created for a graph (`tf.Session({ graph })`, or the default graph). What happens
 * when you hand it a tensor that lives in another graph? Find out with the engine.
 *
 * Part A. `fetchFromAnotherGraph()`: build two NEW graphs, each with at least one op of its own.
 *   Open a session on the first one and ask it to run a tensor of the second one. Catch the error
 *   and return the two graphs, the tensor you fetched, and the error as { name, message }
 *   (`name` is the error's class name, `message` exactly what the engine said).
 *
 * Part B. `canOneSessionRunTwoGraphs()`: which statement is true? Return one letter.
 *   a. Yes: a session runs whatever tensor you give it, whatever graph it belongs to.
 *   b. Yes, as long as each graph was the default graph when its tensors were created.
 *   c. No: a session is bound to the graph it was created for. To compute both in one run, build
 *      both computations in the same graph (or use one session per graph).
 *   d. No, and a program can hold only one graph at a time anyway.
 *
 * Check your work: `npm run grade 4`. Stuck? `npm run hint 4`.
 */
import * as tf from "tensorlings";

export interface ErrorInfo {
  name: string;
  message: string;
}

export interface TwoGraphs {
  /** The graph the session was created for. */
  sessionGraph: tf.Graph;
  /** The other graph. */
  otherGraph: tf.Graph;
  /** The tensor of `otherGraph` you asked the session to run. */
  fetched: tf.Tensor;
  error: ErrorInfo;
}

export function fetchFromAnotherGraph(): TwoGraphs {
  // TODO: two graphs, a session on the first, run a tensor of the second, catch the error.
  throw new Error("TODO: exercise 4, fetchFromAnotherGraph");
}

export function canOneSessionRunTwoGraphs(): "a" | "b" | "c" | "d" {
  // TODO: return the letter of the true statement.
  throw new Error("TODO: exercise 4, canOneSessionRunTwoGraphs");
}

if (require.main === module) {
  const r = fetchFromAnotherGraph();
  console.log(`${r.error.name}: ${r.error.message}`);
  console.log("answer:", canOneSessionRunTwoGraphs());
}

/**
 * Exercise 5 · Two sessions on one graph: do they share a variable?
 *
 * In Python you would open a session in each of two threads, both on the same graph g holding a
 * variable w. JavaScript has one thread, but async functions interleave just the same: while one
 * awaits, the other runs. Show what each session sees of w.
 *
 * Part A. `twoSessions(w0, step1, step2)`: in a NEW graph, create a variable w (initial value w0)
 *   and an op that adds a fed value to it (`tf.assignAdd` with a placeholder). Then run two
 *   async "workers" at the same time (`Promise.all`), each of which: opens its own session on the
 *   graph, initialises w, awaits a moment (`await new Promise((r) => setTimeout(r, 0))`) so the
 *   other worker gets a turn, adds its own step (worker 1: step1, worker 2: step2), awaits again,
 *   and reads w. Return the graph, w, the two sessions (LEAVE THEM OPEN: the grader reads w in
 *   each) and the value each worker read.
 *
 * Part B. `aboutSharing()`: which statements are true? Return an array of letters.
 *   a. Each local session keeps its own copy of w: changing w in one does not change it in the other.
 *   b. Both sessions share one w; whichever writes last wins.
 *   c. A graph can be used by only one session at a time; opening the second one fails.
 *   d. In distributed TensorFlow, sessions that connect to the same cluster and use the same
 *      container do share w's value.
 *   e. Because JavaScript runs one thing at a time, the second session has to wait until the first
 *      one is closed.
 *
 * Check your work: `npm run grade 5`. Stuck? `npm run hint 5`.
 */
import * as tf from "tensorlings";

export interface TwoSessions {
  graph: tf.Graph;
  w: tf.Variable;
  /** Worker 1's session, still open. */
  first: tf.Session;
  /** Worker 2's session, still open. */
  second: tf.Session;
  /** w as worker 1 read it at the end. */
  seenByFirst: number;
  /** w as worker 2 read it at the end. */
  seenBySecond: number;
}

export async function twoSessions(w0: number, step1: number, step2: number): Promise<TwoSessions> {
  // TODO: one graph, two interleaved workers, each with its own session.
  throw new Error("TODO: exercise 5, twoSessions");
}

export function aboutSharing(): string[] {
  // TODO: return the letters of the true statements.
  throw new Error("TODO: exercise 5, aboutSharing");
}

if (require.main === module) {
  twoSessions(10, 1, 100).then((r) => {
    console.log("worker 1 saw", r.seenByFirst, "worker 2 saw", r.seenBySecond);
    console.log("answer:", aboutSharing());
    r.first.close();
    r.second.close();
  });
}

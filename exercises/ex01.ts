/**
 * Exercise 1 · What a computation graph buys you, and what it costs
 *
 * TensorFlow 1.x works in two phases: you first DESCRIBE a computation as a graph of operations,
 * and only later does a session EXECUTE (part of) that graph. Observe the split with the engine,
 * then say what it is good and bad for.
 *
 * Part A. `buildDeferred(x0, y0)`: in a NEW graph (`tf.Graph()`, not the default one), build
 *   f = x*x*y + y + 2, where x and y are variables whose initial values are x0 and y0, plus the op
 *   that initialises all variables. Then, without running anything yet, record the names of the
 *   graph's ops. After that, open a session on the graph and observe two things: what running f
 *   does before the initialiser has run (catch the error and keep its class name), and f's value
 *   once the initialiser has run. Return everything as a `DeferredGraph`.
 *
 * Part B. Which of these statements about TF 1.x computation graphs are true?
 *   a. TensorFlow can compute gradients for you by walking the graph backwards (reverse-mode autodiff).
 *   b. Independent operations can run in parallel, on several threads or devices.
 *   c. Building the graph computes its values right away, so printing a tensor shows its value.
 *   d. The same graph can run on other devices and platforms (CPU, GPU, a server) without rewriting it.
 *   e. The graph can be inspected and visualised, for instance in TensorBoard.
 *   f. Step-by-step debugging is harder: the code that builds the graph is not the code that runs.
 *   g. A graph can be run only once; running it again means building it again.
 *   h. There is more to learn before you get going: two phases, sessions, feeding, initialisation.
 *   i. A graph makes floating-point arithmetic more precise than plain JavaScript numbers.
 *   `benefits()` returns the letters of the TRUE statements that are benefits of graphs;
 *   `drawbacks()` returns the letters of the TRUE statements that are drawbacks.
 *
 * Check your work: `npm run grade 1`. Stuck? `npm run hint 1`.
 */
import * as tf from "tensorlings";

export interface DeferredGraph {
  /** The graph you built f in (a new one, not the default graph). */
  graph: tf.Graph;
  /** f = x*x*y + y + 2 */
  f: tf.Tensor;
  /** The op that initialises x and y. */
  init: tf.Operation;
  /** Names of the graph's ops, read right after building it and before any session ran. */
  opNames: string[];
  /** Class name of the error a fresh session raises when it runs f before `init` ran. */
  errorBeforeInit: string;
  /** f's value once `init` has run. */
  value: number;
}

export type Letter = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i";

export function buildDeferred(x0: number, y0: number): DeferredGraph {
  // TODO: build f in a new graph, record the op names, then run it in a session (before and after init).
  throw new Error("TODO: exercise 1, buildDeferred");
}

export function benefits(): Letter[] {
  // TODO: return the letters of the true benefits (each one of "a" to "i"), as an array.
  throw new Error("TODO: exercise 1, benefits");
}

export function drawbacks(): Letter[] {
  // TODO: return the letters of the true drawbacks.
  throw new Error("TODO: exercise 1, drawbacks");
}

if (require.main === module) {
  const built = buildDeferred(3, 4);
  console.log("ops:", built.opNames.join(", "));
  console.log("before init:", built.errorBeforeInit, "after init:", built.value);
  console.log("benefits:", benefits(), "drawbacks:", drawbacks());
}

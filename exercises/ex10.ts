/**
 * Exercise 10 · Setting a variable to any value while the graph is in use
 *
 * A variable gets its initial value from its initializer. Can you later give it a value of your
 * choosing, one you only know at run time? Write a small "setter" that does it two ways.
 *
 * Part A. `makeSetter(initial)`: in a NEW graph, create a variable v (initial value `initial`, an
 *   array of 3 numbers), open a session and initialise v. Build everything the setter needs HERE,
 *   once: `setWithAssign` and `setWithLoad` must only RUN things, never add ops to the graph.
 *   Return a `Setter` whose methods work on that session:
 *     setWithAssign(value): runs a `tf.assign` op whose new value comes from a placeholder, fed `value`;
 *     setWithLoad(value):   uses `v.load(value, session)`;
 *     read():               returns v's current value as an array of numbers.
 *
 * Part B. `canYouSetAnyValue()`: which statement is true? Return one letter.
 *   a. No: once initialised, a variable's value is fixed.
 *   b. Yes: run an assign op whose value comes from a placeholder (or use `variable.load(value, sess)`),
 *      as often as you like, with any value of the right shape.
 *   c. Only by building a new graph with a different initial value.
 *   d. Only an optimizer's training op can change a variable.
 *
 * Check your work: `npm run grade 10`. Stuck? `npm run hint 10`.
 */
import * as tf from "tensorlings";

export interface Setter {
  graph: tf.Graph;
  v: tf.Variable;
  /** The open session the setter works in. */
  session: tf.Session;
  setWithAssign(value: number[]): void;
  setWithLoad(value: number[]): void;
  read(): number[];
}

export function makeSetter(initial: number[]): Setter {
  // TODO: build v, a placeholder and an assign op once; open and initialise a session; return the setter.
  throw new Error("TODO: exercise 10, makeSetter");
}

export function canYouSetAnyValue(): "a" | "b" | "c" | "d" {
  throw new Error("TODO: exercise 10, canYouSetAnyValue");
}

if (require.main === module) {
  const s = makeSetter([1, 2, 3]);
  s.setWithAssign([7, 8, 9]);
  console.log("after assign:", s.read());
  s.setWithLoad([-1, -2, -3]);
  console.log("after load:", s.read(), "| answer:", canYouSetAnyValue());
  s.session.close();
}

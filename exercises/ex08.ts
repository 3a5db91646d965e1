/**
 * Exercise 8 · Running ops with a placeholder nobody fed
 *
 * A graph holds a placeholder, and you forget to feed it. Does every run fail, or only some?
 *
 * Part A. `runWithoutFeeding(constValue)`: in a NEW graph, build
 *     x = a float32 placeholder of shape [null, 3] (leave its name alone: the default is fine),
 *     needsX = x * 2                          (depends on x)
 *     independent = constValue + 1            (a constant plus one: does NOT depend on x)
 *   In one session, with no feed at all:
 *     1. run needsX: catch the error and return it as { name, message }, exactly as raised -> error
 *     2. run independent                                                                     -> value
 *
 * Part B. `whenDoesItFail()`: when is the error about the missing feed raised? Return one letter.
 *   a. When the op that uses the placeholder is created.
 *   b. When a run needs the placeholder's value and no feed provides it.
 *   c. As soon as a session is created on a graph that has an unfed placeholder.
 *   d. Never: an unfed placeholder is treated as zeros.
 *
 * Check your work: `npm run grade 8`. Stuck? `npm run hint 8`.
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
  // TODO: build x, needsX and independent in a new graph; run both without feeding x.
  throw new Error("TODO: exercise 8, runWithoutFeeding");
}

export function whenDoesItFail(): "a" | "b" | "c" | "d" {
  throw new Error("TODO: exercise 8, whenDoesItFail");
}

if (require.main === module) {
  const r = runWithoutFeeding([1, 2, 3]);
  console.log(`${r.error.name}: ${r.error.message}`);
  console.log("independent:", String(r.value), "| answer:", whenDoesItFail());
}

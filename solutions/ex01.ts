/**
 * Exercise 1 · What a computation graph buys you, and what it costs: reference solution.
 *
 * Building the graph only records operations: no value exists until a session runs them, and
 * even variables have no value in a session until their initialiser has run there. That split
 * is where both the benefits and the drawbacks come from.
 */
import * as tf from "tensorlings";

export interface DeferredGraph {
  graph: tf.Graph;
  f: tf.Tensor;
  init: tf.Operation;
  opNames: string[];
  errorBeforeInit: string;
  value: number;
}

export type Letter = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i";

export function buildDeferred(x0: number, y0: number): DeferredGraph {
  // Construction phase: inside `asDefault`, every op lands in our own graph.
  const graph = tf.Graph();
  const { f, init } = graph.asDefault(() => {
    const x = tf.Variable(x0, { name: "x" });
    const y = tf.Variable(y0, { name: "y" });
    const f = x.mul(x).mul(y).add(y).add(2);
    return { f, init: tf.globalVariablesInitializer() };
  });
  // The graph is complete, yet nothing has been computed: it is only a list of ops.
  const opNames = graph.getOperations().map((op) => op.name);

  // Execution phase: a session holds the values, and only once the initialiser has run.
  const sess = tf.Session({ graph });
  let errorBeforeInit = "(no error)";
  try {
    sess.run(f);
  } catch (e) {
    errorBeforeInit = (e as Error).name; // FailedPreconditionError: x has no value yet
  }
  sess.run(init);
  const value = sess.run(f).item() as number;
  sess.close();
  return { graph, f, init, opNames, errorBeforeInit, value };
}

/**
 * Benefits: automatic gradients (a), parallel execution (b), portability across devices (d),
 * introspection and visualisation (e). Statement c is false: building computes nothing, as
 * Part A shows. Statements g and i are false too: a graph runs as often as you like, and it does
 * not change floating-point precision.
 */
export function benefits(): Letter[] {
  return ["a", "b", "d", "e"];
}

/** Drawbacks: harder step-by-step debugging (f) and a steeper learning curve (h). */
export function drawbacks(): Letter[] {
  return ["f", "h"];
}

if (require.main === module) {
  const built = buildDeferred(3, 4);
  console.log("ops:", built.opNames.join(", "));
  console.log("before init:", built.errorBeforeInit, "after init:", built.value);
  console.log("benefits:", benefits(), "drawbacks:", drawbacks());
}

/**
 * Exercise 1: the learner builds f = x*x*y + y + 2 in a new graph and shows that nothing is
 * computed until a session runs it; then picks the true benefits and drawbacks of graphs.
 * Expected values come from running the learner's own graph on seeded inputs.
 */
import * as tf from "tensorlings";
import { describeTypeSlip, randomInt, rng, submission, submitAnswer } from "../harness";
import { check, errorOf, inSession, isChoiceSet, isGraph, opTypes } from "./support/checks";

interface DeferredGraph {
  graph: tf.Graph;
  f: tf.Tensor;
  init: tf.Operation;
  opNames: string[];
  errorBeforeInit: string;
  value: number;
}
interface Ex01 {
  buildDeferred(x0: number, y0: number): DeferredGraph;
  benefits(): string[];
  drawbacks(): string[];
}

const load = () => submission<Ex01>("ex01");
const LETTERS = "abcdefghi";

function inputs(salt: number): [number, number] {
  const next = rng(salt);
  return [randomInt(next, 2, 9), randomInt(next, 2, 9)];
}

function build(salt: number): { x0: number; y0: number; built: DeferredGraph } {
  const [x0, y0] = inputs(salt);
  tf.resetDefaultGraph();
  const before = tf.getDefaultGraph().getOperations().length;
  const built = load().buildDeferred(x0, y0);
  check(typeof built === "object" && built !== null, "buildDeferred should return an object (a DeferredGraph)");
  check(isGraph(built.graph), "`graph` should be the tf.Graph() the function built f in");
  check(built.graph !== tf.getDefaultGraph(), "f should be built in a new graph, not in the default graph");
  check(tf.getDefaultGraph().getOperations().length === before, "buildDeferred added ops to the default graph; build everything inside your own graph");
  return { x0, y0, built };
}

test("[ex01.build] builds f = x*x*y + y + 2 in its own graph and lists its ops before running", () => {
  const { built } = build(1);
  const { graph, f, init } = built;
  check(f instanceof tf.Tensor && f.graph === graph, "`f` should be a tensor of the returned graph");
  check(init instanceof tf.Operation && init.graph === graph, "`init` should be an op of the returned graph (the variables' initialiser)");
  const types = opTypes(graph);
  const count = (t: string) => types.filter((x) => x === t).length;
  check(count("VariableV2") === 2, `the graph should hold exactly two variables (x and y); it holds ${count("VariableV2")}`);
  check(count("Mul") >= 2 && count("Add") >= 2, `f needs two multiplications and two additions; the graph has ${count("Mul")} Mul and ${count("Add")} Add ops`);
  const names = graph.getOperations().map((op) => op.name);
  check(Array.isArray(built.opNames) && built.opNames.length > 0, "`opNames` should list the names of the graph's ops");
  check(
    built.opNames.every((n, i) => n === names[i]),
    `\`opNames\` should be the graph's op names in creation order; got ${JSON.stringify(built.opNames.slice(0, 6))}…`,
  );
  check(built.opNames.includes(f.op.name), "`opNames` should include the op that computes f (read it after building f)");
});

test("[ex01.deferred] values exist only when a session runs the graph, after initialisation", () => {
  const { x0, y0, built } = build(2);
  const { graph, f, init } = built;
  const expected = x0 * x0 * y0 + y0 + 2;
  inSession(graph, (sess) => {
    const early = errorOf(() => sess.run(f));
    check(early !== null, "running f in a fresh session before the initialiser should fail, but it returned a value");
    check(
      built.errorBeforeInit === early.name,
      `\`errorBeforeInit\` should be the class name of the error a fresh session raises for f before init; you reported "${built.errorBeforeInit}"`,
    );
    sess.run(init);
    const got = sess.run(f).item() as number;
    check(got === expected, `after init, f evaluated to ${got} for x=${x0}, y=${y0}; f should be x*x*y + y + 2 = ${expected}`);
  });
  const slip = describeTypeSlip("`value`", built.value, "number");
  check(slip === null, slip ?? "");
  check(built.value === expected, `\`value\` should be f's value after init (x=${x0}, y=${y0}); you reported ${built.value}`);
});

test("[ex01.benefits] picks the true benefits of a computation graph", () => {
  const answer = load().benefits();
  check(isChoiceSet(answer, LETTERS), "benefits() should return a non-empty array of distinct letters from a to i");
  submitAnswer(1, "benefits", answer);
});

test("[ex01.drawbacks] picks the true drawbacks of a computation graph", () => {
  const answer = load().drawbacks();
  check(isChoiceSet(answer, LETTERS), "drawbacks() should return a non-empty array of distinct letters from a to i");
  submitAnswer(1, "drawbacks", answer);
});

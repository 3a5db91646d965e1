/**
 * Exercise 8: an op that needs an unfed placeholder fails at run time; one that does not need it
 * runs. The suite checks the graph's structure and repeats both runs in its own session.
 */
import * as tf from "tensorlings";
import { randomInt, rng, submission, submitAnswer } from "../harness";
import { allClose, ancestors, check, errorOf, firstLine, inSession, isChoice, isErrorInfo, isGraph, numbers, show, type ErrorInfo } from "./support/checks";

interface RunWithoutFeeding {
  graph: tf.Graph;
  x: tf.Tensor;
  needsX: tf.Tensor;
  independent: tf.Tensor;
  error: ErrorInfo;
  value: tf.NDArray;
}
interface Ex08 {
  runWithoutFeeding(constValue: number[]): RunWithoutFeeding;
  whenDoesItFail(): string;
}

const load = () => submission<Ex08>("ex08");

function run(salt: number) {
  const next = rng(salt);
  const constValue = Array.from({ length: randomInt(next, 2, 4) }, () => randomInt(next, -50, 50));
  tf.resetDefaultGraph();
  const r = load().runWithoutFeeding(constValue);
  check(typeof r === "object" && r !== null && isGraph(r.graph), "runWithoutFeeding should return an object with the graph it built");
  check(r.graph !== tf.getDefaultGraph(), "build the graph in a new tf.Graph(), not in the default graph");
  for (const k of ["x", "needsX", "independent"] as const) check(r[k] instanceof tf.Tensor && r[k].graph === r.graph, `\`${k}\` should be a tensor of the returned graph`);
  return { constValue, r };
}

test("[ex08.graph] builds x as a float32 placeholder of shape [null, 3], one op that needs it and one that does not", () => {
  const { r } = run(1);
  check(r.x.op.type === "Placeholder", "`x` should be a placeholder");
  check(r.x.op.name === "Placeholder", `leave x's name as the default ("Placeholder" in a new graph); it is "${r.x.op.name}"`);
  check(r.x.dtype === tf.float32, `\`x\` should be float32; it is ${r.x.dtype.name}`);
  const shape = r.x.shape;
  check(Array.isArray(shape) && shape.length === 2 && shape[0] === null && shape[1] === 3, `\`x\` should have shape [null, 3]; it has ${JSON.stringify(shape)}`);
  check(ancestors(r.needsX).has(r.x.op), "`needsX` should be computed from x");
  check(!ancestors(r.independent).has(r.x.op), "`independent` should not depend on x");
  check(![...ancestors(r.independent)].some((op) => op.type === "Placeholder"), "`independent` should depend on no placeholder at all");
});

test("[ex08.error] returns the error raised for the op that needs the unfed placeholder", () => {
  const { r } = run(2);
  check(isErrorInfo(r.error), "`error` should be { name, message } of the error you caught");
  const actual = inSession(r.graph, (sess) => errorOf(() => sess.run(r.needsX)));
  check(actual !== null, "running needsX without a feed should fail, but the grader's run did not");
  check(r.error.name === actual.name, `\`error.name\` should be the class name of the error raised; you reported "${r.error.name}"`);
  check(
    firstLine(r.error.message) === firstLine(actual.message),
    `\`error.message\` should be the engine's message, unchanged; you reported "${firstLine(r.error.message)}"`,
  );
});

test("[ex08.independent] the op that does not need the placeholder runs without a feed", () => {
  const { constValue, r } = run(3);
  const expected = inSession(r.graph, (sess) => numbers(sess.run(r.independent)));
  const wanted = constValue.map((v) => v + 1);
  check(allClose(expected, wanted), `independent should be constValue + 1 = ${show(wanted)} for constValue = ${show(constValue)}; your graph gives ${show(expected)}`);
  const got = numbers(r.value);
  check(allClose(got, expected), `\`value\` should be what running independent gives; you returned ${show(got)}`);
});

test("[ex08.answer] says when the missing feed is noticed", () => {
  const answer = load().whenDoesItFail();
  check(isChoice(answer, "abcd"), "whenDoesItFail() should return one letter from a to d");
  submitAnswer(8, "q", answer);
});

/**
 * Exercise 6: a variable's value is created by its initializer in a session and dies with that
 * session. The suite repeats each step on the learner's graph with its own sessions and compares
 * the errors and values with what the learner reports.
 */
import * as tf from "tensorlings";
import { rng, submission, submitAnswer } from "../harness";
import { allClose, check, errorOf, firstLine, isChoice, isErrorInfo, isGraph, numbers, show, type ErrorInfo } from "./support/checks";

interface Lifecycle {
  graph: tf.Graph;
  v: tf.Variable;
  beforeInit: ErrorInfo;
  afterInit: tf.NDArray;
  afterDoubling: tf.NDArray;
  afterClose: ErrorInfo;
  newSession: ErrorInfo;
  reinitialised: tf.NDArray;
}
interface Ex06 {
  lifecycle(initial: number[]): Lifecycle;
  whenInitialised(): string;
  whenDestroyed(): string;
}

const load = () => submission<Ex06>("ex06");

function run(salt: number): { initial: number[]; r: Lifecycle } {
  const next = rng(salt);
  const initial = Array.from({ length: 3 }, () => Math.round(next() * 200 - 100) / 4);
  tf.resetDefaultGraph();
  const r = load().lifecycle(initial);
  check(typeof r === "object" && r !== null && isGraph(r.graph), "lifecycle should return an object with the graph it built");
  check(r.v instanceof tf.Tensor && r.v.op.type === "VariableV2" && r.v.graph === r.graph, "`v` should be a variable of the returned graph");
  return { initial, r };
}

function sameError(label: string, reported: unknown, actual: ErrorInfo | null, what: string): void {
  check(actual !== null, `the grader expected ${what} to fail, but it did not`);
  check(isErrorInfo(reported), `\`${label}\` should be { name, message } of the error you caught`);
  check(
    reported.name === actual.name && firstLine(reported.message) === firstLine(actual.message),
    `\`${label}\` should be the error raised by ${what}; you reported ${reported.name}: "${firstLine(reported.message)}"`,
  );
}

test("[ex06.before-init] a new session has no value for v until its initializer runs", () => {
  const { r } = run(1);
  const sess = tf.Session({ graph: r.graph });
  try {
    sameError("beforeInit", r.beforeInit, errorOf(() => sess.run(r.v)), "reading v in a new session before initialising it");
  } finally {
    sess.close();
  }
});

test("[ex06.values] the initializer sets v, and v keeps changes within the session", () => {
  const { initial, r } = run(2);
  const got = numbers(r.afterInit);
  check(allClose(got, initial), `\`afterInit\` should be v's initial value ${show(initial)}; you returned ${show(got)}`);
  const doubled = initial.map((x) => 2 * x);
  const gotDoubled = numbers(r.afterDoubling);
  check(allClose(gotDoubled, doubled), `after one doubling, v should be ${show(doubled)}; \`afterDoubling\` is ${show(gotDoubled)}`);
  const ops = r.graph.getOperations();
  check(
    ops.some((op) => op.type === "Assign" && op.inputs[0]?.op === r.v.op && op !== r.v.initializer),
    "the graph should hold an assign op (other than v's initializer) that changes v",
  );
});

test("[ex06.after-close] the value is gone once the session is closed", () => {
  const { r } = run(3);
  const sess = tf.Session({ graph: r.graph });
  sess.run(r.v.initializer);
  sess.close();
  sameError("afterClose", r.afterClose, errorOf(() => sess.run(r.v)), "reading v with a closed session");
});

test("[ex06.new-session] a second session starts without v and re-initialises it from the initial value", () => {
  const { initial, r } = run(4);
  const sess = tf.Session({ graph: r.graph });
  try {
    sameError("newSession", r.newSession, errorOf(() => sess.run(r.v)), "reading v in a second session before initialising it");
  } finally {
    sess.close();
  }
  const got = numbers(r.reinitialised);
  check(allClose(got, initial), `\`reinitialised\` should show what the second session holds after running the initializer; you returned ${show(got)}`);
});

test("[ex06.initialised] says when a variable gets its value", () => {
  const answer = load().whenInitialised();
  check(isChoice(answer, "abcd"), "whenInitialised() should return one letter from a to d");
  submitAnswer(6, "initialised", answer);
});

test("[ex06.destroyed] says when a variable's value goes away", () => {
  const answer = load().whenDestroyed();
  check(isChoice(answer, "abcd"), "whenDestroyed() should return one letter from a to d");
  submitAnswer(6, "destroyed", answer);
});

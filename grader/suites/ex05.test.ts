/**
 * Exercise 5: two sessions on one graph each hold their own copy of a variable. The suite reads w
 * in each of the learner's sessions itself (their variables come back with them). Whether the two
 * workers really interleaved can only be reported by the learner's own process: that check is
 * advisory.
 */
import * as tf from "tensorlings";
import { learner, randomInt, rng, submission, submitAnswer } from "../harness";
import { check, errorOf, isChoiceSet, isGraph, isSession } from "./support/checks";

interface TwoSessions {
  graph: tf.Graph;
  w: tf.Variable;
  first: tf.Session;
  second: tf.Session;
  seenByFirst: number;
  seenBySecond: number;
}
interface Ex05 {
  /** Async in the learner's module: the bridge waits for its promise and gives the value. */
  twoSessions(w0: number, step1: number, step2: number): TwoSessions;
  aboutSharing(): string[];
}

const load = () => submission<Ex05>("ex05");

function inputs(salt: number): [number, number, number] {
  const next = rng(salt);
  return [randomInt(next, 1, 50), randomInt(next, 1, 20), randomInt(next, 100, 200)];
}

/** The learner's result, checked for what the statement asks for. */
function checked(r: TwoSessions): TwoSessions {
  check(typeof r === "object" && r !== null && isGraph(r.graph), "twoSessions should resolve to an object with the graph it built");
  check(r.w instanceof tf.Tensor && r.w.op.type === "VariableV2" && r.w.graph === r.graph, "`w` should be a variable of the returned graph");
  check(isSession(r.first) && isSession(r.second), "`first` and `second` should be the two workers' sessions");
  check(r.first !== r.second, "each worker should open a session of its own");
  check(r.first.graph === r.graph && r.second.graph === r.graph, "both sessions should be opened on the same graph, the one holding w");
  check(
    errorOf(() => r.first.run(r.w)) === null && errorOf(() => r.second.run(r.w)) === null,
    "leave both sessions open, with w initialised, so the grader can read w in each",
  );
  return r;
}

test("[ex05.own-copies] each session holds its own copy of w", () => {
  const [w0, step1, step2] = inputs(1);
  learner().resetDefaultGraph();
  const r = checked(load().twoSessions(w0, step1, step2));
  try {
    const inFirst = r.first.run(r.w).item() as number;
    const inSecond = r.second.run(r.w).item() as number;
    check(inFirst === w0 + step1, `in the first session w is ${inFirst}; it started at ${w0} and worker 1 added ${step1}`);
    check(inSecond === w0 + step2, `in the second session w is ${inSecond}; it started at ${w0} and worker 2 added ${step2}`);
    check(r.seenByFirst === inFirst && r.seenBySecond === inSecond, `the workers reported ${r.seenByFirst} and ${r.seenBySecond}, but their sessions hold ${inFirst} and ${inSecond}`);
  } finally {
    r.first.close();
    r.second.close();
  }
});

test("[ex05.interleaved] the two workers' runs interleave", () => {
  const [w0, step1, step2] = inputs(2);
  learner().resetDefaultGraph();
  // Reported by the learner's own process: this test is advisory (it never scores).
  const { result, calls } = learner().recordCalls(["Session.run"], () => load().twoSessions(w0, step1, step2));
  const r = checked(result);
  r.first.close();
  r.second.close();
  const order = calls.map((c) => (c.self === r.first ? 1 : c.self === r.second ? 2 : 0)).filter((s) => s !== 0);
  const firstOfTwo = order.indexOf(2);
  const lastOfOne = order.lastIndexOf(1);
  check(order.includes(1) && order.includes(2), "both sessions should run something");
  check(
    firstOfTwo !== -1 && firstOfTwo < lastOfOne,
    "the second worker only started after the first had finished; run both workers at once (Promise.all) and await between their steps",
  );
});

test("[ex05.answer] picks the true statements about sessions sharing a variable", () => {
  const answer = load().aboutSharing();
  check(isChoiceSet(answer, "abcde"), "aboutSharing() should return a non-empty array of distinct letters from a to e");
  submitAnswer(5, "q", answer);
});

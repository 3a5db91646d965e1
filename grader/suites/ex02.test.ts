/**
 * Exercise 2: `a.eval(feed, sess)`, `a.eval(feed)` under a default session and `sess.run(a, feed)`
 * give the same value, because eval hands the work to the session's run. The suite recomputes a
 * in its own session on seeded inputs; which calls the learner's code makes can only be reported
 * by the learner's own process, so that check is advisory.
 */
import * as tf from "tensorlings";
import { learner, rng, submission, submitAnswer } from "../harness";
import { allClose, ancestors, check, inSession, isChoice, isGraph, numbers, show } from "./support/checks";

interface EvalVersusRun {
  graph: tf.Graph;
  x: tf.Tensor;
  a: tf.Tensor;
  byRun: tf.NDArray;
  byEval: tf.NDArray;
  byDefaultEval: tf.NDArray;
}
interface Ex02 {
  evalVersusRun(xValue: number[]): EvalVersusRun;
  whatEvalDoes(): string;
}

const load = () => submission<Ex02>("ex02");

function seededX(salt: number): number[] {
  const next = rng(salt);
  return Array.from({ length: 4 }, () => Math.round((next() * 20 - 10) * 100) / 100);
}

/** The learner's result, checked for the graph the statement asks for. */
function checked(r: EvalVersusRun): EvalVersusRun {
  check(typeof r === "object" && r !== null && isGraph(r.graph), "evalVersusRun should return an object with the graph it built");
  check(r.x instanceof tf.Tensor && r.x.op.type === "Placeholder" && r.x.graph === r.graph, "`x` should be a placeholder of the returned graph");
  check(r.a instanceof tf.Tensor && r.a.graph === r.graph, "`a` should be a tensor of the returned graph");
  return r;
}

test("[ex02.same-value] eval with a session, eval under a default session and run give the same value", () => {
  const xValue = seededX(1);
  learner().resetDefaultGraph();
  const r = checked(load().evalVersusRun(xValue));
  const deps = ancestors(r.a);
  check(deps.has(r.x.op), "`a` should be computed from the placeholder x");
  check([...deps].some((op) => op.type === "VariableV2"), "`a` should be computed from the variable w");
  const expected = inSession(r.graph, (sess) => {
    sess.run(r.graph.asDefault(() => tf.globalVariablesInitializer()));
    return numbers(sess.run(r.a, new Map([[r.x, xValue]])));
  });
  const wanted = xValue.map((v) => 2 * v + 1);
  check(allClose(expected, wanted), `a = w * x + 1 with w = 2 should give ${show(wanted)} for x = ${show(xValue)}; your graph gives ${show(expected)}`);
  for (const key of ["byRun", "byEval", "byDefaultEval"] as const) {
    const got = numbers(r[key]);
    check(allClose(got, expected), `\`${key}\` is ${show(got)}, but running a with that feed gives ${show(expected)}`);
  }
});

test("[ex02.eval-calls-run] eval is called both with a session and under a default session, and each call runs the session", () => {
  const xValue = seededX(2);
  learner().resetDefaultGraph();
  // Reported by the learner's own process: this test is advisory (it never scores).
  const { result, calls } = learner().recordCalls(["Tensor.eval", "Session.run"], () => load().evalVersusRun(xValue));
  const r = checked(result);
  const isA = (t: unknown) => t instanceof tf.Tensor && t.graph === r.graph && t.name === r.a.name;
  const onA = calls.filter((c) => c.method === "Tensor.eval" && isA(c.self));
  check(onA.length >= 2, `\`a.eval\` should be called twice (with and without a session argument); it was called ${onA.length} time(s)`);
  check(
    onA.some((c) => c.args[1] instanceof tf.SessionImpl),
    "one `a.eval` call should pass the session explicitly: `a.eval(feed, sess)`",
  );
  check(
    onA.some((c) => c.args[1] === undefined),
    "one `a.eval` call should pass no session and rely on the default session: `sess.asDefault(() => a.eval(feed))`",
  );
  const runsOfA = calls.filter((c) => c.method === "Session.run" && isA(c.args[0]));
  check(
    runsOfA.length >= onA.length + 1,
    `every eval of a runs the session, plus your own sess.run(a): expected at least ${onA.length + 1} runs of a, saw ${runsOfA.length}`,
  );
});

test("[ex02.what-eval-does] says what eval does", () => {
  const answer = load().whatEvalDoes();
  check(isChoice(answer, "abcd"), "whatEvalDoes() should return one letter from a to d");
  submitAnswer(2, "q", answer);
});

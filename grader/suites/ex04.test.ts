/**
 * Exercise 4: a session is bound to one graph. The suite repeats the learner's fetch with its own
 * session on the learner's graphs and compares the error it gets with the one the learner reports.
 */
import * as tf from "tensorlings";
import { submission, submitAnswer } from "../harness";
import { check, errorOf, firstLine, inSession, isChoice, isErrorInfo, isGraph } from "./support/checks";

interface TwoGraphs {
  sessionGraph: tf.Graph;
  otherGraph: tf.Graph;
  fetched: tf.Tensor;
  error: { name: string; message: string };
}
interface Ex04 {
  fetchFromAnotherGraph(): TwoGraphs;
  canOneSessionRunTwoGraphs(): string;
}

const load = () => submission<Ex04>("ex04");

function twoGraphs(): TwoGraphs {
  tf.resetDefaultGraph();
  const r = load().fetchFromAnotherGraph();
  check(typeof r === "object" && r !== null, "fetchFromAnotherGraph should return an object (TwoGraphs)");
  check(isGraph(r.sessionGraph) && isGraph(r.otherGraph), "`sessionGraph` and `otherGraph` should both be graphs (tf.Graph())");
  check(r.sessionGraph !== r.otherGraph, "`sessionGraph` and `otherGraph` should be two different graphs");
  check(r.sessionGraph !== tf.getDefaultGraph() && r.otherGraph !== tf.getDefaultGraph(), "build two new graphs rather than using the default graph");
  return r;
}

test("[ex04.two-graphs] fetches a tensor of a second graph from a session on the first", () => {
  const r = twoGraphs();
  check(r.fetched instanceof tf.Tensor, "`fetched` should be the tensor you asked the session to run");
  check(r.fetched.graph === r.otherGraph, "`fetched` should belong to `otherGraph`, not to the session's graph");
  check(r.sessionGraph.getOperations().length > 0, "give the session's graph at least one op: a session on an empty graph refuses to run anything, whatever you fetch");
});

test("[ex04.error] reports the error a session raises for a tensor of another graph", () => {
  const r = twoGraphs();
  check(isErrorInfo(r.error), "`error` should be { name, message } of the error you caught");
  const actual = inSession(r.sessionGraph, (sess) => errorOf(() => sess.run(r.fetched)));
  check(actual !== null, "a session on `sessionGraph` ran `fetched` without complaint; `fetched` should come from the other graph");
  check(r.error.name === actual.name, `\`error.name\` should be the class name of the error the session raises; you reported "${r.error.name}"`);
  check(
    firstLine(r.error.message) === firstLine(actual.message),
    `\`error.message\` should be the engine's message, unchanged; you reported "${firstLine(r.error.message)}"`,
  );
});

test("[ex04.answer] says whether one session can run two graphs", () => {
  const answer = load().canOneSessionRunTwoGraphs();
  check(isChoice(answer, "abcd"), "canOneSessionRunTwoGraphs() should return one letter from a to d");
  submitAnswer(4, "q", answer);
});

/**
 * Exercise 9: any tensor can be fed, and then what computes it is not run. The suite checks the
 * graph's structure, re-runs b with a fed in its own session, and shows with a seeded random op
 * that a fed tensor's upstream does not run.
 */
import * as tf from "tensorlings";
import { randomInt, rng, submission, submitAnswer } from "../harness";
import { allClose, ancestors, check, errorOf, inSession, isChoice, isGraph, numbers, show } from "./support/checks";

interface FeedIntermediate {
  graph: tf.Graph;
  p: tf.Tensor;
  a: tf.Tensor;
  b: tf.Tensor;
  withA: tf.NDArray;
}
interface Ex09 {
  feedIntermediate(override: number[]): FeedIntermediate;
  canYouFeedAnyTensor(): string;
}

const load = () => submission<Ex09>("ex09");

function run(salt: number) {
  const next = rng(salt);
  const override = Array.from({ length: randomInt(next, 2, 5) }, () => randomInt(next, -100, 100) / 4);
  tf.resetDefaultGraph();
  const r = load().feedIntermediate(override);
  check(typeof r === "object" && r !== null && isGraph(r.graph), "feedIntermediate should return an object with the graph it built");
  for (const k of ["p", "a", "b"] as const) check(r[k] instanceof tf.Tensor && r[k].graph === r.graph, `\`${k}\` should be a tensor of the returned graph`);
  return { override, r };
}

test("[ex09.graph] a is an ordinary op between the placeholder p and b", () => {
  const { r } = run(1);
  check(r.p.op.type === "Placeholder", "`p` should be a placeholder");
  check(r.a.op.type !== "Placeholder" && r.a.op.type !== "PlaceholderWithDefault", "`a` should be an ordinary op (p * 3), not a placeholder");
  check(ancestors(r.a).has(r.p.op), "`a` should be computed from p");
  check(ancestors(r.b).has(r.a.op) && r.b !== r.a, "`b` should be computed from a");
  const unfed = inSession(r.graph, (sess) => errorOf(() => sess.run(r.b)));
  check(unfed !== null, "running b with no feed at all should fail, since it needs p; in your graph it did not");
});

test("[ex09.fed] running b with a fed gives b for that a, with no feed for p", () => {
  const { override, r } = run(2);
  const expected = inSession(r.graph, (sess) => numbers(sess.run(r.b, new Map([[r.a, override]]))));
  const wanted = override.map((v) => v + 1);
  check(allClose(expected, wanted), `with a fed ${show(override)}, b = a + 1 should be ${show(wanted)}; your graph gives ${show(expected)}`);
  const got = numbers(r.withA);
  check(allClose(got, expected), `\`withA\` should be b with a fed (and p not fed); you returned ${show(got)}`);
});

test("[ex09.upstream] says whether any tensor can be fed and what then happens upstream", () => {
  // Independent of the learner's graph: it supports the answer below with the engine's behaviour.
  const next = rng(3);
  const graph = tf.Graph();
  const { r, b } = graph.asDefault(() => {
    const r = tf.randomUniform([3], 0, 1, { seed: randomInt(next, 1, 1000) });
    return { r, b: r.mul(2) };
  });
  const draws = inSession(graph, (sess) => [numbers(sess.run(r)), numbers(sess.run(r))]);
  const afterFeed = inSession(graph, (sess) => {
    sess.run(b, new Map([[r, [0, 0, 0]]]));
    return numbers(sess.run(r));
  });
  check(allClose(afterFeed, draws[0], 0, 0), "after a run that fed r, r's next draw should still be its first: the fed run did not run the random op");
  const answer = load().canYouFeedAnyTensor();
  check(isChoice(answer, "abcd"), "canYouFeedAnyTensor() should return one letter from a to d");
  submitAnswer(9, "q", answer);
});

/**
 * Exercise 7: a placeholder has no value unless fed; a variable keeps its value across runs.
 * The suite re-runs the learner's graph in its own session on seeded inputs.
 */
import * as tf from "tensorlings";
import { randomInt, rng, submission, submitAnswer } from "../harness";
import { allClose, ancestors, check, errorOf, firstLine, inSession, isChoiceSet, isErrorInfo, isGraph, numbers, show, type ErrorInfo } from "./support/checks";

interface PlaceholderVersusVariable {
  graph: tf.Graph;
  p: tf.Tensor;
  v: tf.Variable;
  bump: tf.Tensor | tf.Operation;
  fed: tf.NDArray;
  unfed: ErrorInfo;
  counts: number[];
}
interface Ex07 {
  placeholderVersusVariable(fedValue: number[], start: number): PlaceholderVersusVariable;
  trueStatements(): string[];
}

const load = () => submission<Ex07>("ex07");

function run(salt: number) {
  const next = rng(salt);
  const fedValue = Array.from({ length: randomInt(next, 2, 5) }, () => Math.round(next() * 100) / 8);
  const start = randomInt(next, -20, 20);
  tf.resetDefaultGraph();
  const r = load().placeholderVersusVariable(fedValue, start);
  check(typeof r === "object" && r !== null && isGraph(r.graph), "placeholderVersusVariable should return an object with the graph it built");
  check(r.p instanceof tf.Tensor && r.p.op.type === "Placeholder" && r.p.graph === r.graph, "`p` should be a placeholder of the returned graph");
  check(r.v instanceof tf.Tensor && r.v.op.type === "VariableV2" && r.v.graph === r.graph, "`v` should be a variable of the returned graph");
  return { fedValue, start, r };
}

test("[ex07.placeholder] a placeholder gives the fed value, and nothing without a feed", () => {
  const { fedValue, r } = run(1);
  const fed = numbers(r.fed);
  check(allClose(fed, fedValue), `running p with the feed ${show(fedValue)} should give that value back; \`fed\` is ${show(fed)}`);
  check(isErrorInfo(r.unfed), "`unfed` should be { name, message } of the error raised when p runs without a feed");
  const actual = inSession(r.graph, (sess) => {
    sess.run(r.p, new Map([[r.p, fedValue]]));
    return errorOf(() => sess.run(r.p));
  });
  check(actual !== null, "the grader expected running p without a feed to fail, but it did not");
  check(
    r.unfed.name === actual.name && firstLine(r.unfed.message) === firstLine(actual.message),
    `\`unfed\` should be the error raised when p runs without a feed right after a fed run; you reported ${r.unfed.name}: "${firstLine(r.unfed.message)}"`,
  );
});

test("[ex07.variable] a variable keeps its value from run to run", () => {
  const { start, r } = run(2);
  const bumpOp = r.bump instanceof tf.Operation ? r.bump : r.bump instanceof tf.Tensor ? r.bump.op : null;
  check(bumpOp !== null && bumpOp.graph === r.graph, "`bump` should be the op (or its tensor) that adds 1 to v");
  check(ancestors(bumpOp).has(r.v.op) && bumpOp.type.startsWith("Assign"), "`bump` should be an assign op that changes v (tf.assignAdd)");
  const expected = inSession(r.graph, (sess) => {
    sess.run(r.v.initializer);
    return [1, 2, 3].map(() => {
      sess.run(bumpOp);
      return sess.run(r.v).item() as number;
    });
  });
  const wanted = [start + 1, start + 2, start + 3];
  check(allClose(expected, wanted), `starting at ${start}, three runs of bump should leave v at ${show(wanted)}; your graph gives ${show(expected)}`);
  check(Array.isArray(r.counts) && allClose(r.counts, expected), `\`counts\` should be v after each of the three runs; you returned ${show(numbers(r.counts))}`);
});

test("[ex07.answer] picks the true statements about placeholders and variables", () => {
  const answer = load().trueStatements();
  check(isChoiceSet(answer, "abcdef"), "trueStatements() should return a non-empty array of distinct letters from a to f");
  submitAnswer(7, "q", answer);
});

/**
 * Exercise 3: a.eval(); b.eval() runs the shared node r twice, sess.run([a, b]) once. The suite
 * replays the seeded r in its own sessions to know every draw, maps draws to a and b by feeding r,
 * and checks the learner's run counter on graphs the suite builds itself. Which calls the
 * learner's code makes can only be reported by the learner's own process: those checks are
 * advisory tests of their own.
 */
import * as tf from "tensorlings";
import { learner, randomInt, rng, submission, submitAnswer } from "../harness";
import { allClose, ancestors, check, inSession, isGraph, numbers, show } from "./support/checks";

interface SharedNode {
  graph: tf.Graph;
  r: tf.Tensor;
  a: tf.Tensor;
  b: tf.Tensor;
}
interface RunCounts {
  separately: number;
  together: number;
}
interface Ex03 {
  buildShared(): SharedNode;
  evalSeparately(g: SharedNode, sess: tf.Session): [tf.NDArray, tf.NDArray];
  runTogether(g: SharedNode, sess: tf.Session): [tf.NDArray, tf.NDArray];
  countRuns(g: SharedNode): RunCounts;
}

const load = () => submission<Ex03>("ex03");
const RANDOM_OPS = new Set(["RandomUniform", "RandomStandardNormal", "TruncatedNormal", "RandomUniformInt"]);

/** The learner's graph, checked for the shape the statement asks for. */
function shared(): SharedNode {
  learner().resetDefaultGraph();
  const g = load().buildShared();
  check(typeof g === "object" && g !== null && isGraph(g.graph), "buildShared should return an object with the graph it built");
  for (const k of ["r", "a", "b"] as const) check(g[k] instanceof tf.Tensor && g[k].graph === g.graph, `\`${k}\` should be a tensor of the returned graph`);
  const random = [...ancestors(g.r)].filter((op) => RANDOM_OPS.has(op.type));
  check(random.length > 0, "r should be computed by a random op such as tf.randomUniform");
  check(
    random.every((op) => op.attrNumber("seed") !== 0 || op.attrNumber("seed2") !== 0),
    "r's random op has no seed, so each session draws different numbers; give it a seed",
  );
  check(g.a !== g.b, "a and b should be two different tensors");
  check(ancestors(g.a).has(g.r.op) && ancestors(g.b).has(g.r.op), "both a and b should be computed from r");
  const stateful = [...ancestors(g.a), ...ancestors(g.b)].filter((op) => op.type === "VariableV2" || op.type === "Placeholder");
  check(stateful.length === 0, "a and b should depend on nothing but r and constants (no variables, no placeholders)");
  return g;
}

/** r's first `n` draws in a fresh session, and a function giving a tensor's value for a given r. */
function replay(g: SharedNode, n: number) {
  const draws = inSession(g.graph, (sess) => Array.from({ length: n }, () => sess.run(g.r) as tf.NDArray));
  const given = (t: tf.Tensor, draw: tf.NDArray) => inSession(g.graph, (sess) => numbers(sess.run(t, new Map([[g.r, draw.toArray()]]))));
  return { draws, given };
}

test("[ex03.separately] a.eval() then b.eval() see two different draws of r", () => {
  const g = shared();
  const { draws, given } = replay(g, 2);
  const sess = tf.Session({ graph: g.graph });
  try {
    const result = load().evalSeparately(g, sess);
    check(Array.isArray(result) && result.length === 2, "evalSeparately should return [value of a, value of b]");
    const [a, b] = result.map(numbers);
    const a1 = given(g.a, draws[0]);
    const b2 = given(g.b, draws[1]);
    const b1 = given(g.b, draws[0]);
    check(allClose(a, a1), `a.eval() in a fresh session should see r's first draw, giving a = ${show(a1)}; you returned ${show(a)}`);
    check(allClose(b, b2), `b.eval() right after should see r's second draw, giving b = ${show(b2)}; you returned ${show(b)}`);
    check(!allClose(b, b1), "b came out as if it shared a's draw of r; evaluate a and b with two separate evals");
  } finally {
    sess.close();
  }
});

/** Calls `fn` while the learner's process reports its evals and runs (advisory: it reports them itself). */
function watched<T>(fn: () => T) {
  const { result, calls } = learner().recordCalls(["Tensor.eval", "Session.run"], fn);
  const named = (t: unknown, want: tf.Tensor) => t instanceof tf.Tensor && t.graph === want.graph && t.name === want.name;
  return {
    result,
    evals: calls.filter((c) => c.method === "Tensor.eval"),
    runs: calls.filter((c) => c.method === "Session.run"),
    named,
  };
}

test("[ex03.separately-evals] evalSeparately calls a.eval() and then b.eval(), in a graph of its own", () => {
  const g = shared();
  check(learner().defaultGraphOps() === 0, "build r, a and b in a new graph, not in the default graph");
  const sess = tf.Session({ graph: g.graph });
  try {
    const { evals, named } = watched(() => load().evalSeparately(g, sess));
    check(evals.length === 2 && named(evals[0].self, g.a) && named(evals[1].self, g.b), `evalSeparately should call a.eval() and then b.eval(); saw ${evals.length} eval call(s)`);
    check(evals.every((c) => c.args[1] === sess), "each eval should be given the session passed to evalSeparately: `a.eval(undefined, sess)`");
  } finally {
    sess.close();
  }
});

test("[ex03.together] sess.run([a, b]) computes r once and both see the same draw", () => {
  const g = shared();
  const { draws, given } = replay(g, 1);
  const sess = tf.Session({ graph: g.graph });
  try {
    const result = load().runTogether(g, sess);
    check(Array.isArray(result) && result.length === 2, "runTogether should return [value of a, value of b]");
    const [a, b] = result.map(numbers);
    const a1 = given(g.a, draws[0]);
    const b1 = given(g.b, draws[0]);
    check(allClose(a, a1) && allClose(b, b1), `one run in a fresh session should give a = ${show(a1)} and b = ${show(b1)} (one shared draw); you returned a = ${show(a)}, b = ${show(b)}`);
  } finally {
    sess.close();
  }
});

test("[ex03.together-one-run] runTogether makes one sess.run call and no eval", () => {
  const g = shared();
  const sess = tf.Session({ graph: g.graph });
  try {
    const { evals, runs } = watched(() => load().runTogether(g, sess));
    check(evals.length === 0 && runs.length === 1 && runs[0].self === sess, `runTogether should make exactly one sess.run call (and no eval); saw ${runs.length} run(s) and ${evals.length} eval(s)`);
  } finally {
    sess.close();
  }
});

/** Graphs of the suite's own, with a seeded r and a and b that may or may not need it. */
function suiteGraph(salt: number, aUsesR: boolean, bUsesR: boolean): SharedNode {
  const next = rng(salt);
  const graph = tf.Graph();
  return graph.asDefault(() => {
    const n = randomInt(next, 2, 5);
    const r = tf.randomNormal([n], { seed: randomInt(next, 1, 100000), name: "noise" });
    const c = tf.constant(Array.from({ length: n }, () => next()));
    const a = aUsesR ? r.mul(randomInt(next, 2, 9)) : c.sub(1);
    const b = bUsesR ? tf.square(r).add(1) : c.mul(3);
    return { graph, r, a, b };
  });
}

/** The suite's own measurement: run `work` in a fresh session, then find which draw r gives next. */
function measure(g: SharedNode, work: (sess: tf.Session) => void): number {
  const { draws } = replay(g, 12);
  return inSession(g.graph, (sess) => {
    work(sess);
    const next = numbers(sess.run(g.r));
    return draws.findIndex((d) => allClose(numbers(d), next, 0, 0));
  });
}

test("[ex03.counter] countRuns measures the runs of r on other graphs", () => {
  const cases: [boolean, boolean][] = [
    [true, true],
    [true, false],
    [false, false],
  ];
  for (const [i, [aUses, bUses]] of cases.entries()) {
    const g = suiteGraph(10 + i, aUses, bUses);
    const want: RunCounts = {
      separately: measure(g, (sess) => {
        g.a.eval(undefined, sess);
        g.b.eval(undefined, sess);
      }),
      together: measure(g, (sess) => sess.run([g.a, g.b])),
    };
    const counts = load().countRuns(g);
    const what = `a graph where ${aUses && bUses ? "both a and b need r" : aUses ? "only a needs r" : bUses ? "only b needs r" : "neither a nor b needs r"}`;
    check(typeof counts === "object" && counts !== null, "countRuns should return { separately, together }");
    check(
      counts.separately === want.separately && counts.together === want.together,
      `on ${what}, countRuns said r runs ${counts.separately} time(s) separately and ${counts.together} time(s) together, which is not what happens there`,
    );
  }
});

test("[ex03.separately-count] how many times r runs for a.eval(); b.eval()", () => {
  const counts = load().countRuns(shared());
  check(Number.isInteger(counts?.separately), "countRuns(...).separately should be a whole number");
  submitAnswer(3, "separately", counts.separately);
});

test("[ex03.together-count] how many times r runs for sess.run([a, b])", () => {
  const counts = load().countRuns(shared());
  check(Number.isInteger(counts?.together), "countRuns(...).together should be a whole number");
  submitAnswer(3, "together", counts.together);
});

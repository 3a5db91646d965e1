/**
 * Exercise 10: a variable can be set to any value at run time, with an assign op fed from a
 * placeholder or with `variable.load`. The suite drives the learner's setter with seeded values
 * and reads v in the learner's session itself: the session goes along with every call of the
 * setter, so its variables come back as the learner's code left them. A setter that builds ops
 * as it goes sends back a grown graph, so the session the suite holds no longer follows it. That
 * `load` is what setWithLoad calls can only be reported by the learner's own process: that check
 * is advisory.
 */
import * as tf from "tensorlings";
import { learner, rng, submission, submitAnswer } from "../harness";
import { allClose, check, isChoice, isGraph, isSession, numbers, show } from "./support/checks";

/**
 * The setter as the suite calls it: each method also gets the setter's session, which the learner's
 * code ignores; passing it is what brings the session's variables back after the call.
 */
interface Setter {
  graph: tf.Graph;
  v: tf.Variable;
  session: tf.Session;
  setWithAssign(value: number[], session: tf.Session): void;
  setWithLoad(value: number[], session: tf.Session): void;
  read(session: tf.Session): number[];
}
interface Ex10 {
  makeSetter(initial: number[]): Setter;
  canYouSetAnyValue(): string;
}

const load = () => submission<Ex10>("ex10");

function values(salt: number, count: number): number[][] {
  const next = rng(salt);
  return Array.from({ length: count }, () => Array.from({ length: 3 }, () => Math.round(next() * 400 - 200) / 8));
}

function setter(initial: number[]): Setter {
  learner().resetDefaultGraph();
  const s = load().makeSetter(initial);
  check(typeof s === "object" && s !== null && isGraph(s.graph), "makeSetter should return a Setter with the graph it built");
  check(s.v instanceof tf.Tensor && s.v.op.type === "VariableV2" && s.v.graph === s.graph, "`v` should be a variable of the returned graph");
  check(isSession(s.session) && s.session.graph === s.graph && !s.session.isClosed, "`session` should be an open session on the returned graph");
  for (const k of ["setWithAssign", "setWithLoad", "read"] as const) check(typeof s[k] === "function", `the setter should have a \`${k}\` method`);
  return s;
}

function inSessionValue(s: Setter): number[] | null {
  return numbers(s.session.run(s.v));
}

/** Checks that v holds `value` in the setter's session after `how`. */
function holds(s: Setter, value: number[], how: string): void {
  const now = inSessionValue(s);
  check(
    allClose(now, value),
    `after ${how}(${show(value)}), v holds ${show(now)} in the setter's session (set v in that session, running only ops that makeSetter built)`,
  );
}

test("[ex10.assign] setWithAssign sets v through an assign op fed from a placeholder", () => {
  const [initial, ...targets] = values(1, 4);
  const s = setter(initial);
  try {
    check(allClose(inSessionValue(s), initial), `right after makeSetter, v should hold its initial value ${show(initial)} in the session`);
    check(
      s.graph.getOperations().some((op) => op.type === "Assign" && op.inputs[0]?.op === s.v.op && op.inputs[1]?.op.type === "Placeholder"),
      "the graph should hold an assign op on v whose new value comes from a placeholder",
    );
    for (const value of targets) {
      s.setWithAssign(value, s.session);
      holds(s, value, "setWithAssign");
      const read = numbers(s.read(s.session));
      check(allClose(read, value), `after setWithAssign(${show(value)}), read() returned ${show(read)}`);
    }
  } finally {
    s.session.close();
  }
});

test("[ex10.load] setWithLoad sets v in the setter's session", () => {
  const [initial, ...targets] = values(2, 4);
  const s = setter(initial);
  try {
    for (const value of targets) {
      s.setWithLoad(value, s.session);
      holds(s, value, "setWithLoad");
    }
  } finally {
    s.session.close();
  }
});

test("[ex10.load-calls] setWithLoad calls v.load once per call", () => {
  const [initial, ...targets] = values(4, 3);
  const s = setter(initial);
  try {
    for (const value of targets) {
      // Reported by the learner's own process: this test is advisory (it never scores).
      const { calls } = learner().recordCalls(["Variable.load"], () => s.setWithLoad(value, s.session));
      const onV = calls.filter((c) => c.self instanceof tf.Tensor && c.self.graph === s.graph && c.self.name === s.v.name);
      check(calls.length === 1 && onV.length === 1, `setWithLoad should call v.load(value, session) once; it called load ${calls.length} time(s)`);
      check(onV[0].args[1] === s.session, "setWithLoad should load the value in the setter's session: `v.load(value, session)`");
    }
  } finally {
    s.session.close();
  }
});

test("[ex10.mixed] both ways can be mixed, and the value stays until the next set", () => {
  const [initial, ...targets] = values(3, 5);
  const s = setter(initial);
  try {
    targets.forEach((value, i) => {
      if (i % 2 === 0) s.setWithLoad(value, s.session);
      else s.setWithAssign(value, s.session);
      holds(s, value, i % 2 === 0 ? "setWithLoad" : "setWithAssign");
      for (let k = 0; k < 2; k++) check(allClose(inSessionValue(s), value), `v should keep ${show(value)} from run to run until it is set again; it holds ${show(inSessionValue(s))}`);
    });
  } finally {
    s.session.close();
  }
});

test("[ex10.answer] says whether a variable can be set to any value at run time", () => {
  const answer = load().canYouSetAnyValue();
  check(isChoice(answer, "abcd"), "canYouSetAnyValue() should return one letter from a to d");
  submitAnswer(10, "q", answer);
});

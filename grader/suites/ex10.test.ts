/**
 * Exercise 10: a variable can be set to any value at run time, with an assign op fed from a
 * placeholder or with `variable.load`. The suite drives the learner's setter with seeded values,
 * reads v in the learner's session itself, and checks that setting adds nothing to the graph.
 */
import * as tf from "tensorlings";
import { rng, submission, submitAnswer } from "../harness";
import { allClose, check, isChoice, isGraph, isSession, numbers, recordCalls, show } from "./support/checks";

interface Setter {
  graph: tf.Graph;
  v: tf.Variable;
  session: tf.Session;
  setWithAssign(value: number[]): void;
  setWithLoad(value: number[]): void;
  read(): number[];
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
  tf.resetDefaultGraph();
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

test("[ex10.assign] setWithAssign sets v through an assign op fed from a placeholder", () => {
  const [initial, ...targets] = values(1, 4);
  const s = setter(initial);
  try {
    check(allClose(inSessionValue(s), initial), `right after makeSetter, v should hold its initial value ${show(initial)} in the session`);
    check(
      s.graph.getOperations().some((op) => op.type === "Assign" && op.inputs[0]?.op === s.v.op && op.inputs[1]?.op.type === "Placeholder"),
      "the graph should hold an assign op on v whose new value comes from a placeholder",
    );
    const opsBefore = s.graph.getOperations().length;
    for (const value of targets) {
      const { calls } = recordCalls(tf.SessionImpl.prototype, "run", () => s.setWithAssign(value));
      check(calls.length > 0 && calls.every((c) => c.self === s.session), "setWithAssign should run the assign op in the setter's session");
      const now = inSessionValue(s);
      check(allClose(now, value), `after setWithAssign(${show(value)}), v holds ${show(now)} in the session`);
      check(allClose(s.read(), value), `after setWithAssign(${show(value)}), read() returned ${show(numbers(s.read()))}`);
    }
    const added = s.graph.getOperations().length - opsBefore;
    check(added === 0, `setWithAssign added ${added} op(s) to the graph over ${targets.length} calls; build the assign op once in makeSetter and only run it`);
  } finally {
    s.session.close();
  }
});

test("[ex10.load] setWithLoad sets v with variable.load", () => {
  const [initial, ...targets] = values(2, 4);
  const s = setter(initial);
  try {
    const opsBefore = s.graph.getOperations().length;
    const loadOwner = Object.getPrototypeOf(s.v) as object;
    for (const value of targets) {
      const { calls } = recordCalls(loadOwner, "load", () => s.setWithLoad(value));
      check(calls.length === 1 && calls[0].self === s.v, `setWithLoad should call v.load(value, session) once; it called load ${calls.length} time(s)`);
      const now = inSessionValue(s);
      check(allClose(now, value), `after setWithLoad(${show(value)}), v holds ${show(now)} in the session`);
    }
    check(s.graph.getOperations().length === opsBefore, "setWithLoad added ops to the graph; load only runs what is already there");
  } finally {
    s.session.close();
  }
});

test("[ex10.mixed] both ways can be mixed, and the value stays until the next set", () => {
  const [initial, ...targets] = values(3, 5);
  const s = setter(initial);
  try {
    targets.forEach((value, i) => {
      if (i % 2 === 0) s.setWithLoad(value);
      else s.setWithAssign(value);
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

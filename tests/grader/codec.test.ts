/**
 * The data that crosses the grader's boundary: values keep their meaning, engine objects arrive
 * as equivalent objects of the receiver's own engine, and no value can crash or exhaust the
 * receiver.
 */
import * as tf from "tensorlings";
import { CodecError, Peer, RemoteError } from "../../grader/engine/sandbox/codec";

/** Two peers, as the grader and the learner's process; functions call across directly. */
function pair() {
  const trusted: Peer = new Peer("t", (id, args) => learner.handle(id)(...(args as unknown[])));
  const learner: Peer = new Peer("s", (id, args) => trusted.handle(id)(...(args as unknown[])));
  const send = (v: unknown, from = learner, to = trusted) => to.decode(JSON.parse(JSON.stringify(from.encode(v))));
  return { trusted, learner, send };
}

describe("plain values", () => {
  it("round-trip numbers JSON cannot hold, typed arrays, maps, sets and dates", () => {
    const { send } = pair();
    const v = {
      n: [NaN, Infinity, -Infinity, -0, 1.5],
      u: undefined,
      big: 12n,
      f64: new Float64Array([1.25, -3]),
      m: new Map([["a", 1]]),
      s: new Set([1, 2]),
      d: new Date("2026-01-02T03:04:05Z"),
    };
    const got = send(v) as typeof v;
    expect(Object.is(got.n[3], -0)).toBe(true);
    expect(got.n.slice(0, 3)).toEqual([NaN, Infinity, -Infinity]);
    expect("u" in got && got.u === undefined).toBe(true);
    expect(got.big).toBe(12n);
    expect(got.f64).toEqual(new Float64Array([1.25, -3]));
    expect(got.m.get("a")).toBe(1);
    expect([...got.s]).toEqual([1, 2]);
    expect(got.d.toISOString()).toBe("2026-01-02T03:04:05.000Z");
  });

  it("turns thrown errors into their class name and message", () => {
    const { send } = pair();
    const got = send(new TypeError("bad thing")) as RemoteError;
    expect(got).toBeInstanceOf(RemoteError);
    expect(got.name).toBe("TypeError");
    expect(got.message).toBe("bad thing");
  });

  it("sends functions as handles that call back to where they were defined", () => {
    const { send } = pair();
    let calls = 0;
    const fn = send((a: number) => ++calls + a) as (a: number) => number;
    expect(fn(10)).toBe(11);
    expect(calls).toBe(1);
  });

  it("rejects cycles, deep nesting, getters that throw and malformed input with a CodecError", () => {
    const { learner, trusted } = pair();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => learner.encode(cyclic)).toThrow(CodecError);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => learner.encode(deep)).toThrow(/nested/);
    const getter = Object.defineProperty({}, "x", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(() => learner.encode(getter)).toThrow("boom");
    expect(() => trusted.decode({ $: "nope" })).toThrow(CodecError);
    expect(() => trusted.decode({ $: "nd", dtype: "float32", shape: [3], data: { $: "typed", type: "Float32Array", b64: "AAAA" } })).toThrow(CodecError);
    expect(() => trusted.decode({ $: "typed", type: "Buffer", b64: "" })).toThrow(CodecError);
    expect(() => trusted.decode({ $: "obj", v: { __proto__: 1 } })).not.toThrow();
  });
});

describe("engine objects", () => {
  it("sends an NDArray as dtype, shape and values", () => {
    const { send } = pair();
    const a = new tf.NDArray(tf.float32, [2, 2], new Float32Array([1, 2, 3, 4]));
    const got = send(a) as tf.NDArray;
    expect(got).toBeInstanceOf(tf.NDArray);
    expect(got.dtype).toBe(tf.float32);
    expect(got.shape).toEqual([2, 2]);
    expect(Array.from(got.data as Float32Array)).toEqual([1, 2, 3, 4]);
  });

  it("rebuilds a graph in the receiver's engine, with names, variables and the same values when run", () => {
    const { send } = pair();
    const g = tf.Graph();
    const built = g.asDefault(() => {
      const x = tf.Variable(3, { name: "x" });
      const f = x.mul(x).add(2);
      return { graph: g, x, f, init: tf.globalVariablesInitializer() };
    });
    const got = send(built) as typeof built;
    expect(got.graph).not.toBe(g);
    expect(got.graph.getOperations().map((o) => o.name)).toEqual(g.getOperations().map((o) => o.name));
    expect(got.f.graph).toBe(got.graph);
    expect(got.x.name).toBe("x:0");
    const sess = tf.Session({ graph: got.graph });
    sess.run(got.init);
    expect(sess.run(got.f).item()).toBe(11);
    // The same graph sent again is the same object on the other side.
    expect((send({ g }) as { g: unknown }).g).toBe(got.graph);
  });

  it("grows the sender's own graph with the ops the other side added, keeping its objects", () => {
    const { trusted, learner } = pair();
    const g = tf.Graph();
    const x = g.asDefault(() => tf.placeholder(tf.float32, { shape: [2], name: "x" }));
    const there = learner.decode(JSON.parse(JSON.stringify(trusted.encode(g)))) as tf.Graph;
    const y = there.asDefault(() => tf.square(there.getTensorByName("x:0"), { name: "y" }));
    const back = trusted.decode(JSON.parse(JSON.stringify(learner.encode(y)))) as tf.Tensor;
    expect(back.graph).toBe(g);
    expect(g.getOperations().map((o) => o.name)).toEqual(["x", "y"]);
    expect(g.getTensorByName("x:0")).toBe(x);
    const sess = tf.Session({ graph: g });
    expect(Array.from(sess.run(back, new Map([[x, [3, 4]]])).data as Float32Array)).toEqual([9, 16]);
  });

  it("brings a session's variables back after the other side changed them", () => {
    const { trusted, learner } = pair();
    const g = tf.Graph();
    const { v, init, assign } = g.asDefault(() => {
      const v = tf.Variable(1, { name: "v" });
      return { v, init: tf.globalVariablesInitializer(), assign: tf.assign(v, 7) };
    });
    const sess = tf.Session({ graph: g });
    sess.run(init);
    // The trusted side passes its session; the learner's side runs an assign in its copy.
    const theirs = learner.decode(JSON.parse(JSON.stringify(trusted.encode(sess)))) as tf.SessionImpl;
    theirs.run(theirs.graph.getOperationByName(assign.op.name));
    trusted.decode(JSON.parse(JSON.stringify(learner.encode(learner.takeTouched()))));
    expect(sess.run(v).item()).toBe(7);
  });
});

// Sessions (TF's session.py `BaseSession.run`, random_seed.py `get_seed`,
// guarded_philox_random.cc): fetch structures, default sessions, per-session
// variable and random state, op seeds taken from the graph, feeding any tensor.
import * as tf from "tensorlings";
import { runOnce, thrown } from "./helpers";

beforeEach(() => tf.resetDefaultGraph());

const floats = (a: tf.NDArray) => Array.from(a.data as Float32Array);

describe("fetch structures", () => {
  test("a tensor, a variable, a name, an op, and arrays/objects of those", () => {
    const x = tf.Variable(3, { name: "x" });
    const y = x.mul(2);
    const init = tf.globalVariablesInitializer();
    tf.withSession(tf.Session(), (s) => {
      expect(s.run(init)).toBeNull();
      expect(s.run("init")).toBeNull();
      expect(s.run(x).item()).toBe(3);
      expect(s.run("x:0").item()).toBe(3);
      expect(s.run("mul:0").item()).toBe(6);
      const nested = s.run([y, [x, init], { a: y, b: ["x/read:0", x.initializer] }]);
      expect(nested[0].item()).toBe(6);
      expect(nested[1][0].item()).toBe(3);
      expect(nested[1][1]).toBeNull();
      expect(nested[2].a.item()).toBe(6);
      expect(nested[2].b[0].item()).toBe(3);
      expect(nested[2].b[1]).toBeNull();
      expect(s.run([])).toEqual([]);
      expect(s.run({})).toEqual({});
    });
  });

  test("the same tensor fetched twice gives equal but separate arrays", () => {
    const c = tf.constant([1, 2]);
    const [a, b] = runOnce([c, c]);
    expect(a.toArray()).toEqual([1, 2]);
    expect(b.toArray()).toEqual([1, 2]);
    expect(a).not.toBe(b);
  });

  test("results are NDArrays with shape, dtype and typed data", () => {
    const c = tf.constant([[1, 2, 3]], { dtype: tf.int32 });
    const r: tf.NDArray = runOnce(c);
    expect(r).toBeInstanceOf(tf.NDArray);
    expect(r.shape).toEqual([1, 3]);
    expect(r.dtype).toBe(tf.int32);
    expect(r.data).toBeInstanceOf(Int32Array);
    expect(r.toArray()).toEqual([[1, 2, 3]]);
  });
});

describe("default sessions", () => {
  test("withSession makes the session default for the block and closes it after", () => {
    const c = tf.constant(5);
    let kept: tf.Session | null = null;
    const v = tf.withSession(tf.Session(), (s) => {
      kept = s;
      expect(tf.getDefaultSession()).toBe(s);
      return c.eval().item();
    });
    expect(v).toBe(5);
    expect(tf.getDefaultSession()).toBeNull();
    expect((kept as unknown as tf.Session).isClosed).toBe(true);
  });

  test("withSession also makes the session's graph the default graph for the block", () => {
    const g = tf.Graph();
    const c = g.asDefault(() => tf.constant(1));
    const [isDefault, made] = tf.withSession(tf.Session({ graph: g }), () => [tf.getDefaultGraph() === g, c.add(1)] as const);
    expect(isDefault).toBe(true);
    expect(made.graph).toBe(g);
    expect(tf.getDefaultGraph()).not.toBe(g);
    // so resetting the default graph inside the block is refused, as in TF
    const e = thrown(() => tf.withSession(tf.Session(), () => tf.resetDefaultGraph()));
    expect([e.name, e.message]).toEqual([
      "AssertionError",
      "Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.",
    ]);
  });

  test("asDefault does not close the session", () => {
    const c = tf.constant(5);
    const s = tf.Session();
    expect(s.asDefault(() => c.eval().item())).toBe(5);
    expect(s.isClosed).toBe(false);
    expect(s.run(c).item()).toBe(5);
    s.close();
  });

  test("InteractiveSession installs itself until closed, and warns when a second opens", () => {
    const x = tf.Variable(3, { name: "x" });
    const init = tf.globalVariablesInitializer();
    const sess = tf.InteractiveSession();
    init.run();
    expect(x.eval().item()).toBe(3);
    expect(tf.getDefaultSession()).toBe(sess);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const second = tf.InteractiveSession();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^An interactive session is already active\./);
    warn.mockRestore();
    second.close();
    sess.close();
    expect(tf.getDefaultSession()).toBeNull();
  });

  test("a session on an explicit graph", () => {
    const g = tf.Graph();
    const c = g.asDefault(() => tf.constant(7));
    const s = tf.Session({ graph: g });
    expect(s.graph).toBe(g);
    expect(s.run(c).item()).toBe(7);
    s.close();
  });
});

describe("per-session state", () => {
  test("two sessions on one graph hold separate variable values", () => {
    const x = tf.Variable(1, { name: "x" });
    const inc = x.assignAdd(1);
    const s1 = tf.Session();
    const s2 = tf.Session();
    s1.run(x.initializer);
    s2.run(x.initializer);
    s1.run(inc);
    s1.run(inc);
    s2.run(x.assign(10));
    expect(s1.run(x).item()).toBe(3);
    expect(s2.run(x).item()).toBe(10);
    s1.close();
    s2.close();
  });

  test("assign returns the new value and the variable keeps it across runs", () => {
    const x = tf.Variable([1, 2], { name: "x" });
    tf.withSession(tf.Session(), (s) => {
      s.run(x.initializer);
      expect(s.run(x.assign([5, 6])).toArray()).toEqual([5, 6]);
      expect(s.run(x.assignSub([1, 1])).toArray()).toEqual([4, 5]);
      expect(s.run(x).toArray()).toEqual([4, 5]);
      // the fetched array is a copy: later assignments do not change it
      const before = s.run(x);
      s.run(x.assignAdd([10, 10]));
      expect(before.toArray()).toEqual([4, 5]);
    });
  });

  test("a new session restarts a random op's sequence; a second run continues it", () => {
    tf.setRandomSeed(42);
    const r = tf.randomUniform([3]);
    const runs = (n: number) => tf.withSession(tf.Session(), (s) => Array.from({ length: n }, () => floats(s.run(r))));
    const [first, second] = runs(2);
    expect(runs(1)[0]).toEqual(first);
    expect(second).not.toEqual(first);
  });

  test("re-running an initializer in the same session draws new initial values", () => {
    tf.setRandomSeed(42);
    const v = tf.Variable(tf.randomUniform([2]), { name: "v" });
    tf.withSession(tf.Session(), (s) => {
      s.run(v.initializer);
      const a = floats(s.run(v));
      s.run(v.initializer);
      expect(floats(s.run(v))).not.toEqual(a);
    });
  });
});

describe("op seeds from graph.lastId (random_seed.py `get_seed`)", () => {
  // Each vector: the printed value of the first and second run in one session (HOML-repro, TF 1.x).
  const firstTwo = (t: tf.Tensor) => tf.withSession(tf.Session(), (s) => [String(s.run(t)), String(s.run(t))]);

  test("graph seed 42, no op seed: (42, 3)", () => {
    tf.setRandomSeed(42);
    const rnd = tf.randomUniform([]);
    expect(rnd.op.inputs[0].op.inputs[0].op.attrNumber("seed2")).toBe(3);
    expect(firstTwo(rnd)).toEqual(["0.63789964", "0.8774011"]);
  });

  test("op seed 42, no graph seed: (87654321, 42)", () => {
    const rnd = tf.randomUniform([], 0, 1, { seed: 42 });
    expect(firstTwo(rnd)).toEqual(["0.95227146", "0.8960779"]);
  });

  test("graph seed 42 and op seed 42: (42, 42)", () => {
    tf.setRandomSeed(42);
    const rnd = tf.randomUniform([], 0, 1, { seed: 42 });
    expect(firstTwo(rnd)).toEqual(["0.4163028", "0.033224702"]);
  });

  test("an unseeded op after two seeded ones (7 ops each): (42, 17)", () => {
    tf.setRandomSeed(42);
    tf.randomUniform([], 0, 1, { seed: 42 });
    tf.randomUniform([], 0, 1, { seed: 42 });
    const rnd3 = tf.randomUniform([]);
    const core = tf.getDefaultGraph().getOperationByName("random_uniform_2/RandomUniform");
    expect([core.attrNumber("seed"), core.attrNumber("seed2")]).toEqual([42, 17]);
    expect(firstTwo(rnd3)).toEqual(["0.96100175", "0.17637014"]);
  });

  test("seed attrs follow get_seed: (0, 0) becomes (0, 2**31 - 1), seeds are reduced mod 2**31 - 1", () => {
    const seeds = (t: tf.Tensor) => {
      const core = t.op.inputs[0].op.inputs[0].op;
      return [core.attrNumber("seed"), core.attrNumber("seed2")];
    };
    tf.setRandomSeed(0);
    expect(seeds(tf.randomUniform([], 0, 1, { seed: 0 }))).toEqual([0, 2147483647]);
    tf.setRandomSeed(2 ** 31);
    expect(seeds(tf.randomUniform([], 0, 1, { seed: -1 }))).toEqual([1, 2147483646]);
  });

  test("setRandomSeed sets the seed of the current default graph only", () => {
    const g = tf.Graph();
    g.asDefault(() => tf.setRandomSeed(7));
    expect(g.seed).toBe(7);
    expect(tf.getDefaultGraph().seed).toBeNull();
  });

  test("a seed set after the op was created does not apply to it", () => {
    const rnd = tf.randomUniform([]);
    tf.setRandomSeed(42);
    const core = rnd.op.inputs[0].op.inputs[0].op;
    expect([core.attrNumber("seed"), core.attrNumber("seed2")]).toEqual([0, 0]);
  });
});

describe("feeding any tensor", () => {
  test("feeding an intermediate tensor replaces it and prunes what it depends on", () => {
    const p = tf.placeholder(tf.float32, { shape: [], name: "p" });
    const q = p.mul(2);
    const r = q.add(1);
    // p is never fed: the plan stops at the fed q
    expect(runOnce(r, new Map([[q, 4]])).item()).toBe(5);
  });

  test("the book's w, x, y, z with x fed", () => {
    const w = tf.constant(3, { dtype: tf.int32 });
    const x = w.add(2);
    const y = x.add(5);
    const z = x.mul(3);
    expect(runOnce([y, z]).map(String)).toEqual(["10", "15"]);
    expect(runOnce([y, z], new Map([[x, 100]])).map(String)).toEqual(["105", "300"]);
  });

  test("feeding a variable's snapshot needs no initialisation", () => {
    const x = tf.Variable(3, { name: "x" });
    const f = x.mul(x);
    expect(runOnce(f, new Map([[x.snapshot, 5]])).item()).toBe(25);
    expect(runOnce(f, new Map([[x, 6]])).item()).toBe(36);
  });

  test("a fetched tensor that is also fed returns the fed value", () => {
    const c = tf.constant(1);
    expect(runOnce(c, new Map([[c, 42]])).item()).toBe(42);
  });

  test("a cached plan sees new feed values on every run", () => {
    const a = tf.placeholder(tf.float32, { shape: [null, 3] });
    const b = a.add(5);
    tf.withSession(tf.Session(), (s) => {
      expect(String(s.run(b, new Map([[a, [[1, 2, 3]]]])))).toBe("[[6. 7. 8.]]");
      expect(String(s.run(b, new Map([[a, [[4, 5, 6], [7, 8, 9]]]])))).toBe("[[ 9. 10. 11.]\n [12. 13. 14.]]");
    });
  });

  test("feeds accept typed arrays, NDArrays and arrays of pairs", () => {
    const a = tf.placeholder(tf.float32, { shape: [2] });
    const b = a.mul(2);
    expect(runOnce(b, [[a, new Float32Array([1, 2])]]).toArray()).toEqual([2, 4]);
    expect(runOnce(b, new Map([[a, tf.NDArray.from([3, 4])]])).toArray()).toEqual([6, 8]);
  });
});

describe("feeds keyed by tensor name", () => {
  test("a feed key may be the tensor's name, as in TF", () => {
    tf.resetDefaultGraph();
    const a = tf.placeholder(tf.float32, { shape: [null, 3] });
    const b = a.add(5);
    const out = tf.withSession(tf.Session(), (s) => s.run(b, new Map([["Placeholder:0", [[1, 2, 3]]]])));
    expect(String(out)).toBe("[[6. 7. 8.]]");
  });

  test("an unknown name is refused with TF's feed-key error", () => {
    tf.resetDefaultGraph();
    const a = tf.placeholder(tf.float32);
    expect(() => tf.withSession(tf.Session(), (s) => s.run(a.add(1), [["nope:0", 1]]))).toThrow(
      "Cannot interpret feed_dict key as Tensor: The name 'nope:0' refers to a Tensor which does not exist.",
    );
  });
});

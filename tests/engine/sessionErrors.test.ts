// TF's error classes and first-line texts for each session situation (tensorflow/python/client/session.py,
// `BaseSession.run` and `_run`; tensorflow/python/framework/errors_impl.py).
import * as tf from "tensorlings";
import { expectTfError } from "./helpers";

beforeEach(() => tf.resetDefaultGraph());

const withSession = <T>(fn: (s: tf.Session) => T): T => tf.withSession(tf.Session(), fn);

describe("running", () => {
  test("reading an uninitialized variable through x/read", () => {
    const x = tf.Variable(3, { name: "x" });
    const y = x.add(1);
    const e = withSession((s) =>
      expectTfError(() => s.run(y), "FailedPreconditionError", "Attempting to use uninitialized value x"),
    );
    expect(e).toBeInstanceOf(tf.FailedPreconditionError);
    expect(e).toBeInstanceOf(tf.OpError);
    expect((e as tf.OpError).code).toBe(9);
    expect(e.message).toContain("[[{{node x/read}}]]");
  });

  test("fetching an uninitialized variable directly", () => {
    const x = tf.Variable(3, { name: "x" });
    const e = withSession((s) => expectTfError(() => s.run(x), "FailedPreconditionError", "Attempting to use uninitialized value x"));
    expect(e.message).toContain("_retval_x_0_0");
  });

  test("assign_add on an uninitialized variable", () => {
    const x = tf.Variable(3, { name: "x" });
    const inc = x.assignAdd(1);
    withSession((s) => expectTfError(() => s.run(inc), "FailedPreconditionError", "Attempting to use uninitialized value x"));
  });

  test("a placeholder that is not fed (known and unknown rank)", () => {
    const a = tf.placeholder(tf.float32, { shape: [null, 3] });
    const b = tf.placeholder(tf.int32, { name: "counts" });
    const e = withSession((s) =>
      expectTfError(
        () => s.run(a.add(1)),
        "InvalidArgumentError",
        "You must feed a value for placeholder tensor 'Placeholder' with dtype float and shape [?,3]",
      ),
    );
    expect((e as tf.OpError).code).toBe(3);
    withSession((s) =>
      expectTfError(() => s.run(b), "InvalidArgumentError", "You must feed a value for placeholder tensor 'counts' with dtype int32"),
    );
    const scalar = tf.placeholder(tf.float32, { shape: [] });
    withSession((s) =>
      expectTfError(
        () => s.run(scalar),
        "InvalidArgumentError",
        "You must feed a value for placeholder tensor 'Placeholder_1' with dtype float and shape []",
      ),
    );
  });

  test("Assign with a mismatched runtime shape", () => {
    const v = tf.Variable(tf.zeros([9, 1]), { name: "theta" });
    const p = tf.placeholder(tf.float32, { shape: [null, 1] });
    const assign = tf.assign(v, p);
    withSession((s) => {
      s.run(v.initializer);
      expectTfError(
        () => s.run(assign, new Map([[p, [[1], [2], [3]]]])),
        "InvalidArgumentError",
        "Assign requires shapes of both tensors to match. lhs shape= [9,1] rhs shape= [3,1]",
      );
    });
  });
});

describe("feeds", () => {
  test("a value of the wrong shape", () => {
    const a = tf.placeholder(tf.float32, { shape: [null, 3] });
    withSession((s) =>
      expectTfError(
        () => s.run(a, new Map([[a, [[1, 2, 3, 4]]]])),
        "ValueError",
        "Cannot feed value of shape (1, 4) for Tensor 'Placeholder:0', which has shape '(?, 3)'",
      ),
    );
    withSession((s) =>
      expectTfError(
        () => s.run(a, [[a, [1, 2, 3]]]),
        "ValueError",
        "Cannot feed value of shape (3,) for Tensor 'Placeholder:0', which has shape '(?, 3)'",
      ),
    );
  });

  test("a key from another graph", () => {
    const g = tf.Graph();
    const other = g.asDefault(() => tf.placeholder(tf.float32, { shape: [null, 3] }));
    const mine = tf.constant(1);
    withSession((s) =>
      expectTfError(
        () => s.run(mine, new Map([[other, [[1, 2, 3]]]])),
        "TypeError",
        'Cannot interpret feed_dict key as Tensor: Tensor Tensor("Placeholder:0", shape=(?, 3), dtype=float32) is not an element of this graph.',
      ),
    );
  });

  test("a key that is not a tensor", () => {
    const mine = tf.constant(1);
    const e = withSession((s) => expectTfError(() => s.run(mine, [[42 as never, 1]]), "TypeError", expect.any(String) as never));
    expect(e.message.startsWith("Cannot interpret feed_dict key as Tensor: ")).toBe(true);
  });

  test("a tensor as the value", () => {
    const p = tf.placeholder(tf.float32, { shape: [] });
    const c = tf.constant(1);
    withSession((s) =>
      expectTfError(
        () => s.run(p, new Map([[p, c as never]])),
        "TypeError",
        'The value of a feed cannot be a tf.Tensor object. Acceptable feed values include Python scalars, strings, lists, numpy ndarrays, or TensorHandles.For reference, the tensor object was Tensor("Const:0", shape=(), dtype=float32) which was passed to the feed with key Tensor("Placeholder:0", shape=(), dtype=float32).',
      ),
    );
  });

  test("an int feed that overflows int32", () => {
    const p = tf.placeholder(tf.int32, { shape: [] });
    withSession((s) =>
      expectTfError(
        () => s.run(p, new Map([[p, 2 ** 40]])),
        "TypeError",
        "Type of feed value 1099511627776 with type <class 'int'> is not compatible with Tensor type <dtype: 'int32'>. Try explicitly setting the type of the feed tensor to a larger type (e.g. int64).",
      ),
    );
  });
});

describe("sessions and fetches", () => {
  test("a closed session", () => {
    const c = tf.constant(1);
    const s = tf.Session();
    s.close();
    expectTfError(() => s.run(c), "RuntimeError", "Attempted to use a closed Session.");
  });

  test("an empty graph", () => {
    withSession((s) =>
      expectTfError(() => s.run([]), "RuntimeError", "The Session graph is empty.  Add operations to the graph before calling run()."),
    );
  });

  test("fetching a tensor, a variable or an op of another graph", () => {
    const g = tf.Graph();
    const [x, t, init] = g.asDefault(() => {
      const v = tf.Variable(3, { name: "x", dtype: tf.int32 });
      return [v, v.add(1), tf.globalVariablesInitializer()];
    });
    tf.constant(0);
    withSession((s) => {
      expectTfError(
        () => s.run(x),
        "ValueError",
        `Fetch argument <tf.Variable 'x:0' shape=() dtype=int32_ref> cannot be interpreted as a Tensor. (Tensor Tensor("x:0", shape=(), dtype=int32_ref) is not an element of this graph.)`,
      );
      expectTfError(
        () => s.run(t),
        "ValueError",
        `Fetch argument <tf.Tensor 'add:0' shape=() dtype=int32> cannot be interpreted as a Tensor. (Tensor Tensor("add:0", shape=(), dtype=int32) is not an element of this graph.)`,
      );
      const e = expectTfError(() => s.run(init), "ValueError", expect.any(String) as never);
      expect(e.message.startsWith("Fetch argument <tf.Operation 'init' type=NoOp> cannot be interpreted as a Tensor. (Operation ")).toBe(true);
      expect(e.message).toContain("is not an element of this graph.)");
    });
  });

  test("fetching null or a value of a bad type", () => {
    tf.constant(0);
    withSession((s) => {
      // @ts-expect-error: null is not a fetch, and the types say so too
      expectTfError(() => s.run(null), "TypeError", "Fetch argument None has invalid type <class 'NoneType'>");
      // @ts-expect-error: null is not a fetch
      expectTfError(() => s.run([tf.constant(1), null]), "TypeError", "Fetch argument None has invalid type <class 'NoneType'>");
      // @ts-expect-error: a number is not a fetch
      const e = expectTfError(() => s.run(42), "TypeError", expect.any(String) as never);
      expect(e.message.startsWith("Fetch argument 42 has invalid type")).toBe(true);
    });
  });

  test("fetching a name that is not in the graph", () => {
    tf.constant(0, { name: "c" });
    withSession((s) => {
      expectTfError(
        () => s.run("foo:0"),
        "ValueError",
        "Fetch argument 'foo:0' cannot be interpreted as a Tensor. (The name 'foo:0' refers to a Tensor which does not exist. The operation, 'foo', does not exist in the graph.)",
      );
      expectTfError(
        () => s.run("nope"),
        "ValueError",
        "Fetch argument 'nope' cannot be interpreted as a Tensor. (The name 'nope' refers to an Operation not in the graph.)",
      );
    });
  });
});

describe("eval and run through the default session", () => {
  test("no default session", () => {
    const t = tf.constant(1);
    const op = tf.noOp();
    expectTfError(
      () => t.eval(),
      "ValueError",
      "Cannot evaluate tensor using `eval()`: No default session is registered. Use `with sess.as_default()` or pass an explicit session to `eval(session=sess)`",
    );
    expectTfError(
      () => op.run(),
      "ValueError",
      "Cannot execute operation using `run()`: No default session is registered. Use `with sess.as_default():` or pass an explicit session to `run(session=sess)`",
    );
  });

  test("the default session is on another graph", () => {
    const g = tf.Graph();
    const [t, op] = g.asDefault(() => [tf.constant(1), tf.noOp()] as const);
    tf.constant(0);
    withSession(() => {
      expectTfError(
        () => t.eval(),
        "ValueError",
        "Cannot use the default session to evaluate tensor: the tensor's graph is different from the session's graph. Pass an explicit session to `eval(session=sess)`.",
      );
      expectTfError(
        () => op.run(),
        "ValueError",
        "Cannot use the default session to execute operation: the operation's graph is different from the session's graph. Pass an explicit session to run(session=sess).",
      );
    });
  });

  test("an explicit session on another graph", () => {
    const g = tf.Graph();
    const [t, op] = g.asDefault(() => [tf.constant(1), tf.noOp()] as const);
    tf.constant(0);
    const s = tf.Session();
    expectTfError(
      () => t.eval(undefined, s),
      "ValueError",
      "Cannot use the given session to evaluate tensor: the tensor's graph is different from the session's graph.",
    );
    expectTfError(
      () => op.run(undefined, s),
      "ValueError",
      "Cannot use the given session to execute operation: the operation's graph is different from the session's graph.",
    );
    s.close();
    // with the right session both work, with or without a default one
    const right = tf.Session({ graph: g });
    expect(t.eval(undefined, right).item()).toBe(1);
    expect(op.run(undefined, right)).toBeUndefined();
    right.close();
  });
});

describe("graph lookups by name", () => {
  test("get_tensor_by_name", () => {
    const g = tf.getDefaultGraph();
    const c = tf.constant(1, { name: "foo" });
    expect(g.getTensorByName("foo:0")).toBe(c);
    expectTfError(
      () => g.getTensorByName("bar:0"),
      "KeyError",
      "The name 'bar:0' refers to a Tensor which does not exist. The operation, 'bar', does not exist in the graph.",
    );
    expectTfError(
      () => g.getTensorByName("foo:3"),
      "KeyError",
      "The name 'foo:3' refers to a Tensor which does not exist. The operation, 'foo', exists but only has 1 outputs.",
    );
    expectTfError(
      () => g.getTensorByName("foo"),
      "ValueError",
      `The name 'foo' refers to an Operation, not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".`,
    );
    expectTfError(
      () => g.getTensorByName("bar"),
      "ValueError",
      `The name 'bar' looks like an (invalid) Operation name, not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".`,
    );
  });

  test("get_operation_by_name", () => {
    const g = tf.getDefaultGraph();
    const c = tf.constant(1, { name: "foo" });
    expect(g.getOperationByName("foo")).toBe(c.op);
    expectTfError(() => g.getOperationByName("bar"), "KeyError", "The name 'bar' refers to an Operation not in the graph.");
    expectTfError(() => g.getOperationByName("foo:0"), "ValueError", "Name 'foo:0' appears to refer to a Tensor, not a Operation.");
  });
});

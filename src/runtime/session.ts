import { GraphImpl, getDefaultGraph } from "../graph/graph";
import { Operation } from "../graph/operation";
import { StaticShape, concreteShapeToPython, isFullyDefined, shapeToPython } from "../base/shape";
import { Tensor, canonicalTensor } from "../graph/tensor";
import { FailedPreconditionError, RuntimeError, ValueError } from "../base/errors";
import type { Kernel, KernelContext } from "../ops/registry";
import { FeedDict, popDefaultSession, pushDefaultSession } from "../graph/defaultSession";
import { optionalArgs } from "../base/optionalArgs";
import { ArrayLike, NDArray } from "../base/ndarray/ndarray";
import { Plan, StepKind, compilePlan } from "./plan";
import { PlanCache } from "./planCache";
import { withNode } from "./nodeErrors";
import { getActiveBackend } from "./backends/backend";
import { SessionState, UNINITIALIZED } from "../ops/sessionState";

/** Keyword arguments of `tf.Session` (TF 1.x `Session(target='', graph=None, config=None)`). */
export interface SessionOptions {
  /** The graph to run; the default graph when the session is created, by default. */
  graph?: GraphImpl;
  /** Accepted for compatibility with `tf.Session(target, config=...)`; unused. */
  config?: unknown;
}

type FetchElement = Tensor | Operation;

/** What `sess.run` accepts: a tensor, an op, a name, or arrays, tuples and objects of those, nested. */
export type Fetch = Tensor | Operation | string | readonly Fetch[] | { readonly [key: string]: Fetch };

/**
 * The value `sess.run` gives for a fetch: an NDArray for a tensor (or a `"name:0"` tensor name),
 * null for an op (TF returns None), and the same tuple, array or object shape for structures.
 * A fetch typed only as `Fetch` gives the general `FetchValue`.
 */
export type FetchResult<F> = [Fetch] extends [F]
  ? FetchValue
  : F extends Tensor
    ? NDArray
    : F extends Operation
      ? null
      : F extends `${string}:${number}`
        ? NDArray
        : F extends string
          ? string extends F
            ? NDArray | null
            : null
          : F extends readonly unknown[]
            ? { -readonly [K in keyof F]: FetchResult<F[K]> }
            : F extends object
              ? { -readonly [K in keyof F]: FetchResult<F[K]> }
              : never;

/** What a fetch known only as `Fetch` gives: an NDArray, null, or arrays and objects of those. */
export type FetchValue = NDArray | null | FetchValue[] | { [key: string]: FetchValue };

/** `sess.run`'s keyword arguments (`feed_dict=`); TF's `options` and `run_metadata` have no equivalent here. */
export interface RunOptions {
  /** Values for tensors (placeholders or any other): a Map or an array of [tensor, value] pairs. */
  feedDict?: FeedDict | null;
}

const RUN_ARGS = { fn: "Session.run", names: ["feedDict"] } as const;

interface Feeds {
  keys: Tensor[];
  values: NDArray[];
}
const NO_FEEDS: Feeds = { keys: [], values: [] };

/**
 * The session {@link Session} returns: it owns the variable values and random-kernel state of one graph,
 * and runs parts of that graph. Mirrors TF 1.x `tf.Session` (tensorflow/python/client/session.py,
 * classes `BaseSession` and `Session`).
 * @example
 * ```ts
 * const sess: tf.SessionImpl = tf.Session();
 * sess.close();
 * ```
 */
export class SessionImpl {
  /** The graph this session runs. */
  readonly graph: GraphImpl;
  /** @internal Variable values and random-kernel state, read by the kernels and the grader's sandbox. */
  readonly state = new SessionState();
  private closed = false;
  private readonly plans = new PlanCache();
  private readonly ctx: KernelContext;
  /** The fetch list of a single-element `run`, reused to avoid an allocation per call. */
  private readonly single: FetchElement[] = [];

  /** @param options - The graph to run (see {@link SessionOptions}). */
  constructor(options: SessionOptions = {}) {
    this.graph = options.graph ?? getDefaultGraph();
    this.ctx = { state: this.state };
  }

  /**
   * Runs the ops needed to compute `fetches` and returns their values: fetches may be a tensor, an op, a
   * variable, a name, or arrays and objects of those; the result has the same structure (ops give `null`).
   * Mirrors TF 1.x `sess.run(fetches, feed_dict=None)` (tensorflow/python/client/session.py,
   * `BaseSession.run`).
   * @param fetches - What to compute.
   * @param options.feedDict - Values for tensors, as a Map or [tensor, value] pairs.
   * @returns The values, shaped like `fetches` (see {@link FetchResult}).
   * @throws {@link RuntimeError} when the session is closed or its graph is empty.
   * @throws {@link FailedPreconditionError} when a variable used is not initialized.
   * @throws {@link InvalidArgumentError} when a placeholder needed is not fed, or a kernel rejects its input.
   * @throws TypeError or {@link ValueError} when a fetch or a feed cannot be interpreted.
   * @example
   * ```ts
   * const x = tf.placeholder(tf.float32, [null, 2], { name: "x" });
   * const y = tf.reduceSum(x);
   * tf.withSession(tf.Session(), (sess) => {
   *   const total = sess.run(y, { feedDict: new Map([[x, [[1, 2], [3, 4]]]]) }); // NDArray 10
   * });
   * ```
   */
  run<const F extends Fetch>(fetches: F, options?: RunOptions): FetchResult<F>;
  /**
   * The same, with the feed dict second, as Python passes it: `sess.run(y, new Map([[x, 1]]))`.
   * @param fetches - What to compute.
   * @param feedDict - Values for tensors.
   * @param options - As in the first form.
   * @returns The values, shaped like `fetches`.
   */
  run<const F extends Fetch>(fetches: F, feedDict: FeedDict | null | undefined, options?: RunOptions): FetchResult<F>;
  run(fetches: Fetch, ...rest: unknown[]): unknown {
    if (this.closed) throw new RuntimeError("Attempted to use a closed Session.");
    if (this.graph.operations.length === 0) {
      throw new RuntimeError("The Session graph is empty.  Add operations to the graph before calling run().");
    }
    // The usual call, `run(f)` or `run(f, feeds)`, skips the argument parser (run is the hot path).
    const first = rest[0];
    const feedDict =
      rest.length <= 1 && (first === undefined || first === null || first instanceof Map || Array.isArray(first))
        ? (first as FeedDict | null | undefined)
        : this.runArgs(rest);
    const feeds = feedDict ? this.convertFeeds(feedDict) : NO_FEEDS;
    // The common case, one tensor or op, skips building a result template.
    if (fetches instanceof Tensor || fetches instanceof Operation) {
      const element = this.asFetchElement(fetches);
      this.single[0] = element;
      const values = this.execute(this.planFor(this.single, feeds), feeds.values);
      return element instanceof Tensor ? values[0] : null;
    }
    const elements: FetchElement[] = [];
    const template = this.flattenFetches(fetches, elements);
    const values = this.execute(this.planFor(elements, feeds), feeds.values);
    let k = 0;
    const results = elements.map((e) => (e instanceof Tensor ? values[k++] : null));
    return template(results);
  }

  private runArgs(rest: readonly unknown[]): FeedDict | undefined {
    const { values, options } = optionalArgs<RunOptions>(RUN_ARGS, rest);
    return (values[0] as FeedDict | undefined) ?? options.feedDict ?? undefined;
  }

  /**
   * The cached plan for this signature and these feed shapes, compiled on first use (again if the
   * backend changed). Feeds with unknown static dims get plans specialised for the fed shapes.
   */
  private planFor(elements: readonly FetchElement[], feeds: Feeds): Plan {
    const backend = getActiveBackend();
    const entry = this.plans.entry(elements, feeds.keys);
    let plan = entry.find(backend, feeds.values);
    if (plan === null) {
      const fetchTensors = elements.filter((e): e is Tensor => e instanceof Tensor);
      const targets = elements.filter((e): e is Operation => e instanceof Operation);
      const specialise = entry.canSpecialise && feeds.keys.some((t) => !isFullyDefined(t.shape));
      plan = compilePlan(fetchTensors, targets, feeds.keys, specialise ? { feedShapes: feeds.values.map((v) => [...v.shape]) } : {});
      entry.add(plan);
    }
    return plan;
  }

  /** Runs the steps over the plan's slots; returns copies of the fetched values. */
  private execute(plan: Plan, feedValues: readonly NDArray[]): NDArray[] {
    const values = plan.values;
    const feedSlots = plan.feedSlots;
    for (let i = 0; i < feedSlots.length; i++) values[feedSlots[i]] = feedValues[i];
    const ctx = this.ctx;
    const steps = plan.steps;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s];
      const inputSlots = step.inputSlots;
      const args = step.args;
      for (let i = 0; i < inputSlots.length; i++) {
        const v = values[inputSlots[i]];
        if (v === UNINITIALIZED && step.needsValue[i] === 1) {
          throw withNode(new FailedPreconditionError(`Attempting to use uninitialized value ${step.inputNames[i]}`), step.readerNames[i]);
        }
        args[i] = v;
      }
      if (step.kind === StepKind.Alias) {
        values[step.outputSlots[0]] = args[0];
        continue;
      }
      if (step.kind === StepKind.Check) continue;
      let outputs: NDArray[];
      try {
        outputs = (step.kernel as Kernel)(args, ctx);
      } catch (e) {
        throw withNode(e, step.op.name);
      }
      const outputSlots = step.outputSlots;
      for (let i = 0; i < outputSlots.length; i++) values[outputSlots[i]] = outputs[i];
      const refSlots = step.refSlots;
      for (let i = 0; i < refSlots.length; i++) values[refSlots[i]] = this.state.readVariable(step.refVariables[i]);
    }
    const fetchSlots = plan.fetchSlots;
    const results: NDArray[] = new Array(fetchSlots.length);
    for (let i = 0; i < fetchSlots.length; i++) {
      const v = values[fetchSlots[i]];
      if (v === UNINITIALIZED) {
        const name = plan.fetchNames[i];
        throw withNode(new FailedPreconditionError(`Attempting to use uninitialized value ${name}`), `_retval_${name}_0_0`);
      }
      results[i] = copyOf(v);
    }
    return results;
  }

  private flattenFetches(fetches: unknown, out: FetchElement[]): (results: unknown[]) => unknown {
    if (fetches === null || fetches === undefined) {
      throw new TypeError(`Fetch argument ${fetches === null ? "None" : "undefined"} has invalid type <class 'NoneType'>`);
    }
    if (Array.isArray(fetches)) {
      const parts = fetches.map((f) => this.flattenFetches(f, out));
      return (r) => parts.map((p) => p(r));
    }
    if (fetches instanceof Tensor || fetches instanceof Operation || typeof fetches === "string") {
      const el = this.asFetchElement(fetches);
      const index = out.length;
      out.push(el);
      return (r) => r[index];
    }
    if (typeof fetches === "object") {
      const entries = Object.entries(fetches as Record<string, unknown>).map(([k, v]) => [k, this.flattenFetches(v, out)] as const);
      return (r) => Object.fromEntries(entries.map(([k, p]) => [k, p(r)]));
    }
    throw new TypeError(`Fetch argument ${String(fetches)} has invalid type ${typeof fetches}, must be a string or Tensor. (Can not convert a ${typeof fetches} into a Tensor or Operation.)`);
  }

  private asFetchElement(f: Tensor | Operation | string): FetchElement {
    if (typeof f === "string") {
      try {
        return f.includes(":") ? canonicalTensor(this.graph.getTensorByName(f)) : this.graph.getOperationByName(f);
      } catch (e) {
        throw new ValueError(`Fetch argument '${f}' cannot be interpreted as a Tensor. (${(e as Error).message})`);
      }
    }
    if (f.graph !== this.graph) {
      const what = f instanceof Tensor ? `Tensor ${tensorText(f)}` : `Operation ${f.name}`;
      const repr = f instanceof Tensor ? f.repr() : String(f);
      throw new ValueError(`Fetch argument ${repr} cannot be interpreted as a Tensor. (${what} is not an element of this graph.)`);
    }
    return f instanceof Tensor ? canonicalTensor(f) : f;
  }

  /** The feeds as parallel arrays (tensor, converted value), later entries replacing earlier ones for the same tensor. */
  private convertFeeds(feedDict: FeedDict): Feeds {
    const keys: Tensor[] = [];
    const values: NDArray[] = [];
    const add = (rawKey: unknown, value: unknown) => {
      const named = typeof rawKey === "string" ? this.feedKeyByName(rawKey) : rawKey;
      const key = named instanceof Tensor ? canonicalTensor(named) : named;
      const array = this.convertFeed(key, value);
      const at = keys.indexOf(key as Tensor);
      if (at >= 0) values[at] = array;
      else {
        keys.push(key as Tensor);
        values.push(array);
      }
    };
    if (feedDict instanceof Map) for (const [key, value] of feedDict) add(key, value);
    else for (const [key, value] of feedDict as [unknown, unknown][]) add(key, value);
    return { keys, values };
  }

  /** A feed key given by name (`"Placeholder:0"`), as TF accepts. */
  private feedKeyByName(name: string): Tensor {
    try {
      return this.graph.getTensorByName(name);
    } catch (e) {
      throw new TypeError(`Cannot interpret feed_dict key as Tensor: ${(e as Error).message}`);
    }
  }

  private convertFeed(key: unknown, value: unknown): NDArray {
    if (!(key instanceof Tensor)) {
      throw new TypeError(`Cannot interpret feed_dict key as Tensor: Can not convert a ${typeof key} into a Tensor.`);
    }
    if (key.graph !== this.graph) {
      throw new TypeError(`Cannot interpret feed_dict key as Tensor: Tensor ${tensorText(key)} is not an element of this graph.`);
    }
    if (value instanceof Tensor) {
      throw new TypeError(
        `The value of a feed cannot be a tf.Tensor object. Acceptable feed values include Python scalars, strings, lists, numpy ndarrays, or TensorHandles.For reference, the tensor object was ${value} which was passed to the feed with key ${key}.`,
      );
    }
    let array: NDArray;
    try {
      array = NDArray.from(value as ArrayLike, key.dtype);
    } catch (e) {
      throw new ValueError(`Cannot feed value for Tensor '${key.name}': ${(e as Error).message}`);
    }
    if (key.dtype.name === "int32") checkInt32(array, value);
    if (!fitsStaticShape(key.shape, array.shape)) {
      throw new ValueError(
        `Cannot feed value of shape ${concreteShapeToPython(array.shape)} for Tensor '${key.name}', which has shape '${shapeToPython(key.shape)}'`,
      );
    }
    return array;
  }

  /**
   * Frees the variable values and kernel state; later `run` calls throw. Mirrors `Session.close`.
   * @example
   * ```ts
   * const sess = tf.Session();
   * sess.close();
   * ```
   */
  close(): void {
    this.closed = true;
    this.state.variables.clear();
    this.state.kernelState.clear();
    this.plans.clear();
  }
  /** Whether `close` was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** `with sess.as_default():` — does not close the session at the end. */
  asDefault<T>(fn: (sess: this) => T): T {
    pushDefaultSession(this);
    try {
      return fn(this);
    } finally {
      popDefaultSession(this);
    }
  }

  /** `using sess = tf.Session()` closes it at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** A short description naming the graph, like Python's repr. */
  toString(): string {
    return `<tensorlings.Session on ${this.graph}>`;
  }
}

/** `str()` of the tensor itself: TF reports a variable through its ref tensor (`Tensor("x:0", ..., dtype=int32_ref)`). */
function tensorText(t: Tensor): string {
  return Tensor.prototype.toString.call(t);
}

function copyOf(v: NDArray): NDArray {
  const data = Array.isArray(v.data) ? [...v.data] : (v.data as Float32Array).slice();
  return new NDArray(v.dtype, [...v.shape], data);
}

/** `isCompatible(static, concrete)` without allocating (it runs for every feed of every run). */
function fitsStaticShape(declared: StaticShape, shape: readonly number[]): boolean {
  if (declared === null) return true;
  if (declared.length !== shape.length) return false;
  for (let i = 0; i < shape.length; i++) {
    const d = declared[i];
    if (d !== null && d !== shape[i]) return false;
  }
  return true;
}

/** A scalar int feed that does not fit int32 is refused, as TF refuses an overflowing Python int. */
function checkInt32(array: NDArray, value: unknown): void {
  if (typeof value === "number" && (array.data as Int32Array)[0] !== value) {
    throw new TypeError(
      `Type of feed value ${value} with type <class 'int'> is not compatible with Tensor type <dtype: 'int32'>. Try explicitly setting the type of the feed tensor to a larger type (e.g. int64).`,
    );
  }
}

/**
 * Creates a session on the default graph (or `options.graph`), called without `new`, as in Python.
 * Mirrors TF 1.x `tf.Session(target='', graph=None, config=None)` (tensorflow/python/client/session.py,
 * `Session.__init__`).
 * @param options.graph - The graph to run.
 * @param options.config - Accepted for compatibility; unused.
 * @returns A new {@link SessionImpl}.
 * @example
 * ```ts
 * const f = tf.constant(3).mul(2);
 * const result = tf.withSession(tf.Session(), (sess) => sess.run(f));
 * ```
 */
export function Session(options: SessionOptions = {}): SessionImpl {
  return new SessionImpl(options);
}
/** The type of the sessions {@link Session} returns. */
export type Session = SessionImpl;

let interactive: SessionImpl | null = null;

/**
 * Creates a session that makes itself the default session until it is closed, so `t.eval()` and
 * `op.run()` need no session argument. Mirrors TF 1.x `tf.InteractiveSession()`
 * (tensorflow/python/client/session.py, class `InteractiveSession`); it warns, as TF does, when another one
 * is still open.
 * @param options.graph - The graph to run.
 * @returns A new {@link SessionImpl}; close it when done.
 * @example
 * ```ts
 * const x = tf.Variable(3, { name: "x" });
 * const sess = tf.InteractiveSession();
 * x.initializer.run();
 * const value = x.eval();
 * sess.close();
 * ```
 */
export function InteractiveSession(options: SessionOptions = {}): SessionImpl {
  if (interactive && !interactive.isClosed) {
    console.warn("An interactive session is already active. This can cause out-of-memory errors in some cases. You must explicitly call `InteractiveSession.close()` to release resources held by the other session(s).");
  }
  const s = new SessionImpl(options);
  const close = s.close.bind(s);
  s.close = () => {
    popDefaultSession(s);
    close();
  };
  pushDefaultSession(s);
  interactive = s;
  return s;
}

/**
 * `with tf.Session() as sess:` — for the block the session is the default session and its graph
 * the default graph (as Python's `Session.__enter__` does); the session is closed at the end.
 * Mirrors TF 1.x `BaseSession.__enter__` / `__exit__` (tensorflow/python/client/session.py).
 * @param session - The session to use and close.
 * @param fn - The block; it receives the session.
 * @returns What `fn` returns.
 * @example
 * ```ts
 * const x = tf.Variable(3, { name: "x" });
 * const f = x.mul(x).add(2);
 * const result = tf.withSession(tf.Session(), (sess) => {
 *   x.initializer.run();
 *   return f.eval();
 * });
 * ```
 */
export function withSession<T>(session: SessionImpl, fn: (sess: SessionImpl) => T): T {
  try {
    return session.graph.asDefault(() => session.asDefault(fn));
  } finally {
    session.close();
  }
}

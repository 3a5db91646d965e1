import { ValueError } from "../base/errors";
import { optionalArgs } from "../base/optionalArgs";
import type { Operation } from "./operation";
import type { Tensor } from "./tensor";
import type { ArrayLike, NDArray } from "../base/ndarray/ndarray";

/**
 * A feed dict: a Map (or an array of pairs) from a placeholder or any feedable tensor, or a tensor
 * name such as `"Placeholder:0"`, to its value: a number, nested arrays, a typed array or an NDArray.
 */
export type FeedDict = ReadonlyMap<FeedKey, ArrayLike> | readonly (readonly [FeedKey, ArrayLike])[];
/** A feed dict key: a tensor, or a tensor's name such as `"Placeholder:0"`. */
export type FeedKey = Tensor | string;

/** Keyword arguments of `Tensor.eval` and `Operation.run` (`feed_dict=None, session=None`). */
export interface EvalOptions {
  /** Values for tensors, as in `sess.run`. */
  feedDict?: FeedDict | null;
  /** The session to use instead of the default one. */
  session?: SessionLike | null;
}

const EVAL_ARGS = ["feedDict", "session"] as const;

/** Splits `eval`/`run`'s arguments: positionally, as an options object, or both. */
export function evalArgs(fn: string, args: readonly unknown[]): { feedDict?: FeedDict; session?: SessionLike } {
  const { values, options } = optionalArgs<EvalOptions>({ fn, names: EVAL_ARGS }, args);
  return {
    feedDict: (values[0] as FeedDict | undefined) ?? options.feedDict ?? undefined,
    session: (values[1] as SessionLike | undefined) ?? options.session ?? undefined,
  };
}

/** What `eval`/`run` need of a session; the Session class implements it. */
export interface SessionLike {
  /** The graph the session runs. */
  graph: unknown;
  /** Computes `fetches`, as `Session.run` does. */
  run(fetches: unknown, feedDict?: FeedDict): unknown;
}

const stack: SessionLike[] = [];

/**
 * The innermost default session: the one of the enclosing `withSession` / `sess.asDefault` block, or an open
 * `InteractiveSession`. Mirrors TF 1.x `tf.get_default_session()` (tensorflow/python/framework/ops.py,
 * `get_default_session`).
 * @returns The session, or null outside any.
 * @example
 * ```ts
 * const inside = tf.withSession(tf.Session(), (sess) => tf.getDefaultSession() === sess); // true
 * ```
 */
export function getDefaultSession(): SessionLike | null {
  return stack.length ? stack[stack.length - 1] : null;
}

export function pushDefaultSession(s: SessionLike): void {
  stack.push(s);
}

export function popDefaultSession(s: SessionLike): void {
  const i = stack.lastIndexOf(s);
  if (i >= 0) stack.splice(i, 1);
}

/** `Tensor.eval` / `Operation.run` through an explicit or the default session, with TF's texts. */
export function runWithDefaultSession(kind: "eval", target: Tensor, feedDict?: FeedDict, session?: SessionLike): NDArray;
export function runWithDefaultSession(kind: "run", target: Operation, feedDict?: FeedDict, session?: SessionLike): void;
export function runWithDefaultSession(
  kind: "eval" | "run",
  target: Tensor | Operation,
  feedDict?: FeedDict,
  session?: SessionLike,
): unknown {
  let s = session;
  const what = kind === "eval" ? "tensor" : "operation";
  if (!s) {
    s = getDefaultSession() ?? undefined;
    if (!s) {
      throw new ValueError(
        kind === "eval"
          ? "Cannot evaluate tensor using `eval()`: No default session is registered. Use `with sess.as_default()` or pass an explicit session to `eval(session=sess)`"
          : "Cannot execute operation using `run()`: No default session is registered. Use `with sess.as_default():` or pass an explicit session to `run(session=sess)`",
      );
    }
    if (s.graph !== target.graph) {
      throw new ValueError(
        kind === "eval"
          ? "Cannot use the default session to evaluate tensor: the tensor's graph is different from the session's graph. Pass an explicit session to `eval(session=sess)`."
          : "Cannot use the default session to execute operation: the operation's graph is different from the session's graph. Pass an explicit session to run(session=sess).",
      );
    }
  } else if (s.graph !== target.graph) {
    throw new ValueError(
      `Cannot use the given session to ${kind === "eval" ? "evaluate" : "execute"} ${what}: the ${what}'s graph is different from the session's graph.`,
    );
  }
  const result = s.run(target, feedDict);
  return kind === "eval" ? result : undefined;
}

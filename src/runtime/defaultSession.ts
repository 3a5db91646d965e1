import { ValueError } from "../errors";
import type { Operation } from "../graph/operation";
import type { Tensor } from "../graph/tensor";
import type { ArrayLike, NDArray } from "./ndarray";

/** A feed dict: a Map keyed by tensor (or an array of pairs), values convertible to arrays. */
/** Keys are tensors, or tensor names such as `"Placeholder:0"`. */
export type FeedDict = Map<Tensor | string, ArrayLike> | [Tensor | string, ArrayLike][];

/** What `eval`/`run` need of a session; the Session class implements it. */
export interface SessionLike {
  graph: unknown;
  run(fetches: unknown, feedDict?: FeedDict): unknown;
}

const stack: SessionLike[] = [];

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
export function runWithDefaultSession(kind: "eval", target: Tensor, feedDict?: FeedDict, session?: unknown): NDArray;
export function runWithDefaultSession(kind: "run", target: Operation, feedDict?: FeedDict, session?: unknown): void;
export function runWithDefaultSession(
  kind: "eval" | "run",
  target: Tensor | Operation,
  feedDict?: FeedDict,
  session?: unknown,
): unknown {
  let s = session as SessionLike | undefined;
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

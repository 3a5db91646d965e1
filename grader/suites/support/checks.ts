/**
 * Small helpers shared by the exercise suites. The grader copies `support/` next to every suite,
 * so suites import it as `./support/checks`.
 *
 * `check` is the suites' assertion: it fails with a message written for the learner (what was
 * checked and what was observed) instead of Jest's "Expected: … Received: …", which would print
 * the value being looked for.
 */
import * as tf from "tensorlings";

/** Fails the test with `message` unless `ok`; counts as an assertion when it holds. */
export function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new Error(message);
  expect(ok).toBe(true);
}

/** What a caught error looks like to the suites (and what exercises return for one). */
export interface ErrorInfo {
  name: string;
  message: string;
}

/** Runs `fn`; the error it throws as `{name, message}`, or null when it does not throw. */
export function errorOf(fn: () => unknown): ErrorInfo | null {
  try {
    fn();
    return null;
  } catch (e) {
    const err = e as Error;
    return { name: String(err?.name ?? typeof e), message: String(err?.message ?? e) };
  }
}

/** The first line of an error message: TF appends the failing node on later lines. */
export function firstLine(message: unknown): string {
  return String(message ?? "").split("\n")[0].trim();
}

/** True when `value` looks like `{name: string, message: string}`. */
export function isErrorInfo(value: unknown): value is ErrorInfo {
  return typeof value === "object" && value !== null && typeof (value as ErrorInfo).name === "string" && typeof (value as ErrorInfo).message === "string";
}

/** Numbers out of an NDArray, a number, or a (nested) array of numbers; null if it is none of those. */
export function numbers(value: unknown): number[] | null {
  if (value instanceof tf.NDArray) return Array.from(value.toFloat64());
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) {
    const flat = (value as unknown[]).flat(Infinity);
    return flat.every((v) => typeof v === "number") ? (flat as number[]) : null;
  }
  return null;
}

/** Element-wise closeness with a relative and absolute tolerance. */
export function allClose(a: number[] | null, b: number[] | null, rtol = 1e-5, atol = 1e-6): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => Math.abs(x - b[i]) <= atol + rtol * Math.abs(b[i]));
}

/** Short text for a list of numbers in a failure message. */
export function show(value: number[] | null): string {
  if (value === null) return "(not numbers)";
  // As the engine prints arrays (NumPy's format), so every number in a message looks alike.
  const shown = String(tf.NDArray.from(value.slice(0, 8), tf.float32));
  return value.length > 8 ? `${shown} (first 8 of ${value.length})` : shown;
}

/** True when `value` is a graph made by `tf.Graph()` (or the default graph). */
export function isGraph(value: unknown): value is tf.Graph {
  return value instanceof tf.getDefaultGraph().constructor;
}

/** True when `value` is a session of this engine. */
export function isSession(value: unknown): value is tf.Session {
  return value instanceof tf.SessionImpl;
}

/** Every op `t` depends on (its own op included), following inputs and control inputs. */
export function ancestors(t: tf.Tensor | tf.Operation): Set<tf.Operation> {
  const seen = new Set<tf.Operation>();
  const stack: tf.Operation[] = [t instanceof tf.Tensor ? t.op : t];
  while (stack.length) {
    const op = stack.pop()!;
    if (seen.has(op)) continue;
    seen.add(op);
    for (const input of op.inputs) stack.push(input.op);
    for (const c of op.controlInputs ?? []) stack.push(c);
  }
  return seen;
}

/** Op types of a graph, in creation order. */
export function opTypes(graph: tf.Graph): string[] {
  return graph.getOperations().map((op) => op.type);
}

/** Runs `fn` with a fresh session on `graph`, closing it afterwards. */
export function inSession<T>(graph: tf.Graph, fn: (sess: tf.Session) => T): T {
  const sess = tf.Session({ graph });
  try {
    return fn(sess);
  } finally {
    sess.close();
  }
}

/** A structured answer must be one of `letters` (a single choice). */
export function isChoice(value: unknown, letters: string): value is string {
  return typeof value === "string" && value.trim().length === 1 && letters.includes(value.trim().toLowerCase());
}

/** A structured answer must be a non-empty array of letters from `letters`, each at most once. */
export function isChoiceSet(value: unknown, letters: string): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => isChoice(v, letters)) && new Set(value.map((v: string) => v.trim().toLowerCase())).size === value.length;
}

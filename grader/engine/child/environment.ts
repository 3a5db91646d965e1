/**
 * The grader's Jest test environment (trusted; runs outside the test's sandboxed context).
 *
 * It streams one event per test to the parent over the private channel and guards the test
 * framework: the real `test`/`expect`/matchers are captured when Jest sets them up (before the
 * suite or any learner code is loaded), and after every test they must still be in place and a
 * set of known-false assertions must still fail. A test whose own function failed but ends with
 * no errors, or that passes without a single assertion, is reported too. The parent turns any
 * of these into an integrity error.
 */
import { TestEnvironment as NodeEnvironment } from "jest-environment-node";
import type { Circus } from "@jest/types";
type Send = (type: string, payload?: Record<string, unknown>) => void;
const { takeSender } = require("./channel.js") as { takeSender(role: string): Send | null };

// Module scope, not an instance field: nothing outside this file can reach it. Claimed when Jest
// builds the environment, before the test file (and so any learner code) is loaded.
let signed: Send | null = null;
const send: Send = (type, payload) => {
  if (!signed) throw new Error("the grader environment has no channel key");
  signed(type, payload);
};

const ANSWER_HOOK = Symbol.for("tensorlings.grader.submitAnswer");
const MATCHERS = Symbol.for("$$jest-matchers-object");
const GUARDED_GLOBALS = [
  "test",
  "it",
  "describe",
  "expect",
  "beforeEach",
  "afterEach",
  "beforeAll",
  "afterAll",
] as const;
const MAX_MESSAGE = 4000;
const MAX_ANSWER_JSON = 2000;

type AnyFn = (...args: any[]) => any;
type Expect = AnyFn & { getState(): Record<string, unknown>; setState(s: Record<string, unknown>): void };

/** Assertions that must throw; if one passes, the matchers were replaced. */
const KNOWN_FALSE: Array<(e: Expect) => void> = [
  (e) => e(1).toBe(2),
  (e) => e({ a: 1 }).toEqual({ a: 2 }),
  (e) => e([1]).toStrictEqual([2]),
  (e) => e(1).toBeCloseTo(2),
  (e) => e(0).toBeTruthy(),
  (e) => e(1).toBeFalsy(),
  (e) => e([1]).toContain(2),
  (e) => e([1]).toHaveLength(2),
  (e) => e(() => undefined).toThrow(),
  (e) => e(1).toBeGreaterThan(2),
  (e) => e(1).toBeGreaterThanOrEqual(2),
  (e) => e(2).toBeLessThan(1),
  (e) => e(2).toBeLessThanOrEqual(1),
  (e) => e("a").toMatch(/b/),
  (e) => e(1).toBeUndefined(),
  (e) => e(undefined).toBeDefined(),
  (e) => e(1).toBeNull(),
  (e) => e(1).toBeNaN(),
  (e) => e({}).toHaveProperty("x"),
  (e) => e({ a: 1 }).toMatchObject({ a: 2 }),
  (e) => e(1).toBeInstanceOf(Array),
  (e) => e(1).not.toBe(1),
  (e) => e({ a: 1 }).not.toEqual({ a: 1 }),
];

interface Captured {
  globals: Map<string, unknown>;
  expect: Expect;
  matchers: Map<string, unknown>;
}

export default class GraderEnvironment extends NodeEnvironment {
  private captured: Captured | null = null;
  private tampered: string | null = null;
  private fnFailed = new WeakSet<object>();

  constructor(...args: ConstructorParameters<typeof NodeEnvironment>) {
    super(...args);
    signed = signed ?? takeSender("env");
    // The suite submits structured answers through this hook; the parent judges them.
    Object.defineProperty(this.global, ANSWER_HOOK, {
      value: (exercise: unknown, question: unknown, value: unknown) => {
        let json: string | undefined;
        try {
          json = JSON.stringify(value);
        } catch {
          json = undefined;
        }
        if (json === undefined || json.length > MAX_ANSWER_JSON)
          json = JSON.stringify({ unusable: typeof value });
        send("answer", { exercise: Number(exercise), question: String(question), json });
      },
    });
  }

  async handleTestEvent(event: Circus.Event, state: Circus.State): Promise<void> {
    switch (event.name) {
      case "setup":
        this.capture(event.runtimeGlobals as unknown as Record<string, unknown>);
        send("setup");
        break;
      case "run_start":
        // Suites may add their own matchers at load time; learner code is loaded later, lazily.
        if (this.captured) this.captured.matchers = this.matcherTable();
        this.check("after the test file was loaded");
        send("run_start", { tests: listTests(state.rootDescribeBlock) });
        break;
      case "test_start":
        send("test_start", { name: fullName(event.test) });
        break;
      case "test_fn_failure":
        this.fnFailed.add(event.test);
        break;
      case "test_done": {
        const t = event.test;
        const errors = t.errors.map(formatError);
        const integrity: string[] = [];
        this.check(`during "${fullName(t)}"`);
        if (this.tampered) integrity.push(this.tampered);
        if (errors.length === 0 && this.fnFailed.has(t))
          integrity.push("the test failed but its errors were removed");
        send("test_done", {
          name: fullName(t),
          errors,
          duration: t.duration ?? 0,
          assertions: t.numPassingAsserts,
          integrity,
        });
        break;
      }
      case "test_skip":
      case "test_todo":
        send("test_skip", { name: fullName(event.test) });
        break;
      case "run_finish":
        send("run_finish", { unhandled: state.unhandledErrors.map((e) => cap(String(e?.message ?? e))) });
        break;
      default:
        break;
    }
  }

  private capture(runtimeGlobals: Record<string, unknown>): void {
    const globals = new Map<string, unknown>();
    for (const name of GUARDED_GLOBALS)
      globals.set(name, runtimeGlobals[name] ?? this.global[name as keyof typeof this.global]);
    this.captured = { globals, expect: runtimeGlobals.expect as Expect, matchers: this.matcherTable() };
  }

  private matcherTable(): Map<string, unknown> {
    const registry = (this.global as any)[MATCHERS]?.matchers ?? {};
    return new Map(Object.keys(registry).map((k) => [k, registry[k]]));
  }

  /** Records the first sign that the framework was changed; once broken, it stays broken. */
  private check(when: string): void {
    if (this.tampered || !this.captured) return;
    const c = this.captured;
    for (const [name, value] of c.globals) {
      const d = Object.getOwnPropertyDescriptor(this.global, name);
      if (!d || !("value" in d) || d.value !== value) {
        this.tampered = `the global \`${name}\` was replaced ${when}`;
        return;
      }
    }
    const now = this.matcherTable();
    for (const [name, fn] of c.matchers) {
      if (now.get(name) !== fn) {
        this.tampered = `the matcher \`${name}\` was replaced ${when}`;
        return;
      }
    }
    const saved = c.expect.getState();
    try {
      for (const probe of KNOWN_FALSE) {
        let threw = false;
        try {
          probe(c.expect);
        } catch {
          threw = true;
        }
        if (!threw) {
          this.tampered = `a known-false assertion passed ${when} (${probe.toString().replace(/\s+/g, " ").slice(6)})`;
          return;
        }
      }
    } finally {
      c.expect.setState({
        assertionCalls: saved.assertionCalls,
        numPassingAsserts: saved.numPassingAsserts,
        suppressedErrors: saved.suppressedErrors,
      });
    }
  }
}

export function fullName(test: Circus.TestEntry): string {
  const parts: string[] = [test.name];
  for (let b: Circus.DescribeBlock | undefined = test.parent; b && b.parent; b = b.parent)
    parts.unshift(b.name);
  return parts.join(" ");
}

function listTests(block: Circus.DescribeBlock): string[] {
  const out: string[] = [];
  for (const child of block.children) {
    if (child.type === "test") out.push(fullName(child));
    else out.push(...listTests(child));
  }
  return out;
}

function formatError(err: Circus.TestError): string {
  const e = Array.isArray(err) ? (err[0] ?? err[1]) : err;
  if (e && typeof e === "object" && "message" in e) {
    const error = e as Error;
    const where = locateInSubmission(error.stack ?? "");
    return cap(
      stripAnsi(
        `${error.name && error.name !== "Error" && !/^expect/.test(error.message) ? error.name + ": " : ""}${error.message}${where}`,
      ),
    );
  }
  return cap(`thrown: ${String(e)}`);
}

/** The first stack frame in the learner's files, so messages can point at the line. */
function locateInSubmission(stack: string): string {
  const line = stack.split("\n").find((l) => l.includes("/submission/"));
  const m = line && /\/submission\/([^:)]+):(\d+):(\d+)/.exec(line);
  return m ? `\n    at ${m[1]}:${m[2]}:${m[3]}` : "";
}

function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, "");
}

function cap(s: string): string {
  return s.length > MAX_MESSAGE ? s.slice(0, MAX_MESSAGE) + "\n… (message shortened)" : s;
}

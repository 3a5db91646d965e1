/**
 * Helpers for exercise suites (`<suites>/exNN.test.ts`, imported as `../harness`). Suites run in
 * the trusted grader; the learner's code runs in a separate sandboxed process.
 *
 * - `submission(name)` gives the learner's module: calling one of its functions sends the
 *   arguments to the learner's process and returns what it returned, as data decoded into this
 *   process's pristine engine (an NDArray, a graph rebuilt from its MetaGraphDef, …). Nothing the
 *   learner's code does can reach this process, Jest, or the verdict.
 * - `learner()` reaches the learner's process itself: its default graph, its scratch folder, and
 *   Node processes started from the learner's own scripts (exercise 12).
 * - `submitAnswer()` judges a structured answer against the manifest's hashed key, here.
 * - `rng()` gives seeded inputs, so expected values are computed, not written in the suite.
 */
import * as fs from "fs";
import * as tf from "tensorlings";
import * as path from "path";
import { checkAgainstKey } from "../answers";
import { testIdFromName } from "../testIds";
import { Bridge } from "./bridge";
/** For suites: a message for the common type slips (an NDArray where a number is asked for…). */
export { describeTypeSlip } from "../typeSlips";
import { RUN_ENV, type RunDescriptor } from "./descriptor";


let descriptor: RunDescriptor | null = null;
function run(): RunDescriptor {
  if (descriptor) return descriptor;
  const file = process.env[RUN_ENV];
  if (!file) throw new Error("suites run through the grader: use `npm run grade`");
  descriptor = JSON.parse(fs.readFileSync(file, "utf8")) as RunDescriptor;
  return descriptor;
}

function suiteEntry() {
  const suite = path.basename(expect.getState().testPath ?? "");
  const entry = run().suites[suite];
  if (!entry) throw new Error(`the grader has no learner process for suite ${suite}`);
  return entry;
}

let bridge: Bridge | null = null;
const modules = new Map<string, unknown>();

function connect(): Bridge {
  if (bridge) return bridge;
  const entry = suiteEntry();
  bridge = new Bridge(entry.launch, run().startupMs);
  // Starting the learner's process has its own limit (startupMs): the check's time starts now.
  testStart = Date.now();
  armDeadline();
  return bridge;
}

let testStart = Date.now();
function armDeadline(): void {
  if (!bridge) return;
  const entry = suiteEntry();
  const name = expect.getState().currentTestName ?? "";
  const id = testIdFromName(name.replace(/^.*?(\[[^\]]+\])/, "$1")) ?? "";
  bridge.deadline = testStart + (entry.limits[id] ?? entry.defaultMs);
  bridge.current = name || "this check";
}

beforeEach(() => {
  testStart = Date.now();
  armDeadline();
});
afterAll(() => bridge?.close());

/** The learner's module (file name without `.ts`, or an exercise folder), loaded in its process. */
export function submission<T = Record<string, unknown>>(file: string): T {
  if (!/^[A-Za-z0-9_-]+$/.test(file)) throw new Error(`bad submission module name "${file}"`);
  if (!modules.has(file)) modules.set(file, connect().request("load", { module: file }));
  return modules.get(file) as T;
}

export interface LearnerProcess {
  /** The folder the learner's code may write in (the same path on both sides). */
  scratch: string;
  /**
   * The learner's code runs with the suite's current default graph as its default graph (a copy
   * of it in the learner's process, whose new ops come back into it), so these are the suite's:
   * `tf.resetDefaultGraph()`, and how many ops the default graph holds after the learner's calls.
   */
  resetDefaultGraph(): void;
  defaultGraphOps(): number;
  /** Starts `node <script> ...args` (a path inside the submission) in the learner's sandbox; returns its pid there. */
  spawn(script: string, args: string[], cwd?: string): number;
  poll(pid: number): { done: boolean; code?: number | null; signal?: string | null; stdout: string; stderr: string };
  kill(pid: number): void;
  /** Console output of the learner's process so far (display only). */
  output(): string;
  /**
   * Calls `fn` while the learner's process records its calls of the named engine methods
   * ("Tensor.eval", "Session.run", "Operation.run", "Variable.load"). The learner's process
   * reports them, so checks built on them must be `advisory` in the manifest.
   */
  recordCalls<T>(methods: string[], fn: () => T): { result: T; calls: { method: string; self: unknown; args: unknown[] }[] };
}

export function learner(): LearnerProcess {
  const b = connect();
  return {
    scratch: suiteEntry().scratch,
    resetDefaultGraph: () => tf.resetDefaultGraph(),
    defaultGraphOps: () => tf.getDefaultGraph().getOperations().length,
    spawn: (script, args, cwd) => Number(b.request("spawn", { script, args, cwd })),
    poll: (pid) => b.request("poll", { pid }) as ReturnType<LearnerProcess["poll"]>,
    kill: (pid) => void b.request("kill", { pid }),
    output: () => b.output,
    recordCalls: (methods, fn) => {
      const stop = () => b.request("stopRecord") as { method: string; self: unknown; args: unknown[] }[];
      b.request("record", { methods });
      try {
        const result = fn();
        return { result, calls: stop() };
      } catch (e) {
        stop();
        throw e;
      }
    },
  };
}

/**
 * Judges the learner's answer to question `question` of exercise `exercise` against the
 * manifest's hashed key; the test fails with the key's targeted feedback when there is one.
 */
export function submitAnswer(exercise: number, question: string, value: unknown): void {
  const key = Object.values(run().suites).find((s) => s.exercise === exercise)?.answers[question];
  if (!key) throw new Error(`exercise ${exercise} has no answer key "${question}"`);
  const verdict = checkAgainstKey(key, exercise, question, value);
  const message = verdict.invalid
    ? `your answer could not be read: ${verdict.invalid}`
    : (verdict.feedback ?? "your answer is not the expected one");
  expect({ correct: verdict.correct, message }).toEqual({ correct: true, message });
  if (!verdict.correct) throw new Error(message);
}

/** The run's seed (recorded in the result), so a regrade sees the same inputs. */
export function seed(): number {
  const s = Number(process.env.TENSORLINGS_SEED);
  return Number.isInteger(s) ? s : 1;
}

/** A small seeded PRNG (mulberry32) returning floats in [0, 1); `salt` separates streams. */
export function rng(salt = 0): () => number {
  let a = (seed() ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded integer in [lo, hi]. */
export function randomInt(next: () => number, lo: number, hi: number): number {
  return lo + Math.floor(next() * (hi - lo + 1));
}

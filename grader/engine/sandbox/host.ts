/**
 * The learner's side of the boundary: runs inside the sandbox, loads the learner's modules and
 * answers the grader's requests on fd 3, one JSON line each way. Nothing here is trusted: the
 * learner's code shares this process and may change any of it. All it can do is send data back,
 * and the grader treats every answer as data to check.
 *
 * Requests: load a module (its exports come back, functions as handles), call a handle, reset
 * or count the default graph, and run, wait for or kill a Node process of the learner's own.
 */
import { spawn, type ChildProcess } from "child_process";
import * as net from "net";
import * as path from "path";
import * as tf from "tensorlings";
import { errorType, LIMITS, Peer, safeMessage } from "./codec";

interface Request {
  id: number;
  op: string;
  [k: string]: unknown;
}

const root = process.env.TENSORLINGS_SUBMISSION ?? process.cwd();
const channel = new net.Socket({ fd: 3, readable: true, writable: true });
const peer = new Peer("s", () => {
  throw new Error("a function from the grader cannot be called inside the sandbox");
});

/** Calls of watched engine methods, reported as advisory data (this process is the learner's). */
let recording: { method: string; self: unknown; args: unknown[] }[] | null = null;
const restore: (() => void)[] = [];
const WATCHABLE: Record<string, () => object> = {
  "Tensor.eval": () => tf.Tensor.prototype,
  "Session.run": () => tf.SessionImpl.prototype,
  "Operation.run": () => tf.Operation.prototype,
  "Variable.load": () =>
    (require(path.join(process.env.TENSORLINGS_KIT_ROOT ?? "", "src", "ops", "state", "variable")) as {
      Variable: { prototype: object };
    }).Variable.prototype,
};

function instrument(method: string): void {
  const owner = Object.hasOwn(WATCHABLE, method) ? WATCHABLE[method]() : null;
  if (!owner) throw new Error(`cannot watch ${method}`);
  const key = method.split(".")[1];
  const target = owner as Record<string, (...args: unknown[]) => unknown>;
  const original = target[key];
  target[key] = function (this: unknown, ...args: unknown[]) {
    recording?.push({ method, self: this, args });
    return original.apply(this, args);
  };
  restore.push(() => (target[key] = original));
}

/**
 * Learner code runs with the suite's current default graph as its default graph, so that ops it
 * builds "in the default graph" land in the graph the suite gave it; the graph goes back with
 * the answer when it grew.
 */
let defaultGraph: tf.Graph | null = null;
function underGraph(r: Request, fn: () => unknown): unknown {
  defaultGraph = r.graph ? (peer.decode(r.graph) as tf.Graph) : null;
  return defaultGraph ? defaultGraph.asDefault(fn) : fn();
}

const processes = new Map<number, { child: ChildProcess; out: string; err: string; done: unknown }>();

function capped(s: string): string {
  return s.length > 20_000 ? s.slice(-20_000) : s;
}

const ops: Record<string, (r: Request) => unknown> = {
  load: (r) => {
    const name = String(r.module);
    if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`bad module name ${name}`);
    return underGraph(r, () => require(path.join(root, name)));
  },
  call: (r) => underGraph(r, () => peer.handle(String(r.handle))(...(peer.decode(r.args) as unknown[]))),
  spawn: (r) => {
    const script = path.resolve(root, String(r.script));
    const child = spawn(process.execPath, [script, ...(r.args as string[]).map(String)], {
      cwd: path.resolve(root, String(r.cwd ?? ".")),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const entry = { child, out: "", err: "", done: null as unknown };
    child.stdout!.on("data", (c: Buffer) => (entry.out = capped(entry.out + c.toString("utf8"))));
    child.stderr!.on("data", (c: Buffer) => (entry.err = capped(entry.err + c.toString("utf8"))));
    child.on("error", (e) => (entry.done = { code: null, signal: null, error: e.message }));
    child.on("close", (code, signal) => (entry.done = { code, signal }));
    processes.set(child.pid ?? -1, entry);
    return child.pid ?? -1;
  },
  poll: (r) => {
    const entry = processes.get(Number(r.pid));
    if (!entry) throw new Error(`no process ${String(r.pid)}`);
    return { done: entry.done !== null, ...(entry.done as object), stdout: entry.out, stderr: entry.err };
  },
  record: (r) => {
    recording = [];
    for (const name of r.methods as string[]) instrument(String(name));
    return null;
  },
  stopRecord: () => {
    for (const undo of restore.splice(0)) undo();
    const calls = recording ?? [];
    recording = null;
    return calls;
  },
  kill: (r) => {
    processes.get(Number(r.pid))?.child.kill("SIGKILL");
    return null;
  },
};

async function answer(r: Request): Promise<string> {
  try {
    const op = Object.hasOwn(ops, r.op) ? ops[r.op] : null;
    if (!op) throw new Error(`unknown request ${r.op}`);
    const value = await op(r);
    const line = JSON.stringify({
      id: r.id,
      ok: true,
      value: peer.encode(value),
      sessions: peer.encode(peer.takeTouched()),
      graph: defaultGraph ? peer.encode(defaultGraph) : null,
    });
    defaultGraph = null;
    if (line.length > LIMITS.bytes) throw new Error(`the value returned is larger than ${LIMITS.bytes} bytes`);
    return line;
  } catch (e) {
    return JSON.stringify({ id: r.id, ok: false, error: { type: errorType(e), message: safeMessage(e), where: whereIn(e) } });
  }
}

/** Where in the learner's files an error was thrown (`ex01.ts:3:9`), for the learner to look. */
function whereIn(e: unknown): string | null {
  try {
    const stack = e instanceof Error && typeof e.stack === "string" ? e.stack : "";
    const prefix = `${root}${path.sep}`;
    for (const line of stack.split("\n").slice(1)) {
      const at = line.indexOf(prefix);
      if (at < 0) continue;
      const m = /^([^\s():]+):(\d+):(\d+)/.exec(line.slice(at + prefix.length));
      if (m) return `${m[1]}:${m[2]}:${m[3]}`;
    }
  } catch {
    // No stack to read.
  }
  return null;
}

let pending = "";
let queue = Promise.resolve();
channel.on("data", (chunk: Buffer) => {
  pending += chunk.toString("utf8");
  let nl: number;
  while ((nl = pending.indexOf("\n")) >= 0) {
    const line = pending.slice(0, nl);
    pending = pending.slice(nl + 1);
    const r = JSON.parse(line) as Request;
    // One request at a time, in order: the grader waits for each answer.
    queue = queue.then(async () => {
      channel.write(`${await answer(r)}\n`);
    });
  }
});
channel.on("end", () => process.exit(0));
channel.write(`${JSON.stringify({ id: 0, ok: true, value: "ready" })}\n`);

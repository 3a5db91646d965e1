/**
 * The trusted side of the boundary: suites call the learner's functions through this bridge as
 * if they were local, but the code runs in a separate (sandboxed) process and only data comes
 * back, decoded into this process's own pristine engine objects. A call that runs past its time
 * kills the learner's process; every later call of the same suite then fails at once, so an
 * infinite loop costs one time-out, not one per check.
 */
import * as path from "path";
import * as tf from "tensorlings";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "worker_threads";
import { LIMITS, Peer, RemoteError } from "../engine/sandbox/codec";
import type { LaunchSpec } from "../engine/sandbox/launch";
import { NOT_RUN_MARK, TIMEOUT_MARK } from "./descriptor";


/** A failure of the learner's process or of the channel, as opposed to an error thrown by learner code. */
export class BridgeError extends Error {
  override name = "BridgeError";
}

interface Answer {
  line?: string;
  output?: string;
  pid?: number;
  dead?: boolean;
  reason?: string;
}

export class Bridge {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private seen = 0;
  private nextId = 1;
  private pid = 0;
  private dead: string | null = null;
  /** Console output of the learner's process, for display only. */
  output = "";
  readonly peer: Peer;

  constructor(spec: LaunchSpec, startupMs: number) {
    const { port1, port2 } = new MessageChannel();
    this.port = port2;
    this.worker = new Worker(path.join(__dirname, "bridgeWorker.js"), {
      workerData: { spec, flag: this.flag.buffer, port: port1, maxLine: LIMITS.bytes, outputBytes: 16 * 1024 },
      transferList: [port1],
    });
    this.worker.unref();
    this.peer = new Peer("t", (handle, args) => this.request("call", { handle, args: this.peer.encode(args) }));
    const first = this.next(startupMs, "starting the learner's code");
    if (first.pid) this.pid = first.pid;
    const ready = first.pid ? this.next(startupMs, "starting the learner's code") : first;
    if (!ready.line) throw new BridgeError(`${NOT_RUN_MARK} ${ready.reason ?? "the learner's process did not start"}`);
  }

  /** When the current check's time is up (ms since epoch), set by the harness before each test. */
  deadline = Date.now() + 10_000;
  /** What a time-out is blamed on, for its message. */
  current = "this check";

  request(op: string, payload: Record<string, unknown> = {}): unknown {
    if (this.dead) throw new BridgeError(`${NOT_RUN_MARK} ${this.dead}`);
    const id = this.nextId++;
    // Learner code runs with this process's current default graph as its own (see host.ts).
    if (op === "call" || op === "load") payload = { ...payload, graph: this.peer.encode(tf.getDefaultGraph()) };
    this.worker.postMessage({ line: JSON.stringify({ id, op, ...payload }) });
    for (;;) {
      const a = this.next(this.deadline - Date.now(), `\`${this.current}\``);
      if (!a.line) continue;
      let reply: { id?: unknown; ok?: unknown; value?: unknown; sessions?: unknown; graph?: unknown; error?: { type?: unknown; message?: unknown; where?: unknown } };
      try {
        reply = JSON.parse(a.line);
      } catch {
        this.kill("the learner's process wrote something that is not an answer on the grader's channel");
        throw new BridgeError(`${NOT_RUN_MARK} ${this.dead}`);
      }
      if (reply.id !== id) continue; // a stray or repeated line: only the answer to this request counts
      if (reply.ok === true) {
        const value = this.peer.decode(reply.value);
        // Sessions this call received, with their variables as the learner's code left them,
        // and the default graph with the ops the learner's code added to it.
        if (reply.sessions) this.peer.decode(reply.sessions);
        if (reply.graph) this.peer.decode(reply.graph);
        this.peer.takeTouched();
        return value;
      }
      const err = reply.error ?? {};
      const where = typeof err.where === "string" ? `\n    at ${err.where.slice(0, 200)}` : "";
      throw new RemoteError(String(err.type ?? "Error"), `${String(err.message ?? "")}${where}`);
    }
  }

  /** Waits for the worker's next message; a time-out kills the learner's process. */
  private next(timeoutMs: number, what: string): Answer {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = receiveMessageOnPort(this.port);
      if (got) {
        const a = got.message as Answer;
        if (a.output) this.output = (this.output + a.output).slice(-16 * 1024);
        if (a.dead) {
          this.dead = `${a.reason}; the remaining checks of this exercise were not run`;
          throw new BridgeError(`${NOT_RUN_MARK} ${a.reason}`);
        }
        return a;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        this.kill(`${what} ran out of time earlier`);
        throw new BridgeError(`${TIMEOUT_MARK} ${what} did not finish within ${Math.round(timeoutMs)} ms`);
      }
      if (Atomics.load(this.flag, 0) === this.seen) Atomics.wait(this.flag, 0, this.seen, Math.min(left, 1000));
      this.seen = Atomics.load(this.flag, 0);
    }
  }

  kill(reason = "the grader stopped the learner's process"): void {
    this.dead ??= `${reason}; the remaining checks of this exercise were not run`;
    if (this.pid) {
      try {
        process.kill(-this.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    this.worker.postMessage({ kill: true });
  }

  close(): void {
    this.kill("closed");
    void this.worker.terminate();
  }
}

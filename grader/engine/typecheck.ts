/**
 * Type errors first: a TypeScript check of the learner's exercise files before any suite runs.
 * The checker lives in a worker thread; a check that runs past its limit is stopped and reported
 * as an incident (never as the learner's type error), and the next check starts a fresh worker.
 */
import * as path from "path";
import { Worker } from "worker_threads";
import type { KitPaths } from "./kit";
import type { Diagnostic } from "./types";

export interface TypeCheckResult {
  diagnostics: Diagnostic[];
  /** Set when the check itself could not finish (time limit, checker crash). */
  problem?: string;
}

interface Pending {
  id: number;
  files: { rel: string; text: string }[];
  resolve: (r: TypeCheckResult) => void;
}

export class TypeChecker {
  private worker: Worker | null = null;
  private queue: Pending[] = [];
  private busy = false;
  private nextId = 1;

  constructor(
    private readonly kit: KitPaths,
    private readonly timeoutMs = 60_000,
  ) {}

  /** Diagnostics for the `.ts` files among `files` (paths relative to the submission root). */
  check(files: Map<string, Buffer>): Promise<TypeCheckResult> {
    const list = [...files]
      .filter(([rel]) => rel.endsWith(".ts"))
      .map(([rel, data]) => ({ rel, text: data.toString("utf8") }));
    if (list.length === 0) return Promise.resolve({ diagnostics: [] });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, files: list, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    const w = new Worker(path.join(__dirname, "typecheck-worker.js"), {
      workerData: {
        kitRoot: this.kit.root,
        typescriptPath: require.resolve("typescript", { paths: [this.kit.root] }),
      },
    });
    w.unref();
    return w;
  }

  private pump(): void {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) return;
    this.busy = true;
    const worker = (this.worker ??= this.start());
    let done = false;
    const finish = (r: TypeCheckResult, restart: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      if (restart) {
        void worker.terminate();
        if (this.worker === worker) this.worker = null;
      }
      this.busy = false;
      job.resolve(r);
      this.pump();
    };
    const onMessage = (m: { id: number; diagnostics?: Diagnostic[]; error?: string }) => {
      if (m.id !== job.id) return;
      if (m.error)
        finish({ diagnostics: [], problem: `the type checker failed: ${m.error.split("\n")[0]}` }, true);
      else finish({ diagnostics: m.diagnostics ?? [] }, false);
    };
    const onError = (e: Error) =>
      finish({ diagnostics: [], problem: `the type checker crashed: ${e.message}` }, true);
    const timer = setTimeout(
      () =>
        finish(
          {
            diagnostics: [],
            problem: `type checking took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped`,
          },
          true,
        ),
      this.timeoutMs,
    );
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.postMessage({ id: job.id, files: job.files });
  }
}

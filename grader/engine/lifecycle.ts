/**
 * What the grading process leaves behind when it is stopped from outside (Ctrl-C, a CI timeout).
 * Every process group the grader starts is tracked here; on SIGINT, SIGTERM or SIGHUP each one is
 * killed outright, the registered cleanups run (removing work folders), and the process exits
 * with 128 + the signal number, as a shell reports a death by that signal. The same kill and
 * cleanup also run on any other exit, so an uncaught error leaves nothing running either.
 */
import { constants } from "os";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

const children = new Set<number>();
const cleanups = new Set<() => void>();
let installed = false;
let shuttingDown = false;

/** Records a child started in its own process group (`detached: true`), so it dies with us. */
export function trackChild(pid: number | undefined): void {
  if (!pid || pid <= 0) return;
  children.add(pid);
  installShutdownHandlers();
}

/** The child has exited and its group was reaped; nothing to kill any more. */
export function untrackChild(pid: number | undefined): void {
  if (pid) children.delete(pid);
}

/** Runs `fn` (synchronously) when the process is stopped or exits; returns a function that cancels it. */
export function onShutdown(fn: () => void): () => void {
  cleanups.add(fn);
  installShutdownHandlers();
  return () => {
    cleanups.delete(fn);
  };
}

/** Process groups currently tracked (for tests and diagnostics). */
export function trackedChildren(): number[] {
  return [...children];
}

/** Kills every tracked process group and runs every cleanup, once; safe to call more than once. */
export function shutdown(): void {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const pid of children) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // The group is already gone.
    }
  }
  children.clear();
  for (const fn of [...cleanups]) {
    try {
      fn();
    } catch {
      // One failed cleanup must not keep the others from running.
    }
  }
  cleanups.clear();
  shuttingDown = false;
}

/** Installs the signal and exit handlers (done on first use; calling it again does nothing). */
export function installShutdownHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      shutdown();
      process.exit(128 + constants.signals[signal]);
    });
  }
  process.on("exit", shutdown);
}

/**
 * Process lifecycle of the grader: every process group it starts is tracked, and SIGINT/SIGTERM
 * kill them all and run the shutdown callbacks (removing work folders) before exiting 128+signal.
 */
const children = new Set<number>();
const callbacks = new Set<() => void>();
let installed = false;

export function trackChild(pid: number): void {
  children.add(pid);
  install();
}

export function untrackChild(pid: number): void {
  children.delete(pid);
}

/** Runs `fn` when the grader is stopped by a signal; returns a function that unregisters it. */
export function onShutdown(fn: () => void): () => void {
  callbacks.add(fn);
  install();
  return () => callbacks.delete(fn);
}

export function killTracked(): void {
  for (const pid of children) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  children.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      killTracked();
      for (const fn of callbacks) {
        try {
          fn();
        } catch {
          // Keep cleaning up.
        }
      }
      process.exit(code);
    });
  }
}

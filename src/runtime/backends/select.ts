/**
 * Which backend runs the kernels.
 *
 * Names: `cpu` (the engine's own typed-array kernels), `tfjs-wasm`, `tfjs-cpu`, `tfjs-node-gpu`.
 * `TENSORLINGS_BACKEND` picks one; without it the choice is automatic: `tfjs-node-gpu` when the
 * user installed it, else the engine's `cpu`, which beats tfjs on the chapter's small graphs because
 * every tfjs op pays a copy in and out.
 *
 * Design (tfjs-wasm compiles its module asynchronously, but importing the kit must stay synchronous):
 * - `initBackendFromEnv()` runs at import. It always makes `cpu` active at once. A requested tfjs
 *   backend whose init is synchronous in tfjs (`tfjs-cpu`, `tfjs-node-gpu`) is then activated on
 *   the spot, so plain synchronous scripts run on it; `tfjs-wasm` is started in the background and
 *   takes over when ready, i.e. after the script's first `await`. `await backendReady()` waits for it.
 * - The switch only touches which kernels *new* execution plans get: a plan is compiled once, so
 *   sessions keep the kernels their plans were built with. A switch can never happen in the middle
 *   of a `sess.run`, since JavaScript runs it to completion.
 * - A failed init (e.g. tfjs-node-gpu without CUDA) leaves `cpu` active, prints one warning, and
 *   makes `backendReady()` reject for an explicit request (an automatic pick just stays on cpu).
 * - `setBackend(name)` is the explicit, awaited way; the latest request wins, so a slow wasm init
 *   started at import cannot override a later `setBackend("cpu")`.
 */
import { ValueError } from "../../base/errors";
import { Backend, cpuBackend, getActiveBackend, setActiveBackend } from "./backend";
import { TfjsBackend, createTfjsBackend } from "./tfjsBackend";
import {
  TfjsRuntime,
  isTfjsNodeGpuInstalled,
  loadTfjsCpuSync,
  loadTfjsNodeGpuSync,
  loadTfjsWasm,
} from "./tfjsLoader";

/** The backends the kit can run its kernels on. */
export const BACKEND_NAMES = ["cpu", "tfjs-wasm", "tfjs-cpu", "tfjs-node-gpu"] as const;
/** One of {@link BACKEND_NAMES}. */
export type BackendName = (typeof BACKEND_NAMES)[number];
/** The environment variable that picks the backend at import (`TENSORLINGS_BACKEND=tfjs-wasm`). */
export const BACKEND_ENV_VAR = "TENSORLINGS_BACKEND";

const created = new Map<BackendName, TfjsBackend>();
let generation = 0;
let ready: Promise<BackendName> = Promise.resolve("cpu");

function checkName(name: string, where: string): BackendName {
  if ((BACKEND_NAMES as readonly string[]).includes(name)) return name as BackendName;
  throw new ValueError(`${where}: unknown backend '${name}'; expected one of ${BACKEND_NAMES.join(", ")}`);
}

function wrap(name: BackendName, runtime: TfjsRuntime): TfjsBackend {
  let b = created.get(name);
  if (!b) created.set(name, (b = createTfjsBackend(name, runtime)));
  return b;
}

/** Loads a tfjs backend without activating it; synchronous where tfjs allows it. */
function loadSync(name: Exclude<BackendName, "cpu" | "tfjs-wasm">): TfjsBackend {
  return created.get(name) ?? wrap(name, name === "tfjs-cpu" ? loadTfjsCpuSync() : loadTfjsNodeGpuSync());
}

async function load(name: BackendName): Promise<Backend> {
  if (name === "cpu") return cpuBackend;
  if (name === "tfjs-wasm") return created.get(name) ?? wrap(name, await loadTfjsWasm());
  return loadSync(name);
}

/**
 * The name of the active backend: `cpu`, `tfjs-wasm`, `tfjs-cpu` or `tfjs-node-gpu`. TF 1.x has no such
 * switch (it picks devices per op); the names follow tfjs's `tf.getBackend()`.
 * @returns The backend name.
 * @example
 * ```ts
 * const name = tf.getBackend(); // "cpu" unless TENSORLINGS_BACKEND says otherwise
 * ```
 */
export function getBackend(): string {
  return getActiveBackend().name;
}

/**
 * Make `name` the active backend (loading and initializing tfjs as needed). Sessions compile the
 * kernels of a plan once, so the change applies to plans compiled afterwards. Follows tfjs's
 * `tf.setBackend`; TF 1.x has no equivalent.
 * @param name - One of {@link BACKEND_NAMES}.
 * @returns A promise that settles once the backend is active.
 * @throws {@link ValueError} when `name` is not a backend name; the promise rejects when the backend
 * fails to start (e.g. tfjs-node-gpu without CUDA).
 * @example
 * ```ts
 * async function useWasm(): Promise<void> {
 *   await tf.setBackend("tfjs-wasm");
 * }
 * ```
 */
export async function setBackend(name: string): Promise<void> {
  const wanted = checkName(name, "setBackend");
  const mine = ++generation;
  const done = load(wanted).then((backend) => {
    if (mine === generation) setActiveBackend(backend);
  });
  ready = done.then(() => getBackend() as BackendName);
  ready.catch(() => undefined); // the caller of setBackend sees the error
  await done;
}

/**
 * Resolves with the backend name once the one requested at import (or by the latest `setBackend`)
 * is active; rejects if an explicitly requested one failed to start. Follows tfjs's `tf.ready()`.
 * @returns A promise of the active backend's name.
 * @example
 * ```ts
 * async function main(): Promise<void> {
 *   const backend = await tf.backendReady();
 * }
 * ```
 */
export function backendReady(): Promise<string> {
  return ready;
}

/** The backend `TENSORLINGS_BACKEND` asks for, or the automatic pick. */
export function requestedBackend(env: NodeJS.ProcessEnv = process.env): {
  name: BackendName;
  explicit: boolean;
} {
  const raw = env[BACKEND_ENV_VAR]?.trim();
  if (raw) return { name: checkName(raw, BACKEND_ENV_VAR), explicit: true };
  return { name: isTfjsNodeGpuInstalled() ? "tfjs-node-gpu" : "cpu", explicit: false };
}

/**
 * Called once at import: see the design notes at the top of this file. Throws only for a
 * misspelt `TENSORLINGS_BACKEND`; any init failure falls back to `cpu` with a warning.
 */
export function initBackendFromEnv(env: NodeJS.ProcessEnv = process.env): void {
  const { name, explicit } = requestedBackend(env);
  const mine = ++generation;
  setActiveBackend(cpuBackend);
  const failed = (e: unknown): BackendName => {
    const why = e instanceof Error ? e.message : String(e);
    process.emitWarning(`tensorlings: backend '${name}' could not start (${why}); using cpu`);
    if (explicit) throw e;
    return "cpu";
  };
  if (name === "cpu") {
    ready = Promise.resolve("cpu");
  } else if (name === "tfjs-wasm") {
    ready = load(name).then((b) => {
      if (mine === generation) setActiveBackend(b);
      return getBackend() as BackendName;
    }, failed);
    ready.catch(() => undefined); // reported by the warning; awaiting backendReady() rethrows
  } else {
    try {
      setActiveBackend(loadSync(name));
      ready = Promise.resolve(name);
    } catch (e) {
      ready = Promise.resolve().then(() => failed(e));
      ready.catch(() => undefined);
    }
  }
}

import * as path from "path";
import type * as TfjsCore from "@tensorflow/tfjs-core";

/** The tfjs op namespace the adapter calls (tfjs-core, or tfjs-node-gpu's own copy of it). */
export type Tfjs = typeof TfjsCore;

/** A tfjs namespace plus the name of the tfjs backend inside it that our kernels must run on. */
export interface TfjsRuntime {
  tf: Tfjs;
  /** tfjs's own backend name: "wasm", "cpu" or "tensorflow". */
  tfBackend: string;
}

const NODE_GPU_PACKAGE = "@tensorflow/tfjs-node-gpu";

/**
 * Whether the user installed tfjs-node-gpu. It is an optional peer dependency, never installed by
 * the kit, so it is probed with `require.resolve` rather than imported.
 */
export function isTfjsNodeGpuInstalled(): boolean {
  try {
    require.resolve(NODE_GPU_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/** tfjs-core, loaded on first use so that `import "tensorlings"` does not pay for it. */
function loadCore(): Tfjs {
  const tf = require("@tensorflow/tfjs-core") as Tfjs;
  // Prod mode skips tfjs's debug checks and its "looks like you are running in Node.js" banner.
  tf.enableProdMode();
  return tf;
}

/**
 * tfjs-backend-cpu: its init is synchronous, so it can be activated without awaiting.
 * Throws if the package cannot be loaded.
 */
export function loadTfjsCpuSync(): TfjsRuntime {
  const tf = loadCore();
  require("@tensorflow/tfjs-backend-cpu");
  activate(tf, "cpu");
  return { tf, tfBackend: "cpu" };
}

/**
 * tfjs-node-gpu brings its own tfjs (core and ops); its "tensorflow" backend binds libtensorflow
 * synchronously. We use the namespace it exports, since it may hold a different tfjs-core copy.
 */
export function loadTfjsNodeGpuSync(): TfjsRuntime {
  if (!isTfjsNodeGpuInstalled()) {
    throw new Error(
      `${NODE_GPU_PACKAGE} is not installed; install it with \`npm i ${NODE_GPU_PACKAGE}\` on a machine with CUDA`,
    );
  }
  const tf = require(NODE_GPU_PACKAGE) as Tfjs;
  tf.enableProdMode();
  activate(tf, "tensorflow");
  return { tf, tfBackend: "tensorflow" };
}

let wasmInit: Promise<TfjsRuntime> | null = null;

/**
 * tfjs-backend-wasm (SIMD build). Its module is compiled asynchronously, hence the promise.
 * The .wasm files are read from the package's own dist folder, so no network is needed.
 */
export function loadTfjsWasm(): Promise<TfjsRuntime> {
  if (!wasmInit) {
    wasmInit = (async () => {
      const tf = loadCore();
      const wasm = require("@tensorflow/tfjs-backend-wasm") as typeof import("@tensorflow/tfjs-backend-wasm");
      const distDir = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
      wasm.setWasmPaths(distDir + path.sep);
      const ok = await tf.setBackend("wasm");
      if (!ok) throw new Error("tfjs-backend-wasm failed to initialize");
      return { tf, tfBackend: "wasm" };
    })();
    // A failed init may be retried by a later call.
    wasmInit.catch(() => (wasmInit = null));
  }
  return wasmInit;
}

/**
 * Make `name` tfjs's active backend. For a backend tfjs has already initialized, `tf.setBackend`
 * runs to completion synchronously (its returned promise is already settled), so kernels can call
 * this on the hot path when two tfjs backends take turns. tfjs sets its backend name before it
 * initializes, so success is checked on its registry of initialized backends.
 */
export function activate(tf: Tfjs, name: string): void {
  tf.setBackend(name).catch(() => undefined);
  if (tf.getBackend() !== name || tf.findBackend(name) == null) {
    throw new Error(`tfjs backend '${name}' is not initialized`);
  }
}

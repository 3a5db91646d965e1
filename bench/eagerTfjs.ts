/**
 * Eager tfjs for the comparison rows: @tensorflow/tfjs-core with its cpu and wasm backends, loaded
 * once and switched between samples (switching an initialised backend is cheap and untimed).
 */
import type * as TfjsCore from "@tensorflow/tfjs-core";

export type Tfjs = typeof TfjsCore;
export type EagerBackend = "cpu" | "wasm";

let loaded: Promise<Tfjs> | null = null;

/** tfjs-core with both backends registered and initialised (wasm compiles its module once). */
export function loadTfjs(): Promise<Tfjs> {
  loaded ??= (async () => {
    const tf = require("@tensorflow/tfjs-core") as Tfjs;
    require("@tensorflow/tfjs-backend-cpu");
    require("@tensorflow/tfjs-backend-wasm");
    tf.enableProdMode(); // no debug checks, no "looks like you are running in Node" banner
    for (const b of ["wasm", "cpu"]) {
      if (!(await tf.setBackend(b))) throw new Error(`tfjs backend ${b} failed to start`);
    }
    return tf;
  })();
  return loaded;
}

export async function useBackend(tf: Tfjs, name: EagerBackend): Promise<void> {
  if (tf.getBackend() !== name && !(await tf.setBackend(name)))
    throw new Error(`tfjs backend ${name} failed to start`);
}

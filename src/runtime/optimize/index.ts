/**
 * The plan rewrites, in the order they run. Each can be switched off (tests compare results
 * with and without it; `TENSORLINGS_OPTIMIZE=0` switches all off for debugging). Switches apply
 * to plans compiled afterwards.
 */
import { foldConstants } from "./constantFolding";
import { markElementwiseForms } from "./elementwiseForms";
import { forwardAliases } from "./forwardAliases";
import { fuseElementwise } from "./fuseElementwise";
import type { PlanGraph } from "./ir";
import { pruneUnread } from "./pruneUnread";
import { foldTransposeIntoMatMul } from "./transposeMatMul";

export interface Rewrites {
  constantFolding: boolean;
  transposeMatMul: boolean;
  forwardAliases: boolean;
  pruneUnread: boolean;
  elementwiseForms: boolean;
  fuseElementwise: boolean;
  /** Kernels write into buffers kept from the previous run where nothing else can see them. */
  reuseBuffers: boolean;
}

const allOn = (on: boolean): Rewrites => ({
  constantFolding: on,
  transposeMatMul: on,
  forwardAliases: on,
  pruneUnread: on,
  elementwiseForms: on,
  fuseElementwise: on,
  reuseBuffers: on,
});

let current: Rewrites = allOn(process.env.TENSORLINGS_OPTIMIZE !== "0");

export function getRewrites(): Readonly<Rewrites> {
  return current;
}

/** Changes some switches; returns the previous settings (to restore them). `true`/`false` sets all. */
export function setRewrites(change: Partial<Rewrites> | boolean): Rewrites {
  const previous = current;
  current = typeof change === "boolean" ? allOn(change) : { ...current, ...change };
  return previous;
}

export function optimizePlanGraph(graph: PlanGraph, rewrites: Readonly<Rewrites> = current): void {
  if (rewrites.constantFolding) foldConstants(graph);
  if (rewrites.transposeMatMul) foldTransposeIntoMatMul(graph);
  if (rewrites.forwardAliases) forwardAliases(graph);
  if (rewrites.pruneUnread) pruneUnread(graph);
  if (rewrites.elementwiseForms) markElementwiseForms(graph);
  if (rewrites.fuseElementwise) fuseElementwise(graph);
}

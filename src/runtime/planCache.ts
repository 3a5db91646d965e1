/**
 * A session's compiled plans by (fetches, feeds) signature, looked up without building a key:
 * a trie over the fetched elements, then a separator, then the fed tensors, each level a Map
 * keyed by object identity. A hit costs a few Map lookups and allocates nothing.
 *
 * One signature may hold several plans: versions specialised for the shapes of the fed arrays
 * (at most `MAX_SPECIALISED`, so feeding ever-changing shapes does not compile forever), then
 * the general one.
 */
import type { NDArray } from "../base/ndarray/ndarray";
import type { Plan } from "./plan";

const MAX_SPECIALISED = 8;

export class PlanEntry {
  /** Specialised plans first, the general plan (if any) last. */
  readonly plans: Plan[] = [];
  private specialised = 0;

  /** The plan for these feed arrays on this backend, if one was compiled. */
  find(backend: unknown, feedValues: readonly NDArray[]): Plan | null {
    const plans = this.plans;
    for (let p = 0; p < plans.length; p++) {
      const plan = plans[p];
      if (plan.backend === backend && (plan.feedShapes === null || shapesMatch(plan.feedShapes, feedValues)))
        return plan;
    }
    return null;
  }

  /** Whether a new specialised plan may still be added. */
  get canSpecialise(): boolean {
    return this.specialised < MAX_SPECIALISED;
  }

  add(plan: Plan): void {
    // Plans of another backend are stale (the backend changed since they were compiled).
    for (let p = this.plans.length - 1; p >= 0; p--)
      if (this.plans[p].backend !== plan.backend) this.plans.splice(p, 1);
    if (plan.feedShapes === null) this.plans.push(plan);
    else {
      this.specialised++;
      this.plans.splice(this.plans.length - (this.plans.at(-1)?.feedShapes === null ? 1 : 0), 0, plan);
    }
  }
}

function shapesMatch(shapes: readonly (readonly number[])[], values: readonly NDArray[]): boolean {
  for (let i = 0; i < shapes.length; i++) {
    const want = shapes[i];
    const have = values[i].shape;
    if (want.length !== have.length) return false;
    for (let d = 0; d < want.length; d++) if (want[d] !== have[d]) return false;
  }
  return true;
}

interface TrieNode {
  next: Map<unknown, TrieNode> | null;
  entry: PlanEntry | null;
}

const FEEDS_FOLLOW = Symbol("feeds");

export class PlanCache {
  private root: TrieNode = { next: null, entry: null };

  /** The plans of this signature (an empty entry the first time). */
  entry(fetches: readonly unknown[], feeds: readonly unknown[]): PlanEntry {
    let node = this.root;
    for (let i = 0; i < fetches.length; i++) node = child(node, fetches[i]);
    node = child(node, FEEDS_FOLLOW);
    for (let i = 0; i < feeds.length; i++) node = child(node, feeds[i]);
    return (node.entry ??= new PlanEntry());
  }

  clear(): void {
    this.root = { next: null, entry: null };
  }
}

function child(node: TrieNode, key: unknown): TrieNode {
  let next = node.next?.get(key);
  if (next === undefined) {
    next = { next: null, entry: null };
    (node.next ??= new Map()).set(key, next);
  }
  return next;
}

/**
 * A session's compiled plans by (fetches, feeds) signature, looked up without building a key:
 * a trie over the fetched elements, then a separator, then the fed tensors, each level a Map
 * keyed by object identity. A hit costs a few Map lookups and allocates nothing.
 */
import type { Plan } from "./plan";

interface TrieNode {
  next: Map<unknown, TrieNode> | null;
  plan: Plan | null;
}

const FEEDS_FOLLOW = Symbol("feeds");

export class PlanCache {
  private root: TrieNode = { next: null, plan: null };

  get(fetches: readonly unknown[], feeds: readonly unknown[]): Plan | null {
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < fetches.length && node; i++) node = node.next?.get(fetches[i]);
    node = node?.next?.get(FEEDS_FOLLOW);
    for (let i = 0; i < feeds.length && node; i++) node = node.next?.get(feeds[i]);
    return node?.plan ?? null;
  }

  set(fetches: readonly unknown[], feeds: readonly unknown[], plan: Plan): void {
    let node = this.root;
    const step = (key: unknown) => {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: null, plan: null }));
      node = child;
    };
    for (const f of fetches) step(f);
    step(FEEDS_FOLLOW);
    for (const f of feeds) step(f);
    node.plan = plan;
  }

  clear(): void {
    this.root = { next: null, plan: null };
  }
}

/**
 * The name-scope hierarchy of a graph, as TensorBoard's graph view builds it: every `/`-separated
 * prefix of a node name is a scope. A node whose name is also a scope (a variable `theta` next to
 * `theta/read`, `theta/Assign`) moves inside that scope as `(theta)`, the way TensorBoard shows it.
 *
 * Shared by the browser's graph view and the terminal tree; it needs names, ops and inputs only.
 */

export interface GraphNodeLike {
  name: string;
  op: string;
  /** `name`, `name:k` for output k, `^name` for a control input. */
  inputs: readonly string[];
}

export interface ScopeTreeNode {
  /** Unique id: the scope path for scopes, the node name for ops (`theta/(theta)` when renamed). */
  id: string;
  /** Last path segment; `(theta)` for an op that shares its name with a scope. */
  label: string;
  kind: "scope" | "op";
  parent: ScopeTreeNode | null;
  /** Sub-scopes first, then ops, each in name order. */
  children: ScopeTreeNode[];
  /** For ops: the node's real name and op type. */
  nodeName?: string;
  op?: string;
  /** Number of ops inside (1 for an op). */
  opCount: number;
}

export interface ScopeTree {
  root: ScopeTreeNode;
  byId: Map<string, ScopeTreeNode>;
  /** Node name -> its op entry in the tree. */
  byNodeName: Map<string, ScopeTreeNode>;
  edges: GraphEdge[];
}

export interface GraphEdge {
  from: string;
  to: string;
  control: boolean;
}

/** The node an input string refers to: `^a` -> `a`, `a:1` -> `a`. */
export function inputNodeName(input: string): string {
  const name = input.startsWith("^") ? input.slice(1) : input;
  const colon = name.lastIndexOf(":");
  return colon > 0 && /^\d+$/.test(name.slice(colon + 1)) ? name.slice(0, colon) : name;
}

export function buildScopeTree(nodes: readonly GraphNodeLike[]): ScopeTree {
  const root: ScopeTreeNode = { id: "", label: "", kind: "scope", parent: null, children: [], opCount: 0 };
  const byId = new Map<string, ScopeTreeNode>([["", root]]);
  const byNodeName = new Map<string, ScopeTreeNode>();
  const scopePaths = new Set<string>();
  for (const n of nodes) {
    const parts = n.name.split("/");
    for (let i = 1; i < parts.length; i++) scopePaths.add(parts.slice(0, i).join("/"));
  }

  const scope = (path: string): ScopeTreeNode => {
    const found = byId.get(path);
    if (found) return found;
    const cut = path.lastIndexOf("/");
    const parent = scope(cut < 0 ? "" : path.slice(0, cut));
    const created: ScopeTreeNode = { id: path, label: path.slice(cut + 1), kind: "scope", parent, children: [], opCount: 0 };
    parent.children.push(created);
    byId.set(path, created);
    return created;
  };

  for (const n of nodes) {
    const cut = n.name.lastIndexOf("/");
    const base = n.name.slice(cut + 1);
    const clash = scopePaths.has(n.name);
    const parent = clash ? scope(n.name) : scope(cut < 0 ? "" : n.name.slice(0, cut));
    const id = clash ? `${n.name}/(${base})` : n.name;
    const leaf: ScopeTreeNode = {
      id,
      label: clash ? `(${base})` : base,
      kind: "op",
      parent,
      children: [],
      nodeName: n.name,
      op: n.op,
      opCount: 1,
    };
    parent.children.push(leaf);
    byId.set(id, leaf);
    byNodeName.set(n.name, leaf);
    for (let p: ScopeTreeNode | null = parent; p; p = p.parent) p.opCount++;
  }
  sortChildren(root);

  const edges: GraphEdge[] = [];
  for (const n of nodes) {
    for (const input of n.inputs) {
      const from = inputNodeName(input);
      // Inputs naming nodes that are not in the GraphDef (a truncated graph) are left out.
      if (byNodeName.has(from)) edges.push({ from, to: n.name, control: input.startsWith("^") });
    }
  }
  return { root, byId, byNodeName, edges };
}

function sortChildren(node: ScopeTreeNode): void {
  node.children.sort((a, b) => (a.kind !== b.kind ? (a.kind === "scope" ? -1 : 1) : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  for (const c of node.children) sortChildren(c);
}

/** How many ops of each type a subtree holds, most frequent first. */
export function opTypeCounts(node: ScopeTreeNode): [string, number][] {
  const counts = new Map<string, number>();
  const visit = (n: ScopeTreeNode) => {
    if (n.kind === "op") counts.set(n.op ?? "?", (counts.get(n.op ?? "?") ?? 0) + 1);
    n.children.forEach(visit);
  };
  visit(node);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export interface VisibleGraph {
  /** What is drawn as a box: ops and collapsed scopes, each with the expanded scope holding it. */
  units: { node: ScopeTreeNode; cluster: string | null }[];
  /** Expanded scopes, drawn as frames around their contents (parents before children). */
  clusters: { node: ScopeTreeNode; cluster: string | null }[];
  /** Edges between drawn boxes; edges inside a collapsed scope disappear, parallel ones merge. */
  edges: { from: string; to: string; count: number; control: boolean }[];
}

/** The graph as drawn when the scopes in `expanded` are open and all others closed. */
export function visibleGraph(tree: ScopeTree, expanded: ReadonlySet<string>): VisibleGraph {
  const units: VisibleGraph["units"] = [];
  const clusters: VisibleGraph["clusters"] = [];
  const walk = (node: ScopeTreeNode, cluster: string | null) => {
    for (const child of node.children) {
      if (child.kind === "scope" && expanded.has(child.id)) {
        clusters.push({ node: child, cluster });
        walk(child, child.id);
      } else {
        units.push({ node: child, cluster });
      }
    }
  };
  walk(tree.root, null);

  const merged = new Map<string, { from: string; to: string; count: number; control: boolean }>();
  for (const e of tree.edges) {
    const from = visibleOwner(tree, e.from, expanded);
    const to = visibleOwner(tree, e.to, expanded);
    if (from === to) continue;
    const key = `${from}\u0000${to}`;
    const m = merged.get(key);
    if (m) {
      m.count++;
      m.control &&= e.control;
    } else merged.set(key, { from, to, count: 1, control: e.control });
  }
  return { units, clusters, edges: [...merged.values()] };
}

/** Id of the box that shows node `nodeName`: its outermost closed scope, else the op itself. */
export function visibleOwner(tree: ScopeTree, nodeName: string, expanded: ReadonlySet<string>): string {
  const leaf = tree.byNodeName.get(nodeName);
  if (!leaf) throw new Error(`visibleOwner: no node named '${nodeName}' in the graph`);
  let owner = leaf;
  for (let p = leaf.parent; p && p.parent; p = p.parent) if (!expanded.has(p.id)) owner = p;
  return owner.id;
}

/** The scopes to open so that `id` (an op or a scope) is drawn. */
export function ancestorsOf(tree: ScopeTree, id: string): string[] {
  const out: string[] = [];
  for (let p = tree.byId.get(id)?.parent; p && p.parent; p = p.parent) out.unshift(p.id);
  return out;
}

/**
 * Positions the visible part of a graph with dagre: ops and closed scopes are boxes, open scopes
 * are dagre clusters around their contents. Data flows upwards, as in TensorBoard.
 */
import dagre from "@dagrejs/dagre";
import type { ScopeTreeNode, VisibleGraph } from "../shared/scopeTree";

export interface Box {
  x: number; // centre
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  units: Map<string, Box & { node: ScopeTreeNode }>;
  clusters: Map<string, Box & { node: ScopeTreeNode }>;
  edges: { from: string; to: string; count: number; control: boolean; points: { x: number; y: number }[] }[];
  width: number;
  height: number;
}

/** Room above an open scope's contents for its title. */
export const CLUSTER_TITLE = 20;
const CHAR_WIDTH = 6.6;

export function unitSize(node: ScopeTreeNode): { width: number; height: number } {
  if (node.kind === "scope") {
    const text = Math.max(node.label.length, `${node.opCount} ops`.length + 2);
    return { width: Math.max(84, text * CHAR_WIDTH + 36), height: 40 };
  }
  return { width: Math.max(44, node.label.length * CHAR_WIDTH + 22), height: 24 };
}

export function layoutGraph(vis: VisibleGraph): Layout {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: false });
  g.setGraph({ rankdir: "BT", nodesep: 18, ranksep: 34, edgesep: 8, marginx: 24, marginy: 24 + CLUSTER_TITLE });
  g.setDefaultEdgeLabel(() => ({}));
  for (const { node, cluster } of vis.clusters) {
    g.setNode(node.id, { label: node.label });
    if (cluster) g.setParent(node.id, cluster);
  }
  for (const { node, cluster } of vis.units) {
    g.setNode(node.id, { ...unitSize(node) });
    if (cluster) g.setParent(node.id, cluster);
  }
  for (const e of vis.edges) {
    // Control edges pull less on the layout than data edges.
    g.setEdge(e.from, e.to, { weight: e.control ? 1 : 2 + Math.log2(e.count) });
  }
  dagre.layout(g);

  const box = (id: string): Box => {
    const n = g.node(id);
    return { x: n.x, y: n.y, width: n.width, height: n.height };
  };
  const units = new Map(vis.units.map(({ node }) => [node.id, { ...box(node.id), node }]));
  const clusters = new Map(
    vis.clusters.map(({ node }) => {
      const b = box(node.id);
      // Grow the frame upwards to make room for the title.
      return [node.id, { ...b, y: b.y - CLUSTER_TITLE / 2, height: b.height + CLUSTER_TITLE, node }];
    }),
  );
  const edges = vis.edges.map((e) => ({ ...e, points: g.edge(e.from, e.to).points ?? [] }));
  const graph = g.graph();
  return { units, clusters, edges, width: graph.width ?? 0, height: graph.height ?? 0 };
}

/**
 * Positions the visible part of a graph with dagre, one open scope at a time (as TensorBoard
 * does): each open scope's contents are laid out on their own, and the result becomes one big
 * box in the layout of the scope around it. Data flows upwards.
 *
 * An edge that crosses a scope's frame is drawn in pieces, one per level: inside the frame it
 * runs to a hidden exit at the top (or from a hidden entry at the bottom), and outside it
 * continues between the frames.
 */
import * as dagre from "@dagrejs/dagre";
import type { ScopeTreeNode, VisibleGraph } from "../shared/scopeTree";

export interface Box {
  x: number; // centre
  y: number;
  width: number;
  height: number;
}

export interface LaidOutEdge {
  from: string;
  to: string;
  count: number;
  control: boolean;
  /** False for the piece that ends at a frame's exit (the arrowhead is on the last piece). */
  arrow: boolean;
  points: Point[];
}

export interface Layout {
  units: Map<string, Box & { node: ScopeTreeNode }>;
  clusters: Map<string, Box & { node: ScopeTreeNode }>;
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

type Point = { x: number; y: number };

/** Height of an open scope's title bar. */
export const CLUSTER_TITLE = 22;
const IN = "\u0000in";
const OUT = "\u0000out";

export function unitSize(node: ScopeTreeNode): { width: number; height: number } {
  // Bold 12px scope labels with room for the "+" in the corner; 11px op labels.
  if (node.kind === "scope") return { width: Math.max(84, node.label.length * 7.6 + 40), height: 40 };
  return { width: Math.max(44, node.label.length * 6.6 + 22), height: 24 };
}

interface Level {
  id: string; // "" for the whole graph
  children: string[];
  segments: Map<string, { from: string; to: string; count: number; control: boolean }>;
  /** After layout: children's boxes and the segments' points, relative to the level's origin. */
  boxes?: Map<string, Box>;
  routes?: Map<string, Point[]>;
  /** x of the hidden entry and exit, relative to the level's left edge. */
  inX?: number;
  outX?: number;
  width?: number;
  height?: number;
}

export function layoutGraph(vis: VisibleGraph): Layout {
  const parentOf = new Map<string, string>();
  const nodes = new Map<string, ScopeTreeNode>();
  const levels = new Map<string, Level>([["", newLevel("")]]);
  for (const { node } of vis.clusters) levels.set(node.id, newLevel(node.id));
  for (const { node, cluster } of [...vis.clusters, ...vis.units]) {
    parentOf.set(node.id, cluster ?? "");
    nodes.set(node.id, node);
    levels.get(cluster ?? "")!.children.push(node.id);
  }
  for (const e of vis.edges) splitEdge(e, parentOf, levels);

  // Inner scopes first: a frame's size is known once its contents are laid out.
  const order = [...vis.clusters].reverse().map((c) => c.node.id);
  for (const id of [...order, ""]) layoutLevel(levels.get(id)!, levels, nodes);

  const out: Layout = { units: new Map(), clusters: new Map(), edges: [], width: levels.get("")!.width!, height: levels.get("")!.height! };
  place(levels.get("")!, { x: 0, y: 0 }, levels, nodes, out);
  return out;
}

function newLevel(id: string): Level {
  return { id, children: [], segments: new Map() };
}

/** The containers of a box, outermost first, not counting the whole graph. */
function chain(id: string, parentOf: Map<string, string>): string[] {
  const out: string[] = [];
  for (let p = parentOf.get(id); p; p = parentOf.get(p)) out.unshift(p);
  return out;
}

/** Adds an edge's pieces to the levels it crosses. */
function splitEdge(e: VisibleGraph["edges"][number], parentOf: Map<string, string>, levels: Map<string, Level>): void {
  const a = [...chain(e.from, parentOf), e.from];
  const b = [...chain(e.to, parentOf), e.to];
  let common = 0;
  while (common < Math.min(a.length, b.length) - 1 && a[common] === b[common]) common++;
  const lca = common === 0 ? "" : a[common - 1];
  const add = (level: string, from: string, to: string) => {
    const segs = levels.get(level)!.segments;
    const key = `${from}\u0001${to}`;
    const s = segs.get(key);
    if (s) {
      s.count += e.count;
      s.control &&= e.control;
    } else segs.set(key, { from, to, count: e.count, control: e.control });
  };
  for (let i = a.length - 1; i > common; i--) add(a[i - 1], a[i], OUT);
  add(lca, a[common], b[common]);
  for (let i = common + 1; i < b.length; i++) add(b[i - 1], IN, b[i]);
}

function layoutLevel(level: Level, levels: Map<string, Level>, nodes: Map<string, ScopeTreeNode>): void {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  const margin = level.id ? 14 : 24;
  g.setGraph({ rankdir: "BT", nodesep: 18, ranksep: 30, edgesep: 8, marginx: margin, marginy: margin });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of level.children) {
    const inner = levels.get(id);
    g.setNode(id, inner ? { width: inner.width!, height: inner.height! } : unitSize(nodes.get(id)!));
  }
  const segments = [...level.segments.values()];
  const usesIn = segments.some((s) => s.from === IN);
  const usesOut = segments.some((s) => s.to === OUT);
  if (usesIn) g.setNode(IN, { width: 1, height: 1 });
  if (usesOut) g.setNode(OUT, { width: 1, height: 1 });
  for (const s of segments) g.setEdge(s.from, s.to, { weight: s.control ? 1 : 2 + Math.log2(s.count) });
  // Keep the hidden entry below everything and the exit above everything: tie it to the boxes
  // with no edge coming in (going out), which sit lowest (highest) anyway.
  for (const id of level.children) {
    if (usesIn && !segments.some((s) => s.to === id)) g.setEdge(IN, id, { weight: 0, minlen: 1 });
    if (usesOut && !segments.some((s) => s.from === id)) g.setEdge(id, OUT, { weight: 0, minlen: 1 });
  }
  dagre.layout(g);

  level.boxes = new Map(level.children.map((id) => [id, pick(g.node(id))]));
  level.routes = new Map();
  const bottom = g.graph().height ?? 0;
  if (usesIn) level.inX = g.node(IN).x;
  if (usesOut) level.outX = g.node(OUT).x;
  // Where a piece attaches: the bottom (top) of a box; for an open scope, exactly at the hidden
  // entry (exit) of its contents so the pieces inside and outside the frame meet.
  const end = (id: string, top: boolean): End => {
    if (id === IN) return { x: level.inX!, y: bottom };
    if (id === OUT) return { x: level.outX!, y: -CLUSTER_TITLE };
    const b = level.boxes!.get(id)!;
    const inner = levels.get(id);
    const exact = top ? inner?.outX : inner?.inX;
    return { x: exact === undefined ? undefined : b.x - b.width / 2 + exact, box: b, y: top ? b.y - b.height / 2 : b.y + b.height / 2 };
  };
  for (const [key, s] of level.segments) {
    level.routes.set(key, attachEnds(g.edge(s.from, s.to).points ?? [], end(s.from, true), end(s.to, false)));
  }
  level.width = Math.max(g.graph().width ?? 0, level.id ? nodes.get(level.id)!.label.length * 7 + 40 : 0);
  level.height = bottom + (level.id ? CLUSTER_TITLE : 0);
}

/** Converts a level's relative positions to absolute ones, recursing into open scopes. */
function place(level: Level, origin: Point, levels: Map<string, Level>, nodes: Map<string, ScopeTreeNode>, out: Layout): void {
  for (const [id, b] of level.boxes!) {
    const abs = { x: origin.x + b.x, y: origin.y + b.y, width: b.width, height: b.height, node: nodes.get(id)! };
    const inner = levels.get(id);
    if (!inner) {
      out.units.set(id, abs);
      continue;
    }
    out.clusters.set(id, abs);
    // The contents start below the title bar.
    place(inner, { x: abs.x - abs.width / 2, y: abs.y - abs.height / 2 + CLUSTER_TITLE }, levels, nodes, out);
  }
  for (const [key, s] of level.segments) {
    if (s.from === IN && s.to === OUT) continue;
    const points = level.routes!.get(key)!.map((p) => ({ x: origin.x + p.x, y: origin.y + p.y }));
    out.edges.push({ from: s.from === IN ? level.id : s.from, to: s.to === OUT ? level.id : s.to, count: s.count, control: s.control, arrow: s.to !== OUT, points });
  }
}

function pick(n: dagre.Node): Box {
  return { x: n.x, y: n.y, width: n.width, height: n.height };
}

/** Where an edge piece attaches: exactly at `x` when given, else somewhere along `box`'s side. */
interface End {
  x?: number;
  y: number;
  box?: Box;
}

/**
 * dagre ends an edge where the line towards the box centre crosses the border, which can cut
 * across neighbouring boxes. Here an edge leaves the top of its source and enters the bottom of
 * its target, with a horizontal jog in the gap between rows when it has to move sideways.
 */
function attachEnds(points: Point[], from: End, to: End): Point[] {
  const inner = points.slice(1, -1);
  if (inner.length === 0) return points;
  const along = (e: End, x: number) => e.x ?? (e.box ? Math.min(e.box.x + e.box.width / 2 - 8, Math.max(e.box.x - e.box.width / 2 + 8, x)) : x);
  const start = { x: along(from, inner[0].x), y: from.y };
  const finish = { x: along(to, inner[inner.length - 1].x), y: to.y };
  if (!(start.y > inner[0].y && inner[inner.length - 1].y > finish.y)) return points; // not an upward edge
  const jog = (a: Point, b: Point): Point[] => {
    if (Math.abs(a.x - b.x) < 1) return [];
    const mid = (a.y + b.y) / 2;
    return [{ x: a.x, y: mid }, { x: b.x, y: mid }];
  };
  return [start, ...jog(start, inner[0]), ...inner, ...jog(inner[inner.length - 1], finish), finish];
}

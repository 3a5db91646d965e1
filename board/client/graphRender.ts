/**
 * Draws a laid-out graph as SVG: open scopes as titled frames, closed scopes as boxes with their
 * op count, ops as pills, edges as arrows (dashed for control dependencies, thicker when several
 * tensors were merged into one edge). Every box carries `data-node="<id>"`.
 */
import { svg } from "./dom";
import { plural } from "./format";
import { CLUSTER_TITLE, type Layout } from "./graphLayout";

export interface RenderHandlers {
  onClick(id: string, kind: "op" | "scope" | "cluster"): void;
}

/**
 * Reacts to the first click only: TensorBoard users double-click to open a scope, and the second
 * click of a double-click would close it again.
 */
function onFirstClick(target: Element, action: () => void): void {
  target.addEventListener("click", (e) => {
    if ((e as MouseEvent).detail <= 1) action();
  });
}

export function renderGraph(layout: Layout, selected: string | null, handlers: RenderHandlers): SVGGElement {
  const root = svg("g", { class: "graph" });
  const clusterLayer = svg("g", { class: "clusters" });
  const edgeLayer = svg("g", { class: "edges" });
  const nodeLayer = svg("g", { class: "nodes" });
  root.append(clusterLayer, edgeLayer, nodeLayer);

  // Parents are listed before their children, so inner frames are drawn on top.
  for (const [id, c] of layout.clusters) {
    const left = c.x - c.width / 2;
    const top = c.y - c.height / 2;
    const g = svg(
      "g",
      { class: `cluster${id === selected ? " selected" : ""}`, "data-node": id, "data-kind": "cluster" },
      svg("title", {}, `${id} (${plural(c.node.opCount, "op")}), click the title to close`),
      svg("rect", { x: left, y: top, width: c.width, height: c.height, rx: 8 }),
      svg("rect", { class: "cluster-title-bg", x: left, y: top, width: c.width, height: CLUSTER_TITLE, rx: 8 }),
      svg("text", { class: "cluster-title", x: left + 10, y: top + CLUSTER_TITLE / 2 + 4 }, `− ${c.node.label}`),
    );
    onFirstClick(g.querySelector(".cluster-title-bg")!, () => handlers.onClick(id, "cluster"));
    onFirstClick(g.querySelector(".cluster-title")!, () => handlers.onClick(id, "cluster"));
    clusterLayer.appendChild(g);
  }

  for (const e of layout.edges) {
    if (e.points.length < 2) continue;
    const width = Math.min(4, 1 + Math.log2(e.count));
    const path = svg("path", {
      d: roundedPath(e.points),
      class: `edge${e.control ? " control" : ""}`,
      "stroke-width": width,
      "marker-end": !e.arrow ? undefined : e.control ? "url(#arrow-control)" : "url(#arrow)",
      "data-from": e.from,
      "data-to": e.to,
    });
    path.appendChild(svg("title", {}, `${e.from} → ${e.to}${e.count > 1 ? ` (${e.count} edges)` : ""}${e.control ? ", control" : ""}`));
    edgeLayer.appendChild(path);
  }

  for (const [id, u] of layout.units) {
    const left = u.x - u.width / 2;
    const top = u.y - u.height / 2;
    const isScope = u.node.kind === "scope";
    const g = svg("g", {
      class: `node ${isScope ? "scope" : `op op-${opCategory(u.node.op ?? "")}`}${id === selected ? " selected" : ""}`,
      "data-node": id,
      "data-kind": u.node.kind,
    });
    g.appendChild(svg("title", {}, isScope ? `${id}: ${plural(u.node.opCount, "op")}, click to open` : `${u.node.nodeName} (${u.node.op})`));
    if (isScope) {
      g.append(
        svg("rect", { x: left, y: top, width: u.width, height: u.height, rx: 6 }),
        svg("text", { class: "label", x: u.x, y: u.y - 2 }, u.node.label),
        svg("text", { class: "sublabel", x: u.x, y: u.y + 12 }, plural(u.node.opCount, "op")),
        svg("text", { class: "expander", x: left + u.width - 11, y: top + 13 }, "+"),
      );
    } else {
      g.append(svg("rect", { x: left, y: top, width: u.width, height: u.height, rx: u.height / 2 }), svg("text", { class: "label", x: u.x, y: u.y + 4 }, u.node.label));
    }
    onFirstClick(g, () => handlers.onClick(id, u.node.kind));
    nodeLayer.appendChild(g);
  }
  return root;
}

/** Arrow markers, added once to the SVG. */
export function arrowDefs(): SVGDefsElement {
  const marker = (id: string) =>
    svg("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z" }));
  return svg("defs", {}, marker("arrow"), marker("arrow-control"));
}

/** A polyline through dagre's points with rounded corners. */
function roundedPath(points: { x: number; y: number }[]): string {
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const next = points[i + 1];
    d += ` Q${p.x},${p.y} ${(p.x + next.x) / 2},${(p.y + next.y) / 2}`;
  }
  const last = points[points.length - 1];
  return `${d} L${last.x},${last.y}`;
}

/** Colour groups for ops, by type. */
function opCategory(op: string): string {
  if (op === "Placeholder" || op === "PlaceholderWithDefault") return "input";
  if (op.startsWith("Variable") || op === "VarHandleOp") return "variable";
  if (op === "Const") return "const";
  if (op.startsWith("Apply") || op === "Assign" || op.startsWith("Assign") || op === "NoOp") return "update";
  if (op.endsWith("Summary") || op.startsWith("Save") || op.startsWith("Restore")) return "io";
  return "compute";
}

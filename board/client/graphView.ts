/**
 * The Graph tab: one run's GraphDef with its name scopes closed; clicking a scope opens it in
 * place, clicking its title closes it, clicking an op shows its details in the side panel.
 */
import type { NodeInfo, RunInfo } from "../shared/apiTypes";
import { ancestorsOf, buildScopeTree, visibleGraph, type ScopeTree } from "../shared/scopeTree";
import { fetchGraph } from "./api";
import { el, replaceChildren, svg } from "./dom";
import { layoutGraph, type Layout } from "./graphLayout";
import { arrowDefs, renderGraph } from "./graphRender";
import { opDetails, scopeDetails } from "./nodeDetails";
import { PanZoom } from "./panZoom";

export class GraphView {
  readonly main: HTMLElement;
  readonly side: HTMLElement;
  private readonly svgEl: SVGSVGElement;
  private readonly panZoom: PanZoom;
  private readonly runSelect: HTMLSelectElement;
  private readonly details: HTMLElement;
  private readonly message: HTMLElement;
  private run: string | null = null;
  private loadedVersion = -1;
  private tree: ScopeTree | null = null;
  private infos = new Map<string, NodeInfo>();
  private consumers = new Map<string, string[]>();
  private expanded = new Set<string>();
  private selected: string | null = null;
  private layout: Layout | null = null;
  private needsFit = true;

  constructor() {
    this.svgEl = svg("svg", { class: "graph-svg", "data-testid": "graph" }, arrowDefs());
    this.panZoom = new PanZoom(this.svgEl);
    this.message = el("div", { class: "empty", hidden: true });
    const button = (label: string, title: string, action: () => void) => {
      const b = el("button", { class: "btn", type: "button", title }, label);
      b.addEventListener("click", action);
      return b;
    };
    const toolbar = el(
      "div",
      { class: "graph-toolbar" },
      button("Fit", "show the whole graph", () => this.fit()),
      button("+", "zoom in", () => this.panZoom.zoomAt(1.25)),
      button("−", "zoom out", () => this.panZoom.zoomAt(0.8)),
      button("Open all", "open every name scope", () => this.setExpanded(this.allScopes())),
      button("Close all", "close every name scope", () => this.setExpanded([])),
    );
    this.main = el("div", { class: "graph-main" }, toolbar, this.svgEl, this.message, legend());
    this.runSelect = el("select", { id: "graph-run", "aria-label": "run" });
    this.runSelect.addEventListener("change", () => void this.load(this.runSelect.value, -1));
    this.details = el("div", { class: "details-box" }, el("p", { class: "hint" }, "Click a scope to open it, an op to see its details."));
    this.side = el("div", { class: "graph-side" }, el("h2", {}, "Graph"), el("label", { class: "field" }, "Run", this.runSelect), this.details);
  }

  /** Called with every poll: keeps the run list current and reloads a graph that changed. */
  async setRuns(runs: RunInfo[]): Promise<void> {
    const withGraph = runs.filter((r) => r.graphVersion > 0);
    replaceChildren(this.runSelect, ...withGraph.map((r) => el("option", { value: r.name, selected: r.name === this.run }, r.name)));
    if (withGraph.length === 0) {
      this.showMessage("No graph yet. Write one with tf.summary.FileWriter(logdir, tf.getDefaultGraph()).");
      return;
    }
    const current = withGraph.find((r) => r.name === this.run) ?? withGraph[0];
    if (current.name !== this.run || current.graphVersion !== this.loadedVersion) await this.load(current.name, current.graphVersion);
  }

  /** The tab became visible: the SVG has a size now, so frame the graph if it was never framed. */
  shown(): void {
    if (this.needsFit && this.layout && this.svgEl.clientWidth > 0) this.fit();
  }

  /** For tests and debugging: what is drawn. */
  state() {
    return {
      run: this.run,
      expanded: [...this.expanded],
      visible: [...(this.layout?.units.keys() ?? [])],
      clusters: [...(this.layout?.clusters.keys() ?? [])],
      selected: this.selected,
    };
  }

  private async load(run: string, version: number): Promise<void> {
    const graph = await fetchGraph(run);
    const sameRun = run === this.run;
    this.run = run;
    this.runSelect.value = run;
    this.loadedVersion = version;
    this.tree = buildScopeTree(graph.nodes);
    this.infos = new Map(graph.nodes.map((n) => [n.name, n]));
    this.consumers = new Map();
    for (const e of this.tree.edges) this.consumers.set(e.from, [...(this.consumers.get(e.from) ?? []), (e.control ? "^" : "") + e.to]);
    if (!sameRun) {
      this.expanded = new Set();
      this.selected = null;
      this.needsFit = true;
    }
    this.expanded = new Set([...this.expanded].filter((id) => this.tree!.byId.has(id)));
    if (this.selected && !this.tree.byId.has(this.selected)) this.selected = null;
    this.message.hidden = true;
    this.draw();
    if (this.needsFit) this.fit();
    this.showDetails();
  }

  private draw(): void {
    if (!this.tree) return;
    this.layout = layoutGraph(visibleGraph(this.tree, this.expanded));
    const content = renderGraph(this.layout, this.selected, { onClick: (id, kind) => this.clicked(id, kind) });
    this.svgEl.querySelector("g.graph")?.remove();
    this.svgEl.appendChild(content);
    this.panZoom.setContent(content);
  }

  private clicked(id: string, kind: "op" | "scope" | "cluster"): void {
    this.selected = id;
    if (kind !== "op") this.toggle(id);
    else {
      this.draw();
      this.showDetails();
    }
  }

  private toggle(scopeId: string): void {
    const opening = !this.expanded.has(scopeId);
    if (opening) this.expanded.add(scopeId);
    else for (const id of [...this.expanded]) if (id === scopeId || id.startsWith(`${scopeId}/`)) this.expanded.delete(id);
    this.selected = scopeId;
    this.draw();
    const box = this.layout!.clusters.get(scopeId) ?? this.layout!.units.get(scopeId);
    if (box && opening) this.panZoom.focus(box, Math.max(this.panZoom.scale, 0.9));
    else if (box) this.panZoom.centerOn(box.x, box.y);
    this.showDetails();
  }

  /** Selects a node by its real name, opening the scopes around it. */
  private reveal(nodeName: string): void {
    const leaf = this.tree?.byNodeName.get(nodeName);
    if (!leaf) return;
    for (const id of ancestorsOf(this.tree!, leaf.id)) this.expanded.add(id);
    this.selected = leaf.id;
    this.draw();
    const box = this.layout!.units.get(leaf.id);
    if (box) this.panZoom.centerOn(box.x, box.y);
    this.showDetails();
  }

  private setExpanded(ids: string[]): void {
    this.expanded = new Set(ids);
    this.draw();
    this.fit();
  }

  private allScopes(): string[] {
    return [...(this.tree?.byId.values() ?? [])].filter((n) => n.kind === "scope" && n.parent).map((n) => n.id);
  }

  private fit(): void {
    if (!this.layout) return;
    this.panZoom.fit(this.layout.width, this.layout.height);
    this.needsFit = this.svgEl.clientWidth === 0;
  }

  private showDetails(): void {
    const node = this.selected ? this.tree?.byId.get(this.selected) : undefined;
    if (!node) return;
    const handlers = { select: (name: string) => this.reveal(name), toggle: (id: string) => this.toggle(id) };
    const panel =
      node.kind === "scope"
        ? scopeDetails(node, this.expanded.has(node.id), handlers)
        : opDetails(this.infos.get(node.nodeName!)!, this.consumers.get(node.nodeName!) ?? [], handlers);
    replaceChildren(this.details, panel);
  }

  private showMessage(text: string): void {
    this.message.textContent = text;
    this.message.hidden = false;
  }
}

function legend(): HTMLElement {
  const item = (cls: string, text: string) => el("span", { class: "legend-item" }, el("span", { class: `legend-mark ${cls}` }), text);
  return el("div", { class: "graph-legend" }, item("scope", "name scope"), item("op", "op"), item("variable", "variable"), item("edge", "tensor"), item("control", "control dependency"));
}

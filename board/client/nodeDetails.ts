/** The panel describing the selected op (op, dtype, shapes, inputs, consumers, attrs) or scope. */
import type { NodeInfo } from "../shared/apiTypes";
import { inputNodeName, opTypeCounts, type ScopeTreeNode } from "../shared/scopeTree";
import { el } from "./dom";
import { plural } from "./format";

export interface DetailsHandlers {
  /** Select (and reveal) the node with this name. */
  select(nodeName: string): void;
  toggle(scopeId: string): void;
}

export function opDetails(info: NodeInfo, consumers: string[], h: DetailsHandlers): HTMLElement {
  const link = (input: string) => {
    const a = el("button", { class: "link", type: "button", title: `show ${inputNodeName(input)}` }, ...breakable(input));
    a.addEventListener("click", () => h.select(inputNodeName(input)));
    return el("li", {}, a);
  };
  const rows: [string, string | undefined][] = [
    ["Op", info.op],
    ["Dtype", info.dtype],
    ["Shape", info.shapes?.join("  ")],
    ["Device", info.device],
  ];
  return el(
    "div",
    { class: "details", "data-details": info.name },
    el("h3", { class: "details-title" }, info.name.split("/").pop() ?? info.name),
    el("div", { class: "details-name" }, ...breakable(info.name)),
    el("table", { class: "kv" }, ...rows.filter(([, v]) => v).map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", { "data-field": k.toLowerCase() }, v!)))),
    section(`Inputs (${info.inputs.length})`, info.inputs.length ? el("ul", { class: "names" }, ...info.inputs.map(link)) : null),
    section(`Consumers (${consumers.length})`, consumers.length ? el("ul", { class: "names" }, ...consumers.map(link)) : null),
    section(
      "Attributes",
      Object.keys(info.attrs).length
        ? el("table", { class: "kv attrs" }, ...Object.entries(info.attrs).map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v))))
        : null,
    ),
  );
}

const MAX_TYPES = 12;

export function scopeDetails(node: ScopeTreeNode, expanded: boolean, h: DetailsHandlers): HTMLElement {
  const button = el("button", { class: "btn", type: "button" }, expanded ? "Close scope" : "Open scope");
  button.addEventListener("click", () => h.toggle(node.id));
  const counts = opTypeCounts(node);
  return el(
    "div",
    { class: "details", "data-details": node.id },
    el("h3", { class: "details-title" }, `${node.label}/`),
    el("div", { class: "details-name" }, `${node.id}/  ·  ${plural(node.opCount, "op")}`),
    button,
    section(
      "Ops by type",
      el(
        "table",
        { class: "kv" },
        ...counts.slice(0, MAX_TYPES).map(([op, n]) => el("tr", {}, el("th", {}, op), el("td", { class: "num" }, String(n)))),
        counts.length > MAX_TYPES ? el("tr", {}, el("th", {}, `${counts.length - MAX_TYPES} more types`), el("td", { class: "num" }, String(counts.slice(MAX_TYPES).reduce((a, [, n]) => a + n, 0)))) : null,
      ),
    ),
  );
}

/** A node name that wraps after its slashes rather than anywhere. */
function breakable(name: string): (string | HTMLElement)[] {
  const parts = name.split("/");
  return parts.flatMap((part, i) => (i < parts.length - 1 ? [`${part}/`, el("wbr")] : [part]));
}

function section(title: string, body: HTMLElement | null): HTMLElement | null {
  return body ? el("div", { class: "details-section" }, el("h4", {}, title), body) : null;
}

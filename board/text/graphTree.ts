/**
 * A graph as a tree of name scopes, for the terminal: each scope with its op count, each op with
 * its type, dtype, output shape and inputs. The lessons print it where the book calls
 * `show_graph`; `npm run board -- --text` prints it for each run's graph.
 */
import type chalk from "chalk";
import { stripVTControlCharacters } from "node:util";
import type { GraphImpl } from "../../src/graph/graph";
import { asGraphDef } from "../../src/graph/graphDefExport";
import type { GraphDefLike } from "../../src/base/graphdef";
import { describeNode } from "../shared/nodeInfo";
import { makeChalk } from "./colors";
import { buildScopeTree, opTypeCounts, type ScopeTreeNode } from "../shared/scopeTree";
import type { NodeInfo } from "../shared/apiTypes";

export interface GraphTreeOptions {
  /** Scopes nested deeper than this are shown closed, as one line with their op types. Default 3. */
  maxDepth?: number;
  /** Ops listed per scope before the rest is summed up in one line. Default 12. */
  maxOpsPerScope?: number;
  /** ANSI colours; default: when the terminal supports them. */
  color?: boolean;
}

/** `renderGraphTree(tf.getDefaultGraph())`, or a GraphDef read from an event file or a `.meta`. */
export function renderGraphTree(graph: GraphDefLike | GraphImpl, options: GraphTreeOptions = {}): string {
  // Duck-typed rather than instanceof, so a graph from another copy of the engine works too.
  const live = typeof (graph as GraphImpl)?.getOperations === "function";
  const def = live ? asGraphDef(graph as GraphImpl, { addShapes: true }) : (graph as GraphDefLike);
  if (!def || !Array.isArray(def.nodes)) {
    throw new TypeError("renderGraphTree expects a graph (tf.getDefaultGraph()) or a GraphDef with a `nodes` array");
  }
  const c = makeChalk(options.color);
  const maxDepth = options.maxDepth ?? 3;
  const maxOps = options.maxOpsPerScope ?? 12;
  const infos = new Map<string, NodeInfo>(def.nodes.map((n) => [n.name, describeNode(n)]));
  const tree = buildScopeTree(def.nodes);
  const count = (n: number) => `${n} op${n === 1 ? "" : "s"}`;
  const rows: { left: string; right: string }[] = [];
  const countWidth = count(def.nodes.length).length;

  const walk = (node: ScopeTreeNode, prefix: string, depth: number) => {
    const scopes = node.children.filter((ch) => ch.kind === "scope");
    const ops = node.children.filter((ch) => ch.kind === "op");
    const shownOps = ops.length > maxOps ? ops.slice(0, maxOps - 1) : ops;
    const entries: (ScopeTreeNode | string)[] = [...scopes, ...shownOps];
    if (shownOps.length < ops.length) entries.push(`… ${ops.length - shownOps.length} more: ${typeSummary(ops.slice(shownOps.length))}`);
    entries.forEach((entry, i) => {
      const last = i === entries.length - 1;
      const branch = prefix + (last ? "└─ " : "├─ ");
      const childPrefix = prefix + (last ? "   " : "│  ");
      if (typeof entry === "string") {
        rows.push({ left: branch + c.dim(entry), right: "" });
      } else if (entry.kind === "scope") {
        const open = depth + 1 < maxDepth;
        const summary = open ? "" : `  ${typeSummary(leaves(entry), 6)}`;
        rows.push({ left: branch + c.bold.cyan(`${entry.label}/`), right: c.dim(open ? count(entry.opCount) : count(entry.opCount).padEnd(countWidth) + summary) });
        if (open) walk(entry, childPrefix, depth + 1);
      } else {
        rows.push({ left: branch + entry.label, right: describeOp(infos.get(entry.nodeName!)!, c) });
      }
    });
  };
  walk(tree.root, "", 0);

  const width = Math.min(48, Math.max(0, ...rows.filter((r) => r.right).map((r) => visibleLength(r.left))));
  const header = c.bold(`Graph: ${count(def.nodes.length)}`);
  return [header, ...rows.map((r) => (r.right ? `${padVisible(r.left, width)}  ${r.right}` : r.left))].join("\n");
}

function describeOp(info: NodeInfo, c: chalk.Chalk): string {
  const scope = info.name.includes("/") ? info.name.slice(0, info.name.lastIndexOf("/")) : "";
  const parts = [c.yellow(info.op)];
  const type = [info.dtype, info.shapes?.length === 1 ? info.shapes[0] : info.shapes?.join(" ")].filter(Boolean).join(" ");
  if (type) parts.push(c.green(type));
  if (info.inputs.length) {
    const names = info.inputs.map((i) => relativeInput(i, scope));
    const shown = names.length > 4 ? [...names.slice(0, 3), `+${names.length - 3}`] : names;
    parts.push(c.gray(`← ${shown.join(", ")}`));
  }
  return parts.join("  ");
}

/** An input named relative to the op's name scope when it lives inside it (`^` and `:k` kept). */
function relativeInput(input: string, scope: string): string {
  const control = input.startsWith("^") ? "^" : "";
  const bare = control ? input.slice(1) : input;
  const inScope = scope !== "" && bare.startsWith(`${scope}/`);
  return control + (inScope ? bare.slice(scope.length + 1) : bare);
}

function leaves(node: ScopeTreeNode): ScopeTreeNode[] {
  return node.kind === "op" ? [node] : node.children.flatMap(leaves);
}

/** `Const×3 Mul×2 Add`: the `limit` most frequent op types, then `…`. */
function typeSummary(ops: ScopeTreeNode[], limit = Infinity): string {
  const wrapper: ScopeTreeNode = { id: "", label: "", kind: "scope", parent: null, children: ops, opCount: ops.length };
  const counts = opTypeCounts(wrapper);
  const shown = counts.slice(0, limit).map(([op, n]) => (n > 1 ? `${op}×${n}` : op));
  return shown.join(" ") + (counts.length > limit ? " …" : "");
}

function visibleLength(s: string): number {
  return stripVTControlCharacters(s).length;
}
function padVisible(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - visibleLength(s)));
}

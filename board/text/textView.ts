/**
 * `npm run board -- --text`: the runs of a log directory, a chart per scalar tag and each distinct
 * graph as a tree of scopes, as one printable string.
 */
import * as fs from "fs";
import { readLogdir, type Run } from "../../src/io";
import { renderGraphTree } from "./graphTree";
import { renderScalarChart } from "./scalarChart";
import { makeChalk } from "./colors";
import { oneRunName } from "../shared/runName";

export interface TextViewOptions {
  /** TensorBoard's smoothing weight for the charts. Default 0 (raw values). */
  smoothing?: number;
  /** Chart width in columns. Default 60. */
  width?: number;
  color?: boolean;
}

export function renderLogdirText(logdir: string, options: TextViewOptions = {}): string {
  const c = makeChalk(options.color);
  if (!fs.existsSync(logdir)) throw new Error(`log directory not found: ${logdir}`);
  // A log directory holding event files itself is one run: name it after its folder, not ".".
  const runs = readLogdir(logdir).map((r) => (r.name === "." ? { ...r, name: oneRunName(logdir) } : r));
  const out: string[] = [c.bold(`Log directory ${logdir}: ${plural(runs.length, "run")}`)];
  if (runs.length === 0) {
    out.push(c.dim("No event files (names containing 'tfevents') were found. Write some with tf.summary.FileWriter."));
    return out.join("\n");
  }
  for (const run of runs) {
    const points = [...run.scalars.values()].reduce((n, pts) => n + pts.length, 0);
    const graph = run.graph ? `graph of ${run.graph.nodes.length} ops` : "no graph";
    out.push(`  ${run.name}  ${c.dim(`${plural(run.scalars.size, "scalar tag")}, ${plural(points, "point")}, ${graph}`)}`);
  }

  const tags = [...new Set(runs.flatMap((r) => [...r.scalars.keys()]))].sort();
  for (const tag of tags) {
    const series = runs.filter((r) => r.scalars.has(tag)).map((r) => ({ run: r.name, points: r.scalars.get(tag)! }));
    out.push("", renderScalarChart(tag, series, { smoothing: options.smoothing, width: options.width, color: options.color }));
  }

  for (const group of graphsOf(runs).values()) {
    out.push("", c.bold(`Graph of ${group.map((r) => r.name).join(", ")}`));
    out.push(renderGraphTree(group[0].graph!, { color: options.color }));
  }
  return out.join("\n");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Runs grouped by graph, so a graph shared by several runs (same op names and types) prints once. */
function graphsOf(runs: Run[]): Map<string, Run[]> {
  const groups = new Map<string, Run[]>();
  for (const run of runs) {
    if (!run.graph) continue;
    const signature = run.graph.nodes.map((n) => `${n.name}\t${n.op}`).join("\n");
    const group = groups.get(signature);
    if (group) group.push(run);
    else groups.set(signature, [run]);
  }
  return groups;
}

/** The shape of bench/results.json, and the table printed from it. */
import type { Measurement } from "./harness";

export interface Ratio {
  /** e.g. "eager tfjs-cpu / engine". */
  name: string;
  value: number;
}

export interface Target {
  description: string;
  met: boolean;
}

export interface RowResult {
  id: number;
  title: string;
  status: "ok" | "n/a";
  /** Why the row could not run (status n/a). */
  reason?: string;
  /** Unit of the medians, e.g. "µs/run", "ms/epoch", "ms". */
  unit?: string;
  measurements?: Record<string, Measurement>;
  ratios?: Ratio[];
  targets?: Target[];
  /** Facts worth keeping next to the numbers (sizes, checks that passed). */
  notes?: string[];
}

export interface BenchReport {
  schemaVersion: 1;
  createdAt: string;
  quick: boolean;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; loadAverage: number[] };
  rows: RowResult[];
}

const fmt = (x: number) =>
  x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(3);

/** A plain-text table: one block per row with its medians, ratios and targets. */
export function renderTable(report: BenchReport): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(
    `tensorlings bench${report.quick ? " (quick)" : ""}: node ${m.node}, ${m.cpus} × ${m.cpuModel}, load ${m.loadAverage.map((l) => l.toFixed(2)).join(" ")}`,
  );
  for (const row of report.rows) {
    lines.push("");
    lines.push(`${row.id}. ${row.title}`);
    if (row.status === "n/a") {
      lines.push(`   n/a (${row.reason})`);
      continue;
    }
    const entries = Object.entries(row.measurements ?? {});
    const width = Math.max(...entries.map(([n]) => n.length), 10);
    for (const [name, meas] of entries)
      lines.push(
        `   ${name.padEnd(width)}  ${fmt(meas.median).padStart(9)} ${row.unit}  (median of ${meas.samples.length})`,
      );
    for (const r of row.ratios ?? []) lines.push(`   ${r.name.padEnd(width + 14)} ${fmt(r.value)}×`);
    for (const t of row.targets ?? [])
      lines.push(`   target: ${t.description.padEnd(width + 6)} ${t.met ? "met" : "MISSED"}`);
    for (const n of row.notes ?? []) lines.push(`   note: ${n}`);
  }
  return lines.join("\n");
}

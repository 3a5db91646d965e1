/**
 * A Markdown summary for a CI job page: class statistics (median, quartiles, a histogram, the
 * per-exercise pass rate, and a link to summary.svg when one is written), students × exercises,
 * flags, and the checks that failed most often. Only ids, numbers and manifest names appear; no
 * learner output is echoed.
 */
import type { Manifest } from "../manifest";
import { escapeMarkdown as md } from "../engine/text";
import type { GradeRecord } from "../engine/types";
import { classStats } from "./stats";
import { gradeWord } from "./status";

export function summaryMarkdown(
  records: GradeRecord[],
  manifest: Pick<Manifest, "exercises" | "title">,
  note = "",
  /** File name of the chart written beside summary.md (report/chart.ts), linked when given. */
  chart = "",
): string {
  const lines: string[] = [];
  const graded = records.filter((r) => r.status !== "error");
  const mean = graded.length ? graded.reduce((s, r) => s + r.score, 0) / graded.length : 0;
  const max = records[0]?.max_score ?? 0;
  lines.push(`## Grading summary${manifest.title ? `: ${md(manifest.title)}` : ""}`, "");
  lines.push(
    `${records.length} submission(s); ${graded.length} graded; mean ${round(mean)} / ${max}.${note ? ` ${md(note)}` : ""}`,
    "",
  );
  lines.push(...statisticsSection(records, chart));
  const head = ["student", "total", "status", ...manifest.exercises.map((e) => `ex${e.id}`), "flags"];
  lines.push(`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`);
  for (const r of records) {
    const byEx = new Map(r.exercises.map((e) => [e.id, e]));
    const cells = manifest.exercises.map((e) => {
      const x = byEx.get(e.id);
      return x ? `${round(x.score)}/${round(x.max_score)}` : "–";
    });
    const integrity = r.flags.filter((f) => f.severity === "integrity").length;
    const flags = [...new Set(r.flags.map((f) => md(f.code)))];
    const flagText =
      r.status === "error"
        ? "**grader error**"
        : `${integrity ? `**${integrity} integrity** ` : ""}${flags.join(", ")}${r.scan.length ? ` (scan: ${r.scan.length})` : ""}`;
    lines.push(
      `| ${md(r.submission.id)} | ${round(r.score)}/${round(r.max_score)} | ${gradeWord(r)} | ${cells.join(" | ")} | ${flagText.trim() || "–"} |`,
    );
  }
  const failing = new Map<string, { name: string; count: number }>();
  for (const r of graded)
    for (const t of r.tests)
      if (t.status !== "passed")
        failing.set(t.id, { name: t.name, count: (failing.get(t.id)?.count ?? 0) + 1 });
  const worst = [...failing.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 5);
  if (worst.length) {
    lines.push("", "Checks failed most often:", "");
    for (const [id, { name, count }] of worst)
      lines.push(`- \`${id}\` ${md(name)}: ${count} of ${graded.length}`);
  }
  return lines.join("\n") + "\n";
}

function statisticsSection(records: GradeRecord[], chart: string): string[] {
  const s = classStats(records);
  if (!s.count) return [];
  const pc = (x: number) => `${round(x)} %`;
  const lines = [
    "### Class statistics",
    "",
    `Scores as a percentage of the maximum, over ${s.count} graded submission(s): median ${pc(s.median)}, ` +
      `quartiles ${pc(s.q1)} – ${pc(s.q3)} (linear interpolation), range ${pc(s.min)} – ${pc(s.max)}, mean ${pc(s.mean)}.`,
    "",
  ];
  if (chart) lines.push(`![Score histogram and pass rate per exercise](${chart})`, "");
  const peak = Math.max(...s.histogram.map((b) => b.count));
  lines.push("| score % | students | |", "|---|---|---|");
  for (const b of s.histogram)
    lines.push(`| ${b.label} | ${b.count} | ${"█".repeat(Math.round((20 * b.count) / peak))} |`);
  lines.push("", "| exercise | full marks | mean score |", "|---|---|---|");
  for (const e of s.exercises)
    lines.push(`| ${e.id}. ${md(e.title)} | ${pc(e.passRate)} (of ${e.graded}) | ${pc(e.meanPercent)} |`);
  lines.push("", "### Students", "");
  return lines;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

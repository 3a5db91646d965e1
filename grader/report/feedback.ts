/**
 * `feedback/<id>.md`: what an instructor can post to one student. Score per exercise, each failed
 * visible check with its message, and the exercise's hints where a visible check failed. Checks
 * that are not `visible` are only counted, never named, as in Gradescope (report/gradescope.ts).
 */
import { escapeMarkdown as md } from "../engine/text";
import type { GradeRecord } from "../engine/types";
import type { ManifestExercise } from "../manifest";
import { visibleSummary } from "./gradescope";
import { gradeWord, round2 as round } from "./status";

type FeedbackExercise = Pick<ManifestExercise, "id"> & Partial<Pick<ManifestExercise, "hints">>;

export function feedbackMarkdown(
  record: GradeRecord,
  manifest: { title?: string; exercises: FeedbackExercise[] },
): string {
  const hints = new Map(manifest.exercises.map((e) => [e.id, e.hints ?? []]));
  const lines = [`# Feedback${manifest.title ? `: ${md(manifest.title)}` : ""}`, ""];
  lines.push(`Student: ${md(record.submission.id)}`, "");
  if (record.status === "error") {
    lines.push("The grader could not grade this submission; your instructor has been told.");
    return lines.join("\n") + "\n";
  }
  lines.push(`Result: ${gradeWord(record)}, ${visibleSummary(record)}.`, "");
  lines.push("| exercise | score |", "|---|---|");
  for (const e of record.exercises)
    lines.push(`| ${e.id}. ${md(e.title)} | ${round(e.score)}/${round(e.max_score)} |`);
  for (const e of record.exercises) {
    const tests = record.tests.filter((t) => t.exercise === e.id);
    const failed = tests.filter((t) => t.status !== "passed" && t.visibility === "visible");
    const otherFailed = tests.filter((t) => t.status !== "passed" && t.visibility !== "visible").length;
    if (!failed.length && !otherFailed) continue;
    lines.push("", `## Exercise ${e.id}: ${md(e.title)}`, "");
    for (const t of failed) {
      lines.push(`- **${md(t.name)}** (${round(t.score)}/${round(t.max_score)}, ${t.status})`);
      if (t.message) lines.push("", "  ```text", ...fence(t.message).map((l) => `  ${l}`), "  ```", "");
    }
    if (otherFailed) lines.push(`- ${otherFailed} further check(s) are shown when results are published.`);
    const exHints = failed.length ? (hints.get(e.id) ?? []) : [];
    if (exHints.length) {
      lines.push("", "Hints:", "");
      exHints.forEach((h, i) => lines.push(`${i + 1}. ${md(h)}`));
    }
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}

/** Message lines inside a code fence; a line of backticks cannot close it early. */
function fence(message: string): string[] {
  return message.split("\n").map((l) => l.replace(/```/g, "`\u200b``"));
}

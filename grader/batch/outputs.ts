/**
 * Everything a batch writes, derived from the canonical records (never from a child process):
 *
 *   <out>/results/<student>.json                 canonical record
 *   <out>/gradescope/<student>/results.json      Gradescope format
 *   <out>/grades.csv, <out>/grades-long.csv      gradebooks
 *   <out>/gradebook-{canvas,moodle}.csv          LMS imports (report/gradebook.ts)
 *   <out>/feedback/<student>.md                  what to post to each student
 *   <out>/junit.xml                              JUnit (broken suites as <error>)
 *   <out>/summary.md                             also appended to $GITHUB_STEP_SUMMARY
 *   <out>/summary.svg                            histogram and pass rates, linked from summary.md
 *   <out>/similarity.md                          advisory ranked pairs (batch/similarity.ts; written by batch.ts)
 *   <out>/errors.json                            submissions the grader itself failed on
 *   <out>/batch.json                             what was graded, with which tests, which shard
 */
import * as fs from "fs";
import * as path from "path";
import type { GradeRecord } from "../engine/types";
import type { Manifest } from "../manifest";
import { cleanRecord, type RecordCleanOptions } from "../report/clean";
import { gradesCsv, longCsv } from "../report/csv";
import { feedbackMarkdown } from "../report/feedback";
import { canvasGradebookCsv, moodleGradebookCsv } from "../report/gradebook";
import { toGradescope } from "../report/gradescope";
import { toJUnit } from "../report/junit";
import { summarySvg } from "../report/chart";
import { classStats } from "../report/stats";
import { summaryMarkdown } from "../report/summary";
import { validateGradescope, validateJUnit } from "../report/validate";

export interface BatchMeta {
  testsHash: string;
  graderVersion: string;
  shard: { index: number; count: number } | null;
  students: string[];
  started: string;
  finished: string;
  /** Present after a merge: the shard folders combined. */
  mergedFrom?: string[];
}

/** Where a batch writes one student's own files, relative to `--out` (the one list of them). */
export function studentOutputs(id: string) {
  return {
    record: path.join("results", `${id}.json`),
    gradescope: path.join("gradescope", id),
    feedback: path.join("feedback", `${id}.md`),
  };
}

/**
 * Writes one student's record and Gradescope results, learner texts cleaned (see report/clean.ts),
 * and returns the cleaned record, which the aggregates should be built from.
 */
export function writeStudent(outDir: string, raw: GradeRecord, clean: RecordCleanOptions = {}): GradeRecord {
  const record = cleanRecord(raw, clean);
  const paths = studentOutputs(record.submission.id);
  writeJson(path.join(outDir, paths.record), record);
  const gs = toGradescope(record);
  const problems = validateGradescope(gs);
  if (problems.length)
    throw new Error(`Gradescope output for ${record.submission.id} is invalid: ${problems.join("; ")}`);
  writeJson(path.join(outDir, paths.gradescope, "results.json"), gs);
  return record;
}

export function writeAggregates(
  outDir: string,
  records: GradeRecord[],
  manifest: Pick<Manifest, "exercises" | "title">,
  meta: BatchMeta,
): void {
  const sorted = [...records].sort((a, b) => a.submission.id.localeCompare(b.submission.id));
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "grades.csv"), gradesCsv(sorted, manifest));
  fs.writeFileSync(path.join(outDir, "grades-long.csv"), longCsv(sorted));
  const assignment = manifest.title || "tensorlings";
  fs.writeFileSync(path.join(outDir, "gradebook-canvas.csv"), canvasGradebookCsv(sorted, assignment));
  fs.writeFileSync(path.join(outDir, "gradebook-moodle.csv"), moodleGradebookCsv(sorted, assignment));
  writeFeedback(path.join(outDir, "feedback"), sorted, manifest);
  const xml = toJUnit(sorted);
  const problems = validateJUnit(xml);
  if (problems.length) throw new Error(`JUnit output is invalid: ${problems.join("; ")}`);
  fs.writeFileSync(path.join(outDir, "junit.xml"), xml);
  const shardNote = meta.shard
    ? `Shard ${meta.shard.index}/${meta.shard.count}.`
    : meta.mergedFrom
      ? `Merged from ${meta.mergedFrom.length} shard(s).`
      : "";
  fs.writeFileSync(path.join(outDir, "summary.svg"), summarySvg(classStats(sorted), manifest.title));
  fs.writeFileSync(
    path.join(outDir, "summary.md"),
    summaryMarkdown(sorted, manifest, shardNote, "summary.svg"),
  );
  // A job page cannot show a file beside it: no chart link there.
  if (process.env.GITHUB_STEP_SUMMARY)
    fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, summaryMarkdown(sorted, manifest, shardNote) + "\n");
  const errors = sorted
    .filter((r) => r.status === "error")
    .map((r) => ({ student: r.submission.id, error: r.error ?? "unknown" }));
  writeJson(path.join(outDir, "errors.json"), errors);
  writeJson(path.join(outDir, "batch.json"), meta);
}

/**
 * One `<id>.md` per record. Feedback is derived from the same records as grades.csv, so a file
 * for a student not among them (left the class, renamed) is removed rather than posted.
 */
function writeFeedback(
  dir: string,
  records: GradeRecord[],
  manifest: Pick<Manifest, "exercises" | "title">,
): void {
  fs.mkdirSync(dir, { recursive: true });
  const keep = new Set(records.map((r) => `${r.submission.id}.md`));
  for (const f of fs.readdirSync(dir)) if (f.endsWith(".md") && !keep.has(f)) fs.rmSync(path.join(dir, f));
  for (const r of records)
    fs.writeFileSync(path.join(dir, `${r.submission.id}.md`), feedbackMarkdown(r, manifest));
}

/** Canonical records found under `<dir>/results/`. */
export function readRecords(dir: string): GradeRecord[] {
  const folder = path.join(dir, "results");
  if (!fs.existsSync(folder)) throw new Error(`${dir} has no results/ folder (is it a grade:batch output?)`);
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const r = JSON.parse(fs.readFileSync(path.join(folder, f), "utf8")) as GradeRecord;
      if (r?.schemaVersion !== 1 || !r.submission?.id || !Array.isArray(r.tests))
        throw new Error(`${path.join(folder, f)} is not a grade record`);
      return r;
    });
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

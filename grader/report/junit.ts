/**
 * JUnit XML written by the parent from GradeRecords: one <testsuite> per student, one <testcase>
 * per manifest test. A suite that could not run still lists every test, as <error>, so nothing
 * disappears from a dashboard; timeouts are <failure type="timeout">; points travel as properties.
 */
import type { GradeRecord, TestResult } from "../engine/types";
import { cleanRecord } from "./clean";

export function toJUnit(raw: GradeRecord[], name = "tensorlings"): string {
  const records = raw.map((r) => cleanRecord(r));
  const all = records.flatMap((r) => r.tests);
  const failures = all.filter((t) => kind(t) === "failure").length;
  const errors = all.filter((t) => kind(t) === "error").length;
  const time = records.reduce((s, r) => s + r.execution_time, 0);
  const lines = [`<?xml version="1.0" encoding="UTF-8"?>`];
  lines.push(
    `<testsuites name="${attr(name)}" tests="${all.length}" failures="${failures}" errors="${errors}" skipped="0" time="${secs(time)}">`,
  );
  for (const r of records) lines.push(...suite(r));
  lines.push(`</testsuites>`);
  return lines.join("\n") + "\n";
}

function suite(r: GradeRecord): string[] {
  const f = r.tests.filter((t) => kind(t) === "failure").length;
  const e = r.tests.filter((t) => kind(t) === "error").length;
  const out = [
    `  <testsuite name="${attr(r.submission.id)}" tests="${r.tests.length}" failures="${f}" errors="${e}" skipped="0" time="${secs(r.execution_time)}" timestamp="${attr(r.graded_at.replace(/\.\d+Z$/, ""))}">`,
    `    <properties>`,
    prop("score", r.score, 6),
    prop("max_score", r.max_score, 6),
    prop("status", r.status, 6),
    prop("sha256", r.submission.sha256, 6),
    prop("tests_hash", r.grader.testsHash, 6),
    prop("integrity_flags", r.flags.filter((x) => x.severity === "integrity").length, 6),
    `    </properties>`,
  ];
  const slugs = new Map(r.exercises.map((x) => [x.id, x.slug]));
  for (const t of r.tests) {
    const classname = `${r.submission.id}.ex${String(t.exercise).padStart(2, "0")}-${slugs.get(t.exercise) ?? "exercise"}`;
    out.push(
      `    <testcase name="${attr(`[${t.id}] ${t.name}`)}" classname="${attr(classname)}" time="${secs(t.duration_ms / 1000)}">`,
    );
    out.push(
      `      <properties>`,
      prop("score", t.score, 8),
      prop("max_score", t.max_score, 8),
      prop("status", t.status, 8),
      prop("visibility", t.visibility, 8),
      `      </properties>`,
    );
    const k = kind(t);
    if (k !== "pass") {
      const tag = k === "failure" ? "failure" : "error";
      const type = t.status === "failed" ? "failed" : t.status;
      out.push(
        `      <${tag} message="${attr(firstLine(t.message))}" type="${attr(type)}">${text(t.message)}</${tag}>`,
      );
    }
    out.push(`    </testcase>`);
  }
  out.push(`  </testsuite>`);
  return out;
}

/** Failures are wrong answers and timeouts; errors are everything that kept a check from judging. */
function kind(t: TestResult): "pass" | "failure" | "error" {
  if (t.status === "passed") return "pass";
  return t.status === "failed" || t.status === "timeout" ? "failure" : "error";
}

function prop(name: string, value: string | number, indent: number): string {
  return `${" ".repeat(indent)}<property name="${attr(name)}" value="${attr(String(value))}"/>`;
}

function secs(s: number): string {
  return (Math.round(s * 1000) / 1000).toFixed(3);
}

function firstLine(s: string): string {
  return (s.split("\n")[0] ?? "").slice(0, 200);
}

/** XML 1.0 allows only some control characters; student text can contain any. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd");
}

function attr(s: string): string {
  return clean(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

function text(s: string): string {
  return clean(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

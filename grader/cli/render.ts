/**
 * What the learner sees: a table of all exercises, or one exercise's checks with type errors
 * first and the first failure in full. Passing says "all visible checks passed", never more:
 * the instructor's grading may run checks the learner's copy does not have.
 */
import chalk from "chalk";
import { Format } from "cli-progress";
import { formatDiagnostics } from "../engine/grade";
import type { Diagnostic, ExerciseResult, GradeRecord, TestResult } from "../engine/types";
import type { Manifest, ManifestExercise } from "../manifest";
import type { Progress } from "./progress";

const MAX_SHOWN = 2400;

export function bar(fraction: number, width = 20): string {
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  return Format.BarFormat(f, {
    barsize: width,
    barCompleteString: "█".repeat(width),
    barIncompleteString: "░".repeat(width),
    barGlue: "",
  });
}

const STATUS_LABEL: Record<ExerciseResult["status"] | "not graded", (s: string) => string> = {
  passed: chalk.green,
  partial: chalk.yellow,
  failed: chalk.red,
  missing: chalk.gray,
  "type-error": chalk.magenta,
  error: chalk.red,
  "not graded": chalk.gray,
};

const STATUS_TEXT: Record<ExerciseResult["status"], string> = {
  passed: "passed",
  partial: "partly done",
  failed: "not yet",
  missing: "file missing",
  "type-error": "type errors",
  error: "could not run",
};

/** The overview table; exercises not in `record` show their last known state from `progress`. */
export function renderTable(manifest: Manifest, record: GradeRecord | null, progress: Progress): string {
  const rows = manifest.exercises.map((ex) => {
    const r = record?.exercises.find((e) => e.id === ex.id);
    const p = progress.exercises[ex.id];
    const score = r?.score ?? p?.lastScore ?? 0;
    const max = r?.max_score ?? p?.maxScore ?? ex.tests.reduce((s, t) => s + t.points, 0);
    const status = r?.status ?? p?.status;
    const label = status ? STATUS_TEXT[status] : "not graded";
    return { ex, score, max, label, color: STATUS_LABEL[status ?? "not graded"] };
  });
  const nameWidth = Math.min(44, Math.max(...rows.map((r) => `${r.ex.slug}: ${r.ex.title}`.length)));
  const out = [
    chalk.bold(
      `${"#".padStart(3)}  ${"exercise".padEnd(nameWidth)}  points   ${"status".padEnd(13)}  progress`,
    ),
  ];
  for (const r of rows) {
    const name = `${r.ex.slug}: ${r.ex.title}`.slice(0, nameWidth).padEnd(nameWidth);
    const pts = `${fmt(r.score)}/${fmt(r.max)}`.padEnd(7);
    out.push(
      `${String(r.ex.id).padStart(3)}  ${name}  ${pts}  ${r.color(r.label.padEnd(13))}  ${bar(r.max ? r.score / r.max : 0, 20)} ${pct(r.score, r.max)}`,
    );
  }
  const total = rows.reduce((s, r) => s + r.score, 0);
  const max = rows.reduce((s, r) => s + r.max, 0);
  out.push(
    "",
    `${chalk.bold("Total")} ${fmt(total)}/${fmt(max)}  ${bar(max ? total / max : 0, 30)} ${pct(total, max)}`,
  );
  const next = rows.find((r) => r.label !== "passed");
  out.push(
    next
      ? `Next: exercise ${next.ex.id} (${next.ex.title}): ${chalk.cyan(`npm run grade ${next.ex.id}`)}`
      : chalk.green("All visible checks of every exercise passed."),
  );
  return out.join("\n");
}

/** One exercise in detail. */
export function renderExercise(ex: ManifestExercise, record: GradeRecord, progress: Progress): string {
  const r = record.exercises.find((e) => e.id === ex.id);
  const tests = record.tests.filter((t) => t.exercise === ex.id);
  const diags = record.diagnostics.filter((d) =>
    ex.file.endsWith("/") ? d.file.startsWith(ex.file) : d.file === ex.file,
  );
  const out = [
    chalk.bold(`Exercise ${ex.id} · ${ex.slug}: ${ex.title}`),
    chalk.gray(`file: exercises/${ex.file}`),
    "",
  ];
  if (diags.length) out.push(...renderDiagnostics(diags), "");
  let shownFailure = false;
  for (const t of tests) {
    const pts = chalk.gray(`${fmt(t.score)}/${fmt(t.max_score)}`);
    if (t.status === "passed") {
      out.push(`  ${chalk.green("✓")} ${t.name} ${pts}`);
      continue;
    }
    out.push(`  ${chalk.red("✗")} ${t.name} ${pts} ${chalk.gray(`(${statusWord(t)})`)}`);
    if (t.status === "type-error") continue;
    if (!shownFailure) {
      out.push(indent(readable(t.message), 6));
      shownFailure = true;
    } else out.push(chalk.gray(`      ${firstLine(t.message)}`));
  }
  const score = r?.score ?? 0;
  const max = r?.max_score ?? 0;
  out.push("", `Score ${fmt(score)}/${fmt(max)}  ${bar(max ? score / max : 0, 20)} ${pct(score, max)}`);
  if (r?.status === "passed") {
    out.push(
      chalk.green("✓ all visible checks passed") +
        chalk.gray(" (your instructor's grading may run more checks)"),
    );
  } else {
    const shown = progress.hints[ex.id] ?? 0;
    const levels = ex.hints.length;
    const hint =
      levels === 0
        ? ""
        : shown >= levels
          ? ` All ${levels} hints shown: ${chalk.cyan(`npm run hint ${ex.id}`)} repeats the last.`
          : ` Stuck? ${chalk.cyan(`npm run hint ${ex.id}`)} (hint ${shown + 1} of ${levels}).`;
    out.push(
      `${diags.length ? "Fix the type errors above first." : "Fix the first failing check above, then grade again."}${hint}`,
    );
  }
  return out.join("\n");
}

export function renderDiagnostics(diags: Diagnostic[]): string[] {
  const kind = diags.some((d) => d.kind === "syntax") ? "Syntax errors" : "Type errors";
  return [
    chalk.magenta.bold(`${kind} (fix these first; the checks did not run):`),
    chalk.magenta(formatDiagnostics(diags, 10)),
  ];
}

function statusWord(t: TestResult): string {
  switch (t.status) {
    case "timeout":
      return "timed out";
    case "type-error":
      return "did not compile";
    case "integrity-error":
      return "not scored";
    case "error":
      return "could not run";
    default:
      return "failed";
  }
}

/**
 * Messages as the learner should read them: capped, and when expected and received differ only
 * in whitespace, spaces shown as `·` so the difference is visible.
 */
export function readable(message: string): string {
  let text = message.length > MAX_SHOWN ? message.slice(0, MAX_SHOWN) + "\n… (shortened)" : message;
  const exp = /^Expected: (.*)$/m.exec(text);
  const rec = /^Received: (.*)$/m.exec(text);
  if (exp && rec && exp[1] !== rec[1] && exp[1].replace(/\s+/g, "") === rec[1].replace(/\s+/g, "")) {
    const dots = (s: string) => s.replace(/ /g, "·").replace(/\t/g, "→");
    text =
      text.replace(exp[0], `Expected: ${dots(exp[1])}`).replace(rec[0], `Received: ${dots(rec[1])}`) +
      "\n(· marks a space, → a tab)";
  }
  return text;
}

function indent(s: string, n: number): string {
  return s
    .split("\n")
    .map((l) => " ".repeat(n) + l)
    .join("\n");
}

function firstLine(s: string): string {
  return (s.split("\n").find((l) => l.trim()) ?? "").slice(0, 120);
}

function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function pct(a: number, b: number): string {
  return `${b ? Math.round((100 * a) / b) : 0}%`.padStart(4);
}

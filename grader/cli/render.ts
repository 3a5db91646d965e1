/**
 * What the learner sees: a table of all exercises, or one exercise's checks with type errors
 * first and every failure in full, wrapped to the terminal. Passing says "all visible checks
 * passed", never more: the instructor's grading may run checks the learner's copy does not have.
 */
import chalk from "chalk";
import { Format } from "cli-progress";
import wrapAnsi from "wrap-ansi";
import { rereadLine } from "../../lessons/practice";
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

export interface RenderOptions {
  /** Terminal width; 80 when unknown. */
  width?: number;
  /** What to do after fixing: run the grade command again, or (in watch mode) just save. */
  next?: "grade" | "save";
  /** The folder actually graded, as the learner named it (`exercises` unless `--exercises` said otherwise). */
  folder?: string;
}

/** The overview table; exercises not in `record` show their last known state from `progress`. */
export function renderTable(
  manifest: Manifest,
  record: GradeRecord | null,
  progress: Progress,
  options: RenderOptions = {},
): string {
  const width = options.width || 80;
  const rows = manifest.exercises.map((ex) => {
    const r = record?.exercises.find((e) => e.id === ex.id);
    const p = progress.exercises[ex.id];
    const score = r?.score ?? p?.lastScore ?? 0;
    const max = r?.max_score ?? p?.maxScore ?? ex.tests.reduce((s, t) => s + t.points, 0);
    const status = r?.status ?? p?.status;
    const label = status ? STATUS_TEXT[status] : "not graded";
    const reread = ex.lesson === undefined ? "" : `lesson ${ex.lesson}`;
    return { ex, score, max, label, reread, color: STATUS_LABEL[status ?? "not graded"] };
  });
  // Everything but the title has a fixed width; the title gets the rest, wrapped at words.
  const fixed = 3 + 2 + 2 + 7 + 2 + 13 + 2 + "lesson 11".length;
  const longest = Math.max(...rows.map((r) => r.ex.title.length));
  const titleWidth = Math.max(16, Math.min(longest, width - fixed - 1));
  const out = [
    chalk.bold(
      `${"#".padStart(3)}  ${"exercise".padEnd(titleWidth)}  ${"points".padEnd(7)}  ${"status".padEnd(13)}  reread`,
    ),
  ];
  for (const r of rows) {
    const [title, ...more] = wrapAnsi(r.ex.title, titleWidth, { hard: true }).split("\n");
    const pts = `${fmt(r.score)}/${fmt(r.max)}`.padEnd(7);
    out.push(
      `${String(r.ex.id).padStart(3)}  ${title.padEnd(titleWidth)}  ${pts}  ${r.color(r.label.padEnd(13))}  ${chalk.gray(r.reread)}`.trimEnd(),
      ...more.map((line) => `${" ".repeat(5)}${line}`),
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
      ? wrap(
          `Next: exercise ${next.ex.id} (${next.ex.title}): ${chalk.cyan(`npm run grade ${next.ex.id}`)}`,
          width,
        )
      : chalk.green("All visible checks of every exercise passed."),
  );
  return out.join("\n");
}

/** One exercise in detail. */
export function renderExercise(
  ex: ManifestExercise,
  record: GradeRecord,
  progress: Progress,
  options: RenderOptions = {},
): string {
  const width = options.width || 80;
  const r = record.exercises.find((e) => e.id === ex.id);
  const tests = record.tests.filter((t) => t.exercise === ex.id);
  const diags = record.diagnostics.filter((d) =>
    ex.file.endsWith("/") ? d.file.startsWith(ex.file) : d.file === ex.file,
  );
  const out = [
    chalk.bold(`Exercise ${ex.id} · ${ex.title}`),
    chalk.gray(`file: ${options.folder ?? "exercises"}/${ex.file}`),
    "",
  ];
  if (diags.length) out.push(...renderDiagnostics(diags), "");
  let first = true;
  for (const t of tests) {
    const pts = chalk.gray(`${fmt(t.score)}/${fmt(t.max_score)}`);
    if (t.status === "passed") {
      out.push(`  ${chalk.green("✓")} ${t.name} ${pts}`);
      continue;
    }
    if (first && t.status !== "type-error") out.push(chalk.yellow.bold("  ▸ fix this one first:"));
    out.push(wrap(`${chalk.red("✗")} ${t.name} ${pts} ${chalk.gray(`(${statusWord(t)})`)}`, width, 2, 4));
    if (t.status === "type-error") continue;
    first = false;
    out.push(wrap(readable(learnerWords(t.message)), width, 6));
  }
  const score = r?.score ?? 0;
  const max = r?.max_score ?? 0;
  out.push("", `Score ${fmt(score)}/${fmt(max)}  ${bar(max ? score / max : 0, 20)} ${pct(score, max)}`);
  const again = options.next === "save" ? "save the file to re-grade" : `run npm run grade ${ex.id} again`;
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
          ? `All ${levels} hints shown: ${chalk.cyan(`npm run hint ${ex.id}`)} repeats the last.`
          : `Stuck? ${chalk.cyan(`npm run hint ${ex.id}`)} (hint ${shown + 1} of ${levels}).`;
    const fix = diags.length ? "Fix the type errors above first" : "Fix the check marked first";
    out.push(wrap(`${fix}, then ${again}.`, width));
    if (hint) out.push(wrap(hint, width));
    const reread = rereadLine(ex);
    if (reread)
      out.push(
        wrap(
          reread.replace(/npm run lesson \d+$/, (cmd) => chalk.cyan(cmd)),
          width,
        ),
      );
  }
  return out.join("\n");
}

/**
 * The grader's own words replaced by the learner's: the engine names questions by their key in
 * the answer table, which the exercise never shows; the check's name above already says which.
 */
export function learnerWords(message: string): string {
  return message
    .replace(
      /the answer to question "[^"]*" is not the expected one \(checked against a hashed key\)/g,
      "your answer is not the expected one",
    )
    .replace(/no answer to question "[^"]*" was given/g, "your code gave no answer for this check")
    .replace(/question "[^"]*" was answered more than once/g, "an answer was given more than once");
}

/** Wraps every line to `width`, indenting the first line by `first` and the rest by `rest`. */
export function wrap(text: string, width: number, first = 0, rest = first): string {
  const room = Math.max(20, width - rest);
  return text
    .split("\n")
    .map((line, i) =>
      wrapAnsi(line, room - (i === 0 ? first - rest : 0), { hard: true, trim: false })
        .split("\n")
        .map((l, j) => (" ".repeat(i === 0 && j === 0 ? first : rest) + l).trimEnd())
        .join("\n"),
    )
    .join("\n");
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

function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function pct(a: number, b: number): string {
  return `${b ? Math.round((100 * a) / b) : 0}%`.padStart(4);
}

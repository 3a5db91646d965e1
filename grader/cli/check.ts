/**
 * `npm run grade:check -- --tests <dir> [--solutions <dir>] [--starters <dir>]`: the check an
 * instructor runs on a suites folder before releasing an assignment. It reads the suites'
 * `test("[id] …")` names and matches them against the manifest in both directions, grades the
 * reference solutions (every test must pass) and the starters (no scoring test may pass), and
 * prints a verdict. Exit status: 0 all good, 1 problems found, 2 bad arguments or manifest.
 */
import * as fs from "fs";
import * as path from "path";
import { Grader } from "../engine/grade";
import { DEFAULT_KIT_ROOT } from "../engine/kit";
import type { GradeRecord } from "../engine/types";
import { loadManifest, ManifestError, type Manifest } from "../manifest";
import { parseCommandLine } from "./args";

export interface CheckOptions {
  tests: string;
  solutions: string;
  starters: string;
  kitRoot?: string;
  sandbox?: "require" | "prefer" | "off";
}

export interface CheckReport {
  problems: string[];
  /** One line per stage, shown whether or not it found problems. */
  lines: string[];
  ok: boolean;
}

/** `test("[ex01.t1] …")`, `it.skip('[id] …')`, or a template such as `test(\`[ex11.${q}-count] …\`)`. */
const SUITE_TEST = /\b(?:test|it)(?:\.(?:only|skip|concurrent|failing))?\s*\(\s*(["'`])\s*\[([^\]\n]+)\]/g;

/** The test ids a suite file declares, read from its text without running it. */
export function suiteTestIds(text: string): string[] {
  return [...text.matchAll(SUITE_TEST)].map((m) => m[2].trim());
}

/** A templated id (`ex11.${q}-count`) as a pattern over manifest ids; a plain id matches itself. */
function idPattern(id: string): RegExp {
  const parts = id.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".+")}$`);
}

/** Manifest ids with no suite test, and suite tests with no manifest id, per exercise. */
export function matchIds(manifest: Manifest): string[] {
  const problems: string[] = [];
  for (const ex of manifest.exercises) {
    const suite = ex.suite;
    const declared = suiteTestIds(fs.readFileSync(path.join(manifest.dir, suite), "utf8"));
    const patterns = declared.map((id) => ({ id, re: idPattern(id) }));
    for (const t of ex.tests)
      if (!patterns.some((p) => p.re.test(t.id)))
        problems.push(
          `exercise ${ex.id}: manifest test "${t.id}" has no test named "[${t.id}] …" in ${suite}`,
        );
    for (const p of patterns)
      if (!ex.tests.some((t) => p.re.test(t.id)))
        problems.push(`exercise ${ex.id}: ${suite} has a test "[${p.id}] …" that is not in the manifest`);
  }
  return problems;
}

/** What a folder is called in messages: relative to the current folder when inside it. */
function label(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith("..") ? rel : dir;
}

function gradeProblems(
  record: GradeRecord,
  manifest: Manifest,
  dir: string,
  expect: "full" | "zero",
): string[] {
  if (record.status === "error")
    return [`${label(dir)}: the grader failed: ${record.error ?? "unknown error"}`];
  const problems: string[] = [];
  const fileOf = (exercise: number) =>
    path.join(label(dir), manifest.exercises.find((e) => e.id === exercise)?.file ?? "");
  for (const t of record.tests) {
    const advisory = manifest.exercises.flatMap((e) => e.tests).find((m) => m.id === t.id)?.advisory;
    if (expect === "full" && t.status !== "passed" && !advisory)
      problems.push(`${fileOf(t.exercise)}: [${t.id}] ${t.name}: ${t.status}: ${t.message}`);
    if (expect === "zero" && t.status === "passed" && t.max_score > 0 && !advisory)
      problems.push(
        `${fileOf(t.exercise)}: [${t.id}] ${t.name}: passes on the starter (${t.score} point(s))`,
      );
  }
  for (const f of record.flags)
    problems.push(`${f.exercise ? fileOf(f.exercise) : label(dir)}: ${f.severity} ${f.code}: ${f.message}`);
  return problems;
}

export async function checkSuites(opts: CheckOptions): Promise<CheckReport> {
  const manifest = loadManifest(opts.tests);
  const lines: string[] = [];
  const problems: string[] = [];
  const stage = (what: string, found: string[]) => {
    lines.push(`${found.length ? "✗" : "✓"} ${what}${found.length ? `: ${found.length} problem(s)` : ""}`);
    problems.push(...found);
  };
  stage(`manifest ids match the suites' test names (${label(manifest.dir)})`, matchIds(manifest));
  for (const dir of [opts.solutions, opts.starters])
    if (!fs.existsSync(dir)) throw new ManifestError(dir, [`folder not found: ${dir}`]);
  const grader = new Grader({
    kitRoot: opts.kitRoot,
    suitesDir: manifest.dir,
    mode: "batch",
    sandbox: opts.sandbox ?? "prefer",
  });
  try {
    const solutions = await grader.grade({ id: "solutions", path: opts.solutions, kind: "folder" });
    stage(
      `reference solutions score full marks (${label(opts.solutions)}: ${solutions.score}/${solutions.max_score})`,
      gradeProblems(solutions, manifest, opts.solutions, "full"),
    );
    const starters = await grader.grade({ id: "starters", path: opts.starters, kind: "folder" });
    stage(
      `starters score zero (${label(opts.starters)}: ${starters.score}/${starters.max_score})`,
      gradeProblems(starters, manifest, opts.starters, "zero"),
    );
  } finally {
    await grader.close();
  }
  return { problems, lines, ok: problems.length === 0 };
}

const USAGE =
  "usage: npm run grade:check -- --tests <dir> [--solutions <dir>] [--starters <dir>] [--kit <dir>] [--no-sandbox]";

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const parsed = parseCommandLine(
    {
      args: argv,
      options: {
        tests: { type: "string" },
        solutions: { type: "string" },
        starters: { type: "string" },
        kit: { type: "string" },
        "no-sandbox": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    },
    USAGE,
  );
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  if (!values.tests) {
    console.error(`grade:check: --tests is required\n${USAGE}`);
    return 2;
  }
  const kitRoot = path.resolve(values.kit ?? DEFAULT_KIT_ROOT);
  try {
    const report = await checkSuites({
      tests: path.resolve(values.tests),
      solutions: path.resolve(values.solutions ?? path.join(kitRoot, "solutions")),
      starters: path.resolve(values.starters ?? path.join(kitRoot, "exercises")),
      kitRoot,
      sandbox: values["no-sandbox"] ? "off" : "prefer",
    });
    console.log(report.lines.join("\n"));
    for (const p of report.problems) console.log(`  - ${p}`);
    console.log(
      report.ok
        ? "grade:check: ready to release"
        : `grade:check: NOT ready: ${report.problems.length} problem(s) above`,
    );
    return report.ok ? 0 : 1;
  } catch (e) {
    console.error(`grade:check: ${(e as Error).message}`);
    return e instanceof ManifestError ? 2 : 3;
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}

/**
 * Gradescope's `run_autograder` calls this: grade /autograder/submission with the same engine as
 * every other mode and write /autograder/results/results.json. Some valid results file is
 * always written, even when the grader itself fails, so the student sees a clear message
 * instead of "the autograder failed to execute correctly".
 *
 * Gradescope runs the whole autograder as root in one container with the hidden suites beside
 * it: the bubblewrap sandbox is the only thing between the student's code and those suites and
 * results.json. So where it cannot start, nothing is graded (every result says why) unless the
 * zip was built with `--allow-unsandboxed`; then every result says it was graded without it.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { Grader, SandboxUnavailable } from "../engine/grade";
import { probeSandbox } from "../engine/sandbox/launch";
import { studentId } from "../engine/submission";
import { toGradescope, type GradescopeResults } from "../report/gradescope";
import { validateGradescope } from "../report/validate";

export async function gradeForGradescope(opts: {
  submission: string;
  tests: string;
  results: string;
  kitRoot?: string;
  /** Grade even when the sandbox cannot start (built with `--allow-unsandboxed`). */
  allowUnsandboxed?: boolean;
}): Promise<GradescopeResults> {
  let out: GradescopeResults;
  let grader: Grader | null = null;
  try {
    grader = new Grader({
      kitRoot: opts.kitRoot,
      suitesDir: opts.tests,
      mode: "batch",
      sandbox: opts.allowUnsandboxed ? "prefer" : "require",
    });
    const meta = path.join(path.dirname(opts.submission), "submission_metadata.json");
    let id = "submission";
    try {
      const m = JSON.parse(fs.readFileSync(meta, "utf8"));
      if (m?.id !== undefined) id = studentId(String(m.id));
    } catch {
      // Metadata is optional.
    }
    const record = await grader.grade({ id, path: opts.submission, kind: "folder" });
    out = toGradescope(record);
    const problems = validateGradescope(out);
    if (problems.length) throw new Error(`invalid results: ${problems.join("; ")}`);
  } catch (e) {
    const noSandbox = e instanceof SandboxUnavailable;
    console.error(`autograder failure: ${(e as Error).stack ?? e}`);
    if (noSandbox)
      console.error(
        "To grade here anyway, without the sandbox, rebuild the autograder with `npm run gradescope:build -- --allow-unsandboxed`.",
      );
    out = {
      score: 0,
      execution_time: 0,
      output: noSandbox
        ? "Your code was NOT run: the autograder grades only inside its sandbox, and the sandbox could not start on this machine. This is not about your submission; please tell your instructor."
        : "The autograder could not grade this submission because of a problem on our side. Your instructor has the details; please tell them.",
      output_format: "text",
      visibility: "visible",
      stdout_visibility: "hidden",
      extra_data: {
        graderError: String((e as Error).message ?? e).slice(0, 500),
        ...(noSandbox ? { sandbox: "could not start" } : {}),
      },
      tests: [],
    };
  } finally {
    await grader?.close();
  }
  fs.mkdirSync(path.dirname(opts.results), { recursive: true });
  fs.writeFileSync(opts.results, JSON.stringify(out, null, 2) + "\n");
  return out;
}

/** `--probe`: one line saying whether the sandbox starts here (setup.sh prints it in the build log). */
export function sandboxProbeLine(): string {
  const { problem } = probeSandbox();
  return problem
    ? `sandbox probe: bubblewrap can NOT start here. ${problem}`
    : "sandbox probe: bubblewrap starts here";
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      submission: { type: "string", default: "/autograder/submission" },
      tests: { type: "string", default: path.resolve(__dirname, "..", "..", "..", "tests") },
      results: { type: "string", default: "/autograder/results/results.json" },
      "allow-unsandboxed": { type: "boolean" },
      probe: { type: "boolean" },
    },
  });
  if (values.probe) {
    console.log(sandboxProbeLine());
    process.exit(0);
  }
  gradeForGradescope({
    submission: values.submission!,
    tests: values.tests!,
    results: values.results!,
    allowUnsandboxed: values["allow-unsandboxed"] === true,
  }).then(() => process.exit(0));
}

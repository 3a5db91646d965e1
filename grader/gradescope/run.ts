/**
 * Gradescope's `run_autograder` calls this: grade /autograder/submission with the same engine as
 * every other mode and write /autograder/results/results.json. Some valid results file is
 * always written, even when the grader itself fails, so the student sees a clear message
 * instead of "the autograder failed to execute correctly".
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { Grader } from "../engine/grade";
import { studentId } from "../engine/submission";
import { toGradescope, type GradescopeResults } from "../report/gradescope";
import { validateGradescope } from "../report/validate";

export async function gradeForGradescope(opts: {
  submission: string;
  tests: string;
  results: string;
  kitRoot?: string;
}): Promise<GradescopeResults> {
  let out: GradescopeResults;
  let grader: Grader | null = null;
  try {
    // Gradescope runs each submission in its own container; the sandbox is used where it starts there.
    grader = new Grader({ kitRoot: opts.kitRoot, suitesDir: opts.tests, mode: "batch", sandbox: "prefer" });
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
    console.error(`autograder failure: ${(e as Error).stack ?? e}`);
    out = {
      score: 0,
      execution_time: 0,
      output:
        "The autograder could not grade this submission because of a problem on our side. Your instructor has the details; please tell them.",
      output_format: "text",
      visibility: "visible",
      stdout_visibility: "hidden",
      extra_data: { graderError: String((e as Error).message ?? e).slice(0, 500) },
      tests: [],
    };
  } finally {
    await grader?.close();
  }
  fs.mkdirSync(path.dirname(opts.results), { recursive: true });
  fs.writeFileSync(opts.results, JSON.stringify(out, null, 2) + "\n");
  return out;
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      submission: { type: "string", default: "/autograder/submission" },
      tests: { type: "string", default: path.resolve(__dirname, "..", "..", "..", "tests") },
      results: { type: "string", default: "/autograder/results/results.json" },
    },
  });
  gradeForGradescope({ submission: values.submission!, tests: values.tests!, results: values.results! }).then(
    () => process.exit(0),
  );
}

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { mergeShards } from "../../grader/batch/merge";
import { writeStudent } from "../../grader/batch/outputs";
import { LEARNER_TEXT_MAX } from "../../grader/engine/text";
import type { GradeRecord, TestResult } from "../../grader/engine/types";
import { cleanRecord, TEXT_LIMITS } from "../../grader/report/clean";
import { gradesCsv, longCsv, toCsv } from "../../grader/report/csv";
import { feedbackMarkdown } from "../../grader/report/feedback";
import { canvasGradebookCsv, canvasUserId, moodleGradebookCsv } from "../../grader/report/gradebook";
import { toGradescope } from "../../grader/report/gradescope";
import { toJUnit } from "../../grader/report/junit";
import { gradeWord } from "../../grader/report/status";
import { summaryMarkdown } from "../../grader/report/summary";
import { parseXml, validateGradescope, validateJUnit } from "../../grader/report/validate";

const test = (
  id: string,
  status: TestResult["status"],
  score: number,
  max: number,
  message = "",
): TestResult => ({
  id,
  exercise: Number(id.slice(2, 4)),
  name: `check ${id}`,
  status,
  score,
  max_score: max,
  visibility: "visible",
  message,
  duration_ms: 12,
});

function record(id: string, tests: TestResult[], over: Partial<GradeRecord> = {}): GradeRecord {
  const score = tests.reduce((s, t) => s + t.score, 0);
  const max = tests.reduce((s, t) => s + t.max_score, 0);
  return {
    schemaVersion: 1,
    submission: { id, sha256: "ab".repeat(32), source: id, root: "", files: ["ex01.ts"] },
    grader: {
      version: "0.1.0",
      testsHash: "cd".repeat(32),
      node: "20",
      seed: 1,
      mode: "batch",
      sandbox: { sandboxed: true, note: "bubblewrap" },
    },
    status: score === max ? "pass" : "fail",
    score,
    max_score: max,
    execution_time: 1.5,
    output: `${score}/${max}`,
    exercises: [
      {
        id: 1,
        slug: "add",
        title: "Add",
        file: "ex01.ts",
        status: "partial",
        score: tests.filter((t) => t.exercise === 1).reduce((s, t) => s + t.score, 0),
        max_score: 3,
        duration_ms: 5,
        output: "",
      },
      {
        id: 2,
        slug: "quiz",
        title: "Quiz",
        file: "ex02.ts",
        status: "failed",
        score: 0,
        max_score: 2,
        duration_ms: 5,
        output: "",
      },
    ],
    tests,
    flags: [],
    scan: [],
    diagnostics: [],
    graded_at: "2026-01-02T03:04:05.678Z",
    ...over,
  };
}

const mixed = record("alice", [
  test("ex01.t1", "passed", 1, 1),
  test("ex01.t2", "timeout", 0, 1, "timed out after 2 s (possible infinite loop)"),
  test("ex01.t3", "failed", 0, 1, "Expected: 3\nReceived: <script>&\u0001"),
  test("ex02.t1", "error", 0, 1, "the suite could not run:\nSyntaxError"),
  test("ex02.t2", "integrity-error", 0, 1, "not scored"),
]);

describe("Gradescope results", () => {
  it("are valid and carry manifest scores, numbers, visibility and per-test timing", () => {
    const gs = toGradescope(mixed);
    expect(validateGradescope(gs)).toEqual([]);
    expect(gs.score).toBe(1);
    expect(gs.tests.map((t) => [t.number, t.status, t.score, t.max_score])).toEqual([
      ["1.1", "passed", 1, 1],
      ["1.2", "failed", 0, 1],
      ["1.3", "failed", 0, 1],
      ["2.1", "failed", 0, 1],
      ["2.2", "failed", 0, 1],
    ]);
    expect(gs.tests[1].output).toMatch(/^timed out\n/);
    expect(gs.tests[0].extra_data.execution_time).toBe(0.012);
  });

  it("count only visible checks in the student-visible summary (finding 3)", () => {
    const hidden = (t: TestResult, v: TestResult["visibility"]): TestResult => ({ ...t, visibility: v });
    const r = record(
      "dana",
      [
        test("ex01.t1", "passed", 2, 2),
        test("ex01.t2", "passed", 1, 1),
        hidden(test("ex01.t3", "failed", 0, 1, "hidden detail"), "hidden"),
        hidden(test("ex02.t1", "failed", 0, 1), "after_published"),
        hidden(test("ex02.t2", "passed", 1, 1), "after_due_date"),
      ],
      {
        flags: [{ code: "errors-cleared", severity: "integrity", message: "x", test: "ex01.t3" }],
        output: "4/6 points; 3 of 5 checks passed; 1 integrity problem(s)",
      },
    );
    const gs = toGradescope(r);
    expect(validateGradescope(gs)).toEqual([]);
    expect(gs.output).toBe(
      "3/3 points on visible checks; 2 of 2 visible checks passed; more checks are scored when results are published",
    );
    expect(gs.output).not.toMatch(/\/6|of 5|integrity/);
    expect(gs.tests.filter((t) => t.visibility === "visible")).toHaveLength(2);
    expect(toGradescope(mixed).output).toBe("1/5 points on visible checks; 1 of 5 visible checks passed");
  });

  it("validation catches what Gradescope would reject", () => {
    const gs = toGradescope(mixed) as unknown as Record<string, any>;
    expect(validateGradescope({ ...gs, grade: 1 })).toEqual(['unknown top-level key "grade"']);
    expect(validateGradescope({ ...gs, score: 5 })).toEqual([
      "score 5 differs from the sum of test scores 1",
    ]);
    const badTests = gs.tests.map((t: any, i: number) => (i === 0 ? { ...t, status: "ok", score: 2 } : t));
    expect(validateGradescope({ ...gs, score: 2, tests: badTests })).toEqual([
      "tests[0]: score exceeds max_score",
      'tests[0]: status must be "passed" or "failed"',
    ]);
    expect(
      validateGradescope({ ...gs, tests: [{ ...gs.tests[0], visibility: "secret" }], score: 1 })[0],
    ).toMatch(/visibility must be one of/);
    expect(validateGradescope([])).toEqual(["results.json must be a JSON object"]);
  });
});

const run = "/tmp/tensorlings-grade-Xy12/ex1-0-ab";
const hostile = record(
  "@octocat",
  [
    test(
      "ex01.t1",
      "failed",
      0,
      1,
      `\u001b[2J\u001b[HExpected 3\u0007 at ${run}/submission/ex01.ts:2:3\n${"spam ".repeat(2000)}`,
    ),
  ],
  {
    output: "\u001b]0;title\u0007summary",
    flags: [{ code: "id-collision", severity: "incident", message: "names \u001b[31m/home/x/y\u001b[0m" }],
    exercises: [
      {
        id: 1,
        slug: "add",
        title: "Add",
        file: "ex01.ts",
        status: "failed",
        score: 0,
        max_score: 1,
        duration_ms: 1,
        output: `console \u001b[2Jout at /srv/kit/src/ops.ts:1\n${"x".repeat(5000)}`,
      },
    ],
    error: `grading failed: Error\n    at f (${run}/harness/x.js:1:1)`,
  },
);
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const absolute = /\/tmp\/|\/srv\/|\/home\//;

describe("learner text in every report", () => {
  it("is capped, free of control sequences and of absolute paths in Gradescope output", () => {
    const gs = toGradescope(hostile);
    expect(validateGradescope(gs)).toEqual([]);
    const out = gs.tests[0].output;
    expect(out.startsWith("failed\nExpected 3 at <path>/ex01.ts:2:3\nspam spam")).toBe(true);
    expect(out.length).toBeLessThanOrEqual("failed\n".length + LEARNER_TEXT_MAX);
    expect(out.endsWith("…")).toBe(true);
    for (const text of [JSON.stringify(gs), gs.output, out]) {
      expect(text).not.toMatch(controls);
      expect(text).not.toMatch(absolute);
    }
  });

  it("is clean in the JUnit XML and the cleaned record, which keeps paths under known roots relative", () => {
    const xml = toJUnit([hostile]);
    expect(validateJUnit(xml)).toEqual([]);
    expect(xml).not.toMatch(controls);
    expect(xml).not.toMatch(absolute);
    const clean = cleanRecord(hostile, { roots: [run] });
    expect(clean.tests[0].message).toMatch(/^Expected 3 at submission\/ex01\.ts:2:3\n/);
    expect(clean.exercises[0].output).toMatch(/^console out at <path>\/ops\.ts:1\n/);
    expect(clean.exercises[0].output.length).toBe(TEXT_LIMITS.exerciseOutput);
    expect(clean.flags[0].message).toBe("names <path>/y");
    expect(clean.error).toBe("grading failed: Error\n    at f (harness/x.js:1:1)");
    expect(clean.output).toBe("summary");
    expect(JSON.stringify(clean)).not.toMatch(absolute);
    expect(hostile.tests[0].message).toContain("\u001b[2J"); // the input is not changed
  });

  it("escapes ids in the Markdown summary so no one is mentioned", () => {
    const md = summaryMarkdown([hostile, record("*bold*_[x](y)", [])], { title: "", exercises: [] as any });
    expect(md).not.toMatch(/@octocat/);
    expect(md).toContain("| @\u2060octocat |");
    expect(md).toContain("| \\*bold\\*\\_\\[x\\]\\(y\\) |");
  });
});

describe("batch outputs", () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "report-test-"));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it("write cleaned records, and a merge of shards stays clean and names shards relatively", () => {
    const shard = (n: number) => path.join(out, `shard-${n}`);
    const written = writeStudent(shard(1), hostile, { roots: [run] });
    writeStudent(shard(2), mixed);
    const onDisk = fs.readFileSync(path.join(shard(1), "results", "@octocat.json"), "utf8");
    expect(JSON.parse(onDisk)).toEqual(written);
    expect(onDisk).not.toMatch(absolute);
    expect(onDisk).not.toMatch(/\\u001b/);
    const { records, meta } = mergeShards([shard(1), shard(2)], path.join(out, "merged"));
    expect(records.map((r) => r.submission.id)).toEqual(["@octocat", "alice"]);
    expect(meta.mergedFrom).toEqual(["../shard-1", "../shard-2"]);
    const outputs = [
      ...["summary.md", "junit.xml", "grades.csv", "batch.json", "errors.json"],
      ...["gradebook-canvas.csv", "gradebook-moodle.csv", "feedback/alice.md", "feedback/@octocat.md"],
    ];
    for (const f of outputs) {
      const text = fs.readFileSync(path.join(out, "merged", f), "utf8");
      expect(text).not.toMatch(absolute);
      expect(text).not.toMatch(controls);
    }
  });
});

describe("JUnit XML", () => {
  it("validates, lists errors as <error> and timeouts as failures, and escapes learner text", () => {
    const xml = toJUnit([mixed, record("bob", [test("ex01.t1", "passed", 1, 1)])]);
    expect(validateJUnit(xml)).toEqual([]);
    const root = parseXml(xml);
    expect(root.attrs).toMatchObject({ tests: "6", failures: "2", errors: "2" });
    const alice = root.children[0];
    expect(alice.attrs).toMatchObject({ name: "alice", tests: "5", failures: "2", errors: "2" });
    const cases = alice.children.filter((c) => c.name === "testcase");
    expect(cases.map((c) => c.children.find((x) => x.name !== "properties")?.name ?? "pass")).toEqual([
      "pass",
      "failure",
      "failure",
      "error",
      "error",
    ]);
    expect(cases[1].children[1].attrs.type).toBe("timeout");
    expect(cases[2].children[1].text).toBe("Expected: 3\nReceived: <script>&");
    const props = cases[0].children[0].children.map((p) => [p.attrs.name, p.attrs.value]);
    expect(props).toContainEqual(["score", "1"]);
    expect(props).toContainEqual(["max_score", "1"]);
  });

  it("shows a submission the grader failed on as errors, never as an empty suite", () => {
    const failed = record("carol", [test("ex01.t1", "error", 0, 1, "not graded: the grader failed")], {
      status: "error",
      error: "boom",
    });
    const xml = toJUnit([failed]);
    expect(validateJUnit(xml)).toEqual([]);
    expect(xml).toContain('<testsuite name="carol" tests="1" failures="0" errors="1"');
  });

  it("validation catches malformed XML and counts that do not add up", () => {
    expect(
      validateJUnit("<testsuites><testsuite name='a' tests='1' failures='0' errors='0'></testsuites>")[0],
    ).toMatch(/not well-formed/);
    expect(
      validateJUnit(
        '<testsuites><testsuite name="a" tests="2" failures="0" errors="0"><testcase name="x" classname="c"/></testsuite></testsuites>',
      ),
    ).toEqual(['testsuite[0]: tests="2" but it has 1 testcase(s)']);
    expect(validateJUnit('<testsuite name="a" tests="0" failures="0" errors="0"/>')).toEqual([
      "the root element must be <testsuites>, not <testsuite>",
    ]);
    expect(() => parseXml("<a>&bogus;</a>")).toThrow(/unknown entity/);
    expect(() => parseXml("<a>1 & 2</a>")).toThrow(/bare '&'/);
  });
});

describe("gradebooks and summary", () => {
  const manifest = {
    title: "Course | kit",
    exercises: [
      { id: 1, slug: "add" },
      { id: 2, slug: "quiz" },
    ] as any,
  };

  it("writes one row per student with a column per exercise", () => {
    const csv = gradesCsv([mixed], manifest).trim().split("\n");
    expect(csv[0].split(",").slice(0, 9)).toEqual([
      "student_id",
      "original_name",
      "display_name",
      "submission_sha",
      "total",
      "max_total",
      "percent",
      "ex01_add (/3)",
      "ex02_quiz (/2)",
    ]);
    // No original or roster name on this record: empty cells, not "undefined".
    expect(csv[1].split(",").slice(0, 9)).toEqual([
      "alice",
      "",
      "",
      "ab".repeat(32),
      "1",
      "5",
      "20",
      "1",
      "0",
    ]);
    const text = longCsv([mixed]);
    const long = text.trim().split("\n");
    expect(long[0].split(",").pop()).toBe("message");
    expect(long[1]).toBe("alice,1,ex01.t1,passed,1,1,visible,12,");
    expect(long[2]).toBe(
      "alice,1,ex01.t2,timeout,0,1,visible,12,timed out after 2 s (possible infinite loop)",
    );
    // A multi-line message stays one quoted cell (RFC 4180).
    expect(text).toContain('alice,1,ex01.t3,failed,0,1,visible,12,"Expected: 3\nReceived: <script>&');
    expect(text).toContain("alice,2,ex02.t2,integrity-error,0,1,visible,12,not scored\n");
  });

  it("carries each student's original folder, zip or file name and roster display name (finding 4)", () => {
    const named = record("Jos\u00e9_Garc\u00eda", [test("ex01.t1", "passed", 1, 1)]);
    named.submission.original_name = "Jos\u00e9 Garc\u00eda.zip";
    named.submission.display_name = "Garc\u00eda, Jos\u00e9";
    const lines = gradesCsv([named, mixed], manifest).trim().split("\n");
    expect(lines[0].startsWith("student_id,original_name,display_name,submission_sha,")).toBe(true);
    // A comma in the roster's name is quoted, so the row keeps its columns.
    expect(
      lines[1].startsWith('Jos\u00e9_Garc\u00eda,Jos\u00e9 Garc\u00eda.zip,"Garc\u00eda, Jos\u00e9",ab'),
    ).toBe(true);
    expect(lines[2].startsWith("alice,,,ab")).toBe(true);
  });

  it("names a passing grade pass, partial or zero, never fail (finding 6)", () => {
    const status = (r: GradeRecord) => gradesCsv([r], manifest).trim().split("\n")[1].split(",")[9];
    expect(status(record("a", [test("ex01.t1", "passed", 1, 1)]))).toBe("pass");
    expect(status(mixed)).toBe("partial");
    expect(status(record("c", [test("ex01.t1", "failed", 0, 1)]))).toBe("zero");
    expect(status(record("d", [test("ex01.t1", "error", 0, 1)], { status: "error" }))).toBe("error");
    expect(gradeWord({ status: "fail", score: 39, max_score: 41 })).toBe("partial");
  });

  it("write Canvas and Moodle gradebook imports (finding 6)", () => {
    const canvasStudent = record("leezoe_1234567_8901234_hw9", [test("ex01.t1", "passed", 1, 1)]);
    const broken = record("zed", [test("ex01.t1", "error", 0, 1)], { status: "error" });
    const canvas = canvasGradebookCsv([canvasStudent, mixed, broken], "HW 9").trim().split("\n");
    expect(canvas).toEqual([
      "Student,ID,SIS User ID,SIS Login ID,Section,HW 9",
      "Points Possible,,,,,1",
      "leezoe_1234567_8901234_hw9,1234567,,leezoe_1234567_8901234_hw9,,1",
      "alice,,,alice,,1",
      "zed,,,zed,,",
    ]);
    expect(canvasUserId("smithjo_LATE_42_7_ex01.ts")).toBe("42");
    // A roster id in place of the download name: the user id comes from the original name.
    const rostered = record("s004", [test("ex01.t1", "passed", 1, 1)]);
    rostered.submission.original_name = "leezoe_1234567_8901234_hw9";
    expect(canvasGradebookCsv([rostered], "HW 9").trim().split("\n")[2]).toBe("s004,1234567,,s004,,1");
    const moodle = moodleGradebookCsv([mixed, broken], "HW 9").trim().split("\n");
    expect(moodle).toEqual([
      "Username,HW 9,Feedback",
      "alice,1,1/5 points (partial)",
      "zed,,not graded: the grader failed",
    ]);
  });

  it("write per-student feedback: scores, failed visible checks with messages, hints (finding 6)", () => {
    const withHidden = record("erin", [
      test("ex01.t1", "passed", 1, 1),
      test("ex01.t2", "failed", 0, 1, "Expected: 3\nReceived: 4"),
      { ...test("ex01.t3", "failed", 0, 1, "secret detail"), visibility: "hidden" },
      { ...test("ex02.t1", "failed", 0, 2, "hidden only"), visibility: "after_published" },
    ]);
    const text = feedbackMarkdown(withHidden, {
      title: "HW 9",
      exercises: [
        { id: 1, hints: ["Read lesson 2.", "Use tf.add."] },
        { id: 2, hints: ["never shown"] },
      ],
    });
    expect(text).toContain("# Feedback: HW 9");
    expect(text).toContain("| 1. Add | 1/3 |");
    expect(text).toContain("| 2. Quiz | 0/2 |");
    expect(text).toContain("- **check ex01.t2** (0/1, failed)");
    expect(text).toContain("  Expected: 3\n  Received: 4\n");
    expect(text).toContain("1. Read lesson 2.\n2. Use tf.add.");
    expect(text).toContain("1 further check(s) are shown when results are published");
    expect(text).not.toMatch(/secret detail|hidden only|never shown|ex01\.t3/);
    expect(text).toContain("Result: partial, 1/2 points on visible checks");
  });

  it("quotes CSV cells and defuses spreadsheet formulas", () => {
    expect(toCsv([["=1+1", 'a "b", c', 3]])).toBe(`'=1+1,"a ""b"", c",3\n`);
  });

  it("summarises in Markdown without letting names break the table", () => {
    const md = summaryMarkdown([record("eve|x", [test("ex01.t1", "failed", 0, 1)])], manifest, "Shard 1/2.");
    expect(md).toContain("## Grading summary: Course \\| kit");
    expect(md).toContain("| eve\\|x | 0/1 |");
    expect(md).toContain("Shard 1/2.");
    expect(md).toContain("- `ex01.t1` check ex01.t1: 1 of 1");
  });
});

/**
 * The 8-student demo class (tests/fixtures/demo-class) graded once with the fixture kit: every
 * output a batch writes exists and says what the class handed in; then one submission changes
 * and a rerun regrades that student alone.
 */
import { parse } from "csv-parse/sync";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runBatch, type BatchResult } from "../../grader/batch/batch";
import type { GradeRecord } from "../../grader/engine/types";
import { validateGradescope, validateJUnit } from "../../grader/report/validate";
import { buildDemoClass, demoBatchOptions, DEMO_ZIP } from "../fixtures/demo-class/build";

/** What each hand-in is (see the fixture's README): id, original name, roster name, score of 8. */
const CLASS: Array<[string, string, string, number]> = [
  ["s001", "alice", "Alice Martin", 8],
  ["s002", "bob", "Bob Novak", 0],
  ["s003", "chen", "Chen Wei", 5],
  ["s004", DEMO_ZIP, "Zoe Lee", 8],
  ["s006", "garciamaria_12345_67890", "María García", 6],
  ["s007", "José García", "José García", 5],
  ["s008", "dana", "Dana Okafor", 8],
  ["李雷", "李雷", "", 7],
];
const IDS = CLASS.map(([id]) => id);

let work: string;
let subs: string;
let out: string;
let first: BatchResult;
let firstMs: number;
const read = (rel: string) => fs.readFileSync(path.join(out, rel), "utf8");
const csv = (rel: string) => parse(read(rel), { columns: true }) as Record<string, string>[];
const recordOf = (id: string) => JSON.parse(read(path.join("results", `${id}.json`))) as GradeRecord;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "demo-class-test-"));
  subs = path.join(work, "submissions");
  out = path.join(work, "out");
  buildDemoClass(subs);
  const started = Date.now();
  first = await runBatch(demoBatchOptions(subs, out));
  firstMs = Date.now() - started;
}, 300_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("the demo class, graded once", () => {
  it("takes every hand-in: folders, the Canvas zip, Canvas and Moodle loose files, a name off the roster", () => {
    // Wall time of 8 students with --jobs 2 on the fixture kit, for the record.
    console.log(`demo class: 8 students graded in ${(firstMs / 1000).toFixed(1)} s`);
    expect(first.exitCode).toBe(0);
    expect(first.unrecognised).toEqual([]);
    expect(first.offRoster).toEqual(["李雷"]);
    expect(first.missing).toEqual([]);
    expect([...first.regraded].sort()).toEqual([...IDS].sort());
    for (const [id, original, display, score] of CLASS) {
      const r = recordOf(id);
      expect([r.submission.original_name, r.submission.display_name ?? "", r.score, r.max_score]).toEqual([
        original,
        display,
        score,
        8,
      ]);
    }
    // The zip's __MACOSX junk is not part of the submission.
    expect(recordOf("s004").submission.files).toEqual(["ex01.ts", "ex02.ts", "ex03/index.ts"]);
  });

  it("writes grades.csv with original and display names and the maximum of each exercise", () => {
    const rows = csv("grades.csv");
    expect(Object.keys(rows[0]).slice(0, 10)).toEqual([
      "student_id",
      "original_name",
      "display_name",
      "submission_sha",
      "total",
      "max_total",
      "percent",
      "ex01_add (/3)",
      "ex02_quiz (/3)",
      "ex03_slow-sum (/2)",
    ]);
    expect(
      rows.map((r) => [r.student_id, r.original_name, r.display_name, Number(r.total), r.status]),
    ).toEqual(
      CLASS.map(([id, original, display, score]) => [
        id,
        original,
        display,
        score,
        score === 8 ? "pass" : score === 0 ? "zero" : "partial",
      ]),
    );
  });

  it("writes the long CSV with the message of every check that did not pass", () => {
    const rows = csv("grades-long.csv");
    expect(rows).toHaveLength(8 * 7);
    const failed = rows.filter((r) => r.status !== "passed");
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) expect(r.message).not.toBe("");
    expect(rows.filter((r) => r.status === "passed").every((r) => r.message === "")).toBe(true);
    const chenQuiz = rows.find((r) => r.student_id === "s003" && r.test_id === "ex02.q1")!;
    expect(chenQuiz.message).toContain("3 is odd: an even number divides by 2.");
  });

  it("writes valid JUnit and Gradescope results for every student", () => {
    const xml = read("junit.xml");
    expect(validateJUnit(xml)).toEqual([]);
    expect(xml.match(/<testsuite /g)).toHaveLength(8);
    for (const [id, , , score] of CLASS) {
      const gs = JSON.parse(read(path.join("gradescope", id, "results.json")));
      expect(validateGradescope(gs)).toEqual([]);
      expect(gs.score).toBe(score);
    }
  });

  it("writes summary.md with median, quartiles, histogram and pass rates, and summary.svg beside it", () => {
    const md = read("summary.md");
    // Scores 0, 5, 5, 6, 7, 8, 8, 8 of 8.
    expect(md).toContain(
      "median 81.25 %, quartiles 62.5 % – 100 % (linear interpolation), range 0 % – 100 %",
    );
    expect(md).toMatch(/\| 0–9 \| 1 \| █+ \|/);
    expect(md).toMatch(/\| 60–69 \| 2 \| █+ \|/);
    expect(md).toMatch(/\| 100 \| 3 \| █{20} \|/);
    expect(md).toContain("| 1. Add two numbers | 75 % (of 8) |");
    expect(md).toContain("| 2. Two structured answers | 62.5 % (of 8) |");
    expect(md).toContain("| 3. A folder exercise with a slow check | 50 % (of 8) |");
    expect(md).toContain("![Score histogram and pass rate per exercise](summary.svg)");
    const svg = read("summary.svg");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("<title>100: 3</title>");
  });

  it("writes one feedback file per student, and LMS gradebooks with every student", () => {
    expect(fs.readdirSync(path.join(out, "feedback")).sort()).toEqual(IDS.map((id) => `${id}.md`).sort());
    const chen = read(path.join("feedback", "s003.md"));
    expect(chen).toContain("**picks the even option** (0/2, failed)");
    expect(chen).toContain("3 is odd: an even number divides by 2.");
    const canvas = csv("gradebook-canvas.csv");
    expect(canvas[0].Student).toBe("Points Possible");
    expect(canvas.slice(1).map((r) => r["SIS Login ID"])).toEqual(IDS);
    // The roster renamed the Canvas zip's student; Canvas still gets the user id from its name.
    expect(canvas.find((r) => r.Student === "s004")!.ID).toBe("1234567");
    // So do loose Canvas files, whose original name is their download prefix.
    expect(canvas.find((r) => r.Student === "s006")!.ID).toBe("12345");
    const moodle = csv("gradebook-moodle.csv");
    expect(moodle.map((r) => [r.Username, Number(Object.values(r)[1])])).toEqual(
      CLASS.map(([id, , , score]) => [id, score]),
    );
  });

  it("notes copies of the shipped files and identical pairs, and ranks the renamed copy in similarity.md", () => {
    const codes = (id: string) => recordOf(id).flags.map((f) => `${f.code}:${f.exercise}`);
    expect(codes("s002")).toEqual(["matches-starter:1", "matches-starter:2", "matches-starter:3"]);
    expect(codes("s008")).toEqual(["matches-solution:1", "matches-solution:2", "matches-solution:3"]);
    // Three students wrote the same two-line add; two handed in the same quiz file.
    for (const id of ["s003", "s004", "s006"]) expect(codes(id)).toContain("identical-submission:1");
    for (const id of ["s006", "s007"]) expect(codes(id)).toContain("identical-submission:2");
    for (const id of ["s001", "李雷"]) expect(codes(id)).toEqual([]);
    const sim = read("similarity.md");
    expect(sim).toMatch(/^# Similarity report \(advisory\)/);
    const flagged = sim.split("\n").filter((l) => l.startsWith("| ⚑"));
    expect(flagged).toEqual([
      expect.stringMatching(/^\| ⚑ \| ex03 \| s004 \| 李雷 \| \d+(\.\d)?% \| ex03\/index\.ts:\d+-\d+ ↔ /),
    ]);
    expect(first.similar[0]).toMatchObject({ exercise: 3, a: "s004", b: "李雷" });
    expect(first.similar[0].percent).toBeGreaterThanOrEqual(90);
    // Advisory only: the copy keeps the points its code earns, and no similarity flag is added.
    expect(recordOf("李雷").score).toBe(7);
  });
});

describe("the demo class, rerun after one student changed a file", () => {
  it("regrades exactly that student and takes the others from <out>/.cache", async () => {
    expect(fs.readdirSync(path.join(out, ".cache")).length).toBeGreaterThanOrEqual(8);
    fs.writeFileSync(
      path.join(subs, "chen", "ex03", "index.ts"),
      "export function slowSum(n: number): number {\n  let sum = 0;\n  for (let k = n - 1; k > 0; k--) sum += k;\n  return sum;\n}\n",
    );
    const started = Date.now();
    const second = await runBatch(demoBatchOptions(subs, out));
    console.log(`demo class rerun: 1 regraded, 7 cached in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(second.regraded).toEqual(["s003"]);
    expect([...second.cached].sort()).toEqual(IDS.filter((id) => id !== "s003").sort());
    expect(recordOf("s003").score).toBe(6);
    expect(csv("grades.csv").find((r) => r.student_id === "s003")!.total).toBe("6");
    expect(read("summary.md")).toContain("| s003 | 6/8 | partial |");
  }, 120_000);
});

describe("a similarity report that cannot be made", () => {
  it("says why in similarity.md and leaves every grade as it was", async () => {
    const before = read("grades.csv");
    const third = await runBatch({ ...demoBatchOptions(subs, out), similarity: { minTokens: 0 } });
    expect(third.regraded).toEqual([]);
    expect(third.similar).toEqual([]);
    expect(read("similarity.md")).toContain("Not made: similarity minTokens must be a positive whole number");
    const totals = (text: string) => text.split("\n").map((l) => l.split(",").slice(0, 5).join(","));
    expect(totals(read("grades.csv"))).toEqual(totals(before));
  }, 120_000);
});

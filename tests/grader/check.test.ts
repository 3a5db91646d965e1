/**
 * `grade:check` on the fixture kit: a clean kit passes; a manifest test with no suite test, a suite
 * test missing from the manifest, a broken solution and a starter that already scores all fail it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main, matchIds, suiteTestIds } from "../../grader/cli/check";
import { loadManifest } from "../../grader/manifest";
import { SOLUTION, STUB, SUITES } from "./support/corpus";

jest.setTimeout(180_000);

let work: string;
let log: jest.SpyInstance;
const printed = () => log.mock.calls.flat().join("\n");

/** A copy of the fixture kit's suites, solution and starters to spoil. */
function copyKit(): { tests: string; solutions: string; starters: string } {
  const dirs = {
    tests: path.join(work, "tests"),
    solutions: path.join(work, "solution"),
    starters: path.join(work, "ex"),
  };
  fs.cpSync(SUITES, dirs.tests, { recursive: true });
  fs.cpSync(SOLUTION, dirs.solutions, { recursive: true });
  fs.cpSync(STUB, dirs.starters, { recursive: true });
  return dirs;
}

const args = (d: { tests: string; solutions: string; starters: string }) => [
  "--tests",
  d.tests,
  "--solutions",
  d.solutions,
  "--starters",
  d.starters,
  "--no-sandbox",
];

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "grade-check-"));
  log = jest.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => {
  log.mockRestore();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("grade:check", () => {
  it("reads test ids from suite text, templates included", () => {
    const text =
      'test("[a.b] x", f);\nit.skip(\'[c] y\', f);\ntest(`[ex11.${q}-count] z`, f);\ntest("no id", f);';
    expect(suiteTestIds(text)).toEqual(["a.b", "c", "ex11.${q}-count"]);
    expect(suiteTestIds(fs.readFileSync(path.join(SUITES, "ex01.spec.ts"), "utf8"))).toEqual([
      "ex01.t1",
      "ex01.t2",
      "ex01.t3",
    ]);
  });

  it("finds every id of the kit's own suites in both directions (a static read)", () => {
    expect(matchIds(loadManifest(path.join(__dirname, "..", "..", "grader", "suites")))).toEqual([]);
  });

  it("passes the fixture kit and labels the folders it graded", async () => {
    expect(await main(["--tests", SUITES, "--solutions", SOLUTION, "--starters", STUB, "--no-sandbox"])).toBe(
      0,
    );
    const out = printed();
    expect(out).toContain(
      `reference solutions score full marks (${path.relative(process.cwd(), SOLUTION)}: 8/8)`,
    );
    expect(out).toContain(`starters score zero (${path.relative(process.cwd(), STUB)}: 0/8)`);
    expect(out).toMatch(/ready to release/);
  });

  it("fails on a manifest test with no suite test and a suite test missing from the manifest", async () => {
    const d = copyKit();
    const file = path.join(d.tests, "manifest.json");
    const m = JSON.parse(fs.readFileSync(file, "utf8"));
    m.exercises[0].tests.push({ id: "ex01.t4", name: "adds zero", points: 1 });
    m.exercises[1].tests = m.exercises[1].tests.filter((t: { id: string }) => t.id !== "ex02.q2");
    fs.writeFileSync(file, JSON.stringify(m, null, 2));
    expect(await main(args(d))).toBe(1);
    const out = printed();
    expect(out).toContain(
      'exercise 1: manifest test "ex01.t4" has no test named "[ex01.t4] …" in ex01.spec.ts',
    );
    expect(out).toContain('exercise 2: ex02.spec.ts has a test "[ex02.q2] …" that is not in the manifest');
    expect(out).toMatch(/NOT ready/);
  });

  it("fails when a solution loses points or a starter earns them, naming the graded file", async () => {
    const d = copyKit();
    fs.writeFileSync(
      path.join(d.solutions, "ex01.ts"),
      "export function add(a: number, b: number): number {\n  return a > 0 ? a + b : 0;\n}\n",
    );
    fs.copyFileSync(path.join(SOLUTION, "ex02.ts"), path.join(d.starters, "ex02.ts"));
    expect(await main(args(d))).toBe(1);
    const out = printed();
    // Folders outside the current one are named in full.
    expect(out).toContain(`${path.join(d.solutions, "ex01.ts")}: [ex01.t2] adds negative integers: failed`);
    expect(out).toContain(
      `${path.join(d.starters, "ex02.ts")}: [ex02.q1] picks the even option: passes on the starter`,
    );
    expect(out).not.toMatch(/exercises\/ex01\.ts/);
  });

  it("exits 2 on a manifest typo or a missing --tests", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const d = copyKit();
      const file = path.join(d.tests, "manifest.json");
      const m = JSON.parse(fs.readFileSync(file, "utf8"));
      m.exercises[0].tests[0].point = 3;
      fs.writeFileSync(file, JSON.stringify(m, null, 2));
      expect(await main(args(d))).toBe(2);
      expect(errors.mock.calls.flat().join("\n")).toMatch(/unknown key "point"; did you mean "points"/);
      expect(await main([])).toBe(2);
    } finally {
      errors.mockRestore();
    }
  });
});

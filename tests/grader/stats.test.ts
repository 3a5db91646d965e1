import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeAggregates } from "../../grader/batch/outputs";
import type { GradeRecord } from "../../grader/engine/types";
import { summarySvg } from "../../grader/report/chart";
import { classStats, quantile } from "../../grader/report/stats";
import { summaryMarkdown } from "../../grader/report/summary";
import { parseXml } from "../../grader/report/validate";

/** A record with exercise 1 worth 6 and exercise 2 worth 4 (total 10). */
function student(id: string, ex1: number, ex2: number, status: GradeRecord["status"] = "fail"): GradeRecord {
  const ex = (n: number, score: number, max: number) => ({
    id: n,
    slug: `e${n}`,
    title: `Ex ${n}`,
    file: `ex0${n}.ts`,
    status: "partial" as const,
    score,
    max_score: max,
    duration_ms: 1,
    output: "",
  });
  return {
    schemaVersion: 1,
    submission: { id, sha256: "ab".repeat(32), source: id, root: "", files: [] },
    grader: {
      version: "0.1.0",
      testsHash: "cd".repeat(32),
      node: "20",
      seed: 1,
      mode: "batch",
      sandbox: { sandboxed: true, note: "bubblewrap" },
    },
    status,
    score: ex1 + ex2,
    max_score: 10,
    execution_time: 1,
    output: "",
    exercises: [ex(1, ex1, 6), ex(2, ex2, 4)],
    tests: [],
    flags: [],
    scan: [],
    diagnostics: [],
    graded_at: "2026-01-02T03:04:05.678Z",
  };
}

// Percentages 100, 100, 90, 50, 35, 0; one grader error that must not count.
const klass = [
  student("a", 6, 4, "pass"),
  student("b", 6, 4, "pass"),
  student("c", 6, 3),
  student("d", 3, 2),
  student("e", 3.5, 0),
  student("f", 0, 0),
  student("g", 0, 0, "error"),
];
const manifest = {
  title: "HW <9>",
  exercises: [
    { id: 1, slug: "e1" },
    { id: 2, slug: "e2" },
  ] as any,
};

describe("class statistics (finding 9)", () => {
  it("interpolate quantiles like NumPy's default", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([7], 0.75)).toBe(7);
    expect(quantile([], 0.5)).toBe(0);
  });

  it("give median, quartiles, histogram and pass rate over graded submissions", () => {
    const s = classStats(klass);
    expect(s.count).toBe(6);
    // sorted: 0 35 50 90 100 100
    expect(s.median).toBe(70);
    expect(s.q1).toBe(38.75);
    expect(s.q3).toBe(97.5);
    expect([s.min, s.max]).toEqual([0, 100]);
    expect(s.mean).toBe(62.5);
    expect(s.histogram.map((b) => b.count)).toEqual([1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 2]);
    expect(s.histogram[10].label).toBe("100");
    expect(s.exercises.map((e) => [e.id, Math.round(e.passRate * 100) / 100])).toEqual([
      [1, 50],
      [2, 33.33],
    ]);
  });

  it("appear in summary.md with a link to the chart", () => {
    const md = summaryMarkdown(klass, manifest, "", "summary.svg");
    expect(md).toContain("median 70 %, quartiles 38.75 % – 97.5 %");
    expect(md).toContain("![Score histogram and pass rate per exercise](summary.svg)");
    expect(md).toContain("| 100 | 2 | ████████████████████ |");
    expect(md).toContain("| 30–39 | 1 | ██████████ |");
    expect(md).toContain("| 1. Ex 1 | 50 % (of 6) | 68.06 % |");
    expect(md).toContain("| c | 9/10 | partial |");
    expect(summaryMarkdown(klass, manifest)).not.toContain("summary.svg");
  });

  it("draw summary.svg as well-formed SVG with one bar per bin and exercise", () => {
    const svg = summarySvg(classStats(klass), manifest.title);
    const root = parseXml(svg);
    expect(root.name).toBe("svg");
    expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
    const bars = root.children.filter((c) => c.name === "rect" && c.children.length);
    expect(bars).toHaveLength(11 + 2);
    expect(bars.map((b) => Number(b.attrs.height)).slice(9, 13)).toEqual([80, 160, 80, 53]);
    expect(root.children.find((c) => c.name === "title")?.text).toBe("Grading summary: HW <9>");
  });

  it("are written beside summary.md by a batch, with current feedback files only", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "stats-test-"));
    try {
      const meta = {
        testsHash: "x",
        graderVersion: "0",
        shard: null,
        students: [],
        started: "",
        finished: "",
      };
      writeAggregates(out, klass, manifest, meta);
      expect(fs.readFileSync(path.join(out, "summary.md"), "utf8")).toContain("](summary.svg)");
      expect(fs.readFileSync(path.join(out, "summary.svg"), "utf8")).toMatch(/^<svg /);
      expect(fs.readdirSync(path.join(out, "feedback")).sort()).toEqual(
        ["a", "b", "c", "d", "e", "f", "g"].map((id) => `${id}.md`),
      );
      // A student gone from the class loses their feedback file; a rerun writes only current ones.
      writeAggregates(out, klass.slice(1), manifest, meta);
      expect(fs.existsSync(path.join(out, "feedback", "a.md"))).toBe(false);
      expect(fs.readdirSync(path.join(out, "feedback"))).toHaveLength(6);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

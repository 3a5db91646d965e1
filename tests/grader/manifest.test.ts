import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  canonicalAnswer,
  checkAgainstKey,
  checkAnswer,
  hashAnswer,
  main as answerKeyMain,
  makeAnswerKey,
} from "../../grader/answers";
import {
  exerciseMaxScore,
  loadManifest,
  ManifestError,
  manifestMaxScore,
  parseManifest,
} from "../../grader/manifest";
import { testIdFromName } from "../../grader/testIds";
import { main as batchMain } from "../../grader/batch/cli";
import { SUITES } from "./support/corpus";

const minimal = (over: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  exercises: [
    {
      id: 1,
      slug: "a",
      file: "ex01.ts",
      title: "A",
      timeoutMs: 1000,
      tests: [{ id: "ex01.t1", name: "one", points: 2 }],
      ...over,
    },
  ],
});

describe("manifest", () => {
  it("loads the fixture kit's manifest with defaults and a tests hash", () => {
    const m = loadManifest(SUITES);
    expect(m.exercises.map((e) => [e.id, e.file, e.suite])).toEqual([
      [1, "ex01.ts", "ex01.spec.ts"],
      [2, "ex02.ts", "ex02.spec.ts"],
      [3, "ex03/", "ex03.spec.ts"],
    ]);
    expect(m.testsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifestMaxScore(m)).toBe(8);
    expect(exerciseMaxScore(m.exercises[1])).toBe(3);
    expect(m.exercises[2].tests[0].timeoutMs).toBe(4000);
    expect(m.exercises[0].typecheck).toBe("gate");
  });

  it("fills in the suite name, visibility, memory cap and default points", () => {
    const m = parseManifest({
      schemaVersion: 1,
      exercises: [
        { id: 7, slug: "s", file: "ex07.ts", title: "T", points: 3, tests: [{ id: "ex07.t1", name: "n" }] },
      ],
    });
    const ex = m.exercises[0];
    expect(ex.suite).toBe("ex07.test.ts");
    expect(ex.tests[0]).toEqual({ id: "ex07.t1", name: "n", points: 3, visibility: "visible" });
    expect(ex.memoryMb).toBe(1024);
    expect(ex.allowChildProcess).toBe(false);
  });

  it.each([
    [
      "a duplicate exercise id",
      {
        exercises: [
          minimal().exercises[0],
          { ...minimal().exercises[0], file: "b.ts", tests: [{ id: "x", name: "x" }] },
        ],
      },
      /id 1 is used twice/,
    ],
    [
      "a duplicate test id",
      { exercises: [minimal().exercises[0], { ...minimal().exercises[0], id: 2, file: "b.ts" }] },
      /"ex01.t1" is used twice/,
    ],
    ["a file leaving the submission", minimal({ file: "../ex01.ts" }), /relative path inside the submission/],
    ["a file that is not TypeScript", minimal({ file: "ex01.js" }), /must end in \.ts/],
    [
      "an unknown visibility",
      minimal({ tests: [{ id: "t", name: "n", visibility: "secret" }] }),
      /visibility must be one of/,
    ],
    [
      "an answer without a key",
      minimal({ tests: [{ id: "t", name: "n", answer: "q9" }] }),
      /must name a key/,
    ],
    ["a malformed key", minimal({ answers: { q1: { salt: "s", sha256: "abc" } } }), /64-hex-digit sha256/],
    ["no tests", minimal({ tests: [] }), /tests must be a non-empty array/],
    [
      "a lesson that does not exist",
      minimal({ lesson: 12 }),
      /exercise 1: lesson 12 does not exist \(lessons are numbered 0 to 11\)/,
    ],
    ["a lesson that is not a number", minimal({ lesson: "4" }), /exercise 1: lesson must be a lesson number/],
    [
      "a schema version other than 1",
      { schemaVersion: 2, exercises: minimal().exercises },
      /top level: schemaVersion must be 1 \(got 2\)/,
    ],
    [
      "negative points",
      minimal({ tests: [{ id: "t", name: "n", points: -1 }] }),
      /points must be a number >= 0/,
    ],
    [
      "a scanAllow rule the scan does not have",
      minimal({ scanAllow: ["fs-writes"] }),
      /scanAllow must be .*fs-write/,
    ],
  ])("rejects %s with a clear message", (_what, raw, message) => {
    const run = () => parseManifest({ schemaVersion: 1, ...raw });
    expect(run).toThrow(ManifestError);
    expect(run).toThrow(message);
  });

  it.each([
    ["visiblity", "visibility"],
    ["point", "points"],
    ["timeoutMS", "timeoutMs"],
  ])("rejects the test key %s with its line:column and a suggestion", (typo, meant) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-typo-"));
    try {
      const m = JSON.parse(fs.readFileSync(path.join(SUITES, "manifest.json"), "utf8"));
      m.exercises[1].tests[1][typo] = 3;
      const text = JSON.stringify(m, null, 2);
      fs.writeFileSync(path.join(dir, "manifest.json"), text);
      for (const f of fs.readdirSync(SUITES))
        if (f !== "manifest.json") fs.copyFileSync(path.join(SUITES, f), path.join(dir, f));
      const lines = text.split("\n");
      const line = lines.findIndex((l) => l.includes(`"${typo}"`));
      const column = lines[line].indexOf(`"${typo}"`) + 1;
      expect(() => loadManifest(dir)).toThrow(
        `manifest.json:${line + 1}:${column}: exercise 2 tests[1]: unknown key "${typo}"; did you mean "${meant}"?`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("puts line:column in front of every problem, not only unknown keys", () => {
    const m = minimal({ tests: [{ id: "ex01.t1", name: "one", visibility: "secret" }] });
    const text = JSON.stringify(m, null, 2);
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes('"visibility"'));
    const column = lines[line].indexOf('"visibility"') + 1;
    expect(() => parseManifest(JSON.parse(text), "/x/manifest.json", ".", text)).toThrow(
      `manifest.json:${line + 1}:${column}: exercise 1 tests[0]: visibility must be one of visible, hidden, after_due_date, after_published (got "secret")`,
    );
    const noTests = JSON.stringify(
      { schemaVersion: 1, exercises: [{ id: 1, slug: "a", file: "a.ts", title: "A" }] },
      null,
      2,
    );
    // A missing key is placed at the object that lacks it.
    expect(() => parseManifest(JSON.parse(noTests), "manifest.json", ".", noTests)).toThrow(
      "manifest.json:4:5: exercise 1: tests must be a non-empty array",
    );
  });

  it.each([
    [
      "the top level",
      { schemaVersion: 1, titel: "x", exercises: minimal().exercises },
      /top level: unknown key "titel"; did you mean "title"/,
    ],
    ["an exercise", minimal({ memoryMB: 64 }), /exercise 1: unknown key "memoryMB"; did you mean "memoryMb"/],
    ["an exercise (no near key)", minimal({ colour: "red" }), /unknown key "colour"; known keys: id, slug/],
    [
      "an answer key",
      minimal({ answers: { q1: { salt: "s", sha256: "a".repeat(64), feedbak: [] } } }),
      /answers.q1: unknown key "feedbak"; did you mean "feedback"/,
    ],
    [
      "a feedback entry",
      minimal({
        answers: {
          q1: { salt: "s", sha256: "a".repeat(64), feedback: [{ sha256: "b".repeat(64), mesage: "m" }] },
        },
      }),
      /exercise 1 answers.q1.feedback\[0\]: unknown key "mesage"; did you mean "message"/,
    ],
  ])("rejects an unknown key in %s", (_what, raw, message) => {
    expect(() => parseManifest(raw)).toThrow(message);
  });

  it("accepts every optional key the kit's own manifests use", () => {
    expect(() => loadManifest(path.join(__dirname, "..", "..", "grader", "suites"))).not.toThrow();
    expect(() =>
      parseManifest(
        minimal({
          lesson: 2,
          points: 1,
          suite: "x.test.ts",
          memoryMb: 256,
          allowChildProcess: true,
          typecheck: "report",
          hints: ["h"],
          answers: {
            q1: { salt: "s", sha256: "a".repeat(64), feedback: [{ sha256: "b".repeat(64), message: "m" }] },
          },
          tests: [
            {
              id: "t",
              name: "n",
              points: 0,
              visibility: "hidden",
              answer: "q1",
              timeoutMs: 5,
              advisory: true,
            },
          ],
        }),
      ),
    ).not.toThrow();
  });

  it("makes grade:batch exit with 2 and the message on a manifest typo", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-batch-"));
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const m = JSON.parse(fs.readFileSync(path.join(SUITES, "manifest.json"), "utf8"));
      m.exercises[0].tests[2].visiblity = "hidden";
      fs.mkdirSync(path.join(dir, "tests"));
      fs.writeFileSync(path.join(dir, "tests", "manifest.json"), JSON.stringify(m, null, 2));
      for (const f of fs.readdirSync(SUITES))
        if (f !== "manifest.json") fs.copyFileSync(path.join(SUITES, f), path.join(dir, "tests", f));
      fs.mkdirSync(path.join(dir, "subs", "alice"), { recursive: true });
      const code = await batchMain([
        "--submissions",
        path.join(dir, "subs"),
        "--out",
        path.join(dir, "out"),
        "--tests",
        path.join(dir, "tests"),
        "--no-sandbox",
      ]);
      expect(code).toBe(2);
      expect(errors.mock.calls.flat().join("\n")).toMatch(
        /manifest.json:\d+:\d+: exercise 1 tests\[2\]: unknown key "visiblity"; did you mean "visibility"\?/,
      );
    } finally {
      errors.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects a missing manifest and a missing suite file by name", () => {
    expect(() => loadManifest(__dirname)).toThrow(/no manifest.json/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
    try {
      fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(minimal()));
      expect(() => loadManifest(dir)).toThrow(/exercise 1: suite ex01.test.ts not found/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads test ids from test names", () => {
    expect(testIdFromName("[ex01.t1] adds positive integers")).toBe("ex01.t1");
    expect(testIdFromName("  [ex12.resume] kill and resume")).toBe("ex12.resume");
    expect(testIdFromName("adds [ex01.t1]")).toBeNull();
    expect(testIdFromName("[bad id] x")).toBeNull();
  });
});

describe("structured answers", () => {
  it("spells answers one way", () => {
    expect(canonicalAnswer("  B ")).toBe("s:b");
    expect(canonicalAnswer("Reverse   mode")).toBe("s:reverse mode");
    expect(canonicalAnswer(0.1 + 0.2)).toBe("n:0.3");
    expect(canonicalAnswer(-0)).toBe("n:0");
    expect(canonicalAnswer(true)).toBe("b:true");
    expect(canonicalAnswer(["x", 2, "x"])).toBe(canonicalAnswer([2, "X"]));
    expect(() => canonicalAnswer(NaN)).toThrow(/finite number/);
    expect(() => canonicalAnswer({})).toThrow(/string, number, boolean/);
    expect(() => canonicalAnswer("x".repeat(2000))).toThrow(/at most/);
  });

  it("hashes exactly as documented (values computed independently with Python's hashlib)", () => {
    expect(hashAnswer(2, "q1", "b", "fixture-salt-q1")).toBe(
      "9a5465e5e5b51414bdd71e8944dc4bc6727300b399bd04ea3eecd5f6549859ad",
    );
    expect(hashAnswer(2, "q1", "a", "fixture-salt-q1")).toBe(
      "798543c6377420d8648c709aab0dfc00eeb4afe3086034467b2053f4a635cd80",
    );
    expect(hashAnswer(2, "q2", 6, "fixture-salt-q2")).toBe(
      "49c785f4d5d2379de6721952247f73956961ef24e1721c056d717e89e344f362",
    );
    expect(hashAnswer(7, "q3", ["x", 2], "pepper")).toBe(
      "e6e61ac348d6a9c55a6f55ac8996acc73268ba3591c86566045ca0901cb995b5",
    );
  });

  it("judges against the manifest's keys, with targeted feedback for known wrong answers", () => {
    const m = loadManifest(SUITES);
    expect(checkAnswer(m, 2, "q1", "B")).toEqual({ correct: true });
    expect(checkAnswer(m, 2, "q1", "a")).toEqual({
      correct: false,
      feedback: "3 is odd: an even number divides by 2.",
    });
    expect(checkAnswer(m, 2, "q1", "c")).toEqual({ correct: false });
    expect(checkAnswer(m, 2, "q2", 6.0)).toEqual({ correct: true });
    expect(checkAnswer(m, 2, "q2", { six: 6 }).invalid).toMatch(/string, number, boolean/);
    expect(() => checkAnswer(m, 2, "q9", 1)).toThrow(/no answer key "q9"/);
  });

  it("prints a key from the command line that opens with the answer given there", () => {
    const out: string[] = [];
    const err: string[] = [];
    const run = (...argv: string[]) =>
      answerKeyMain(
        argv,
        (t) => out.push(t),
        (t) => err.push(t),
      );
    expect(run("4", "q1", "--", "-1.5")).toBe(0);
    expect(checkAgainstKey(JSON.parse(out[0]), 4, "q1", -1.5).correct).toBe(true);
    expect(run("4", "q2", "a", "B")).toBe(0);
    expect(checkAgainstKey(JSON.parse(out[1]), 4, "q2", ["b", "a"]).correct).toBe(true);
    expect(run("4", "q1")).toBe(2);
    expect(run("four", "q1", "x")).toBe(2);
    expect(run("4", "q1", "--salt", "x")).toBe(2);
    expect(err.join("\n")).toMatch(
      /usage: .*\n[^]*must be a positive whole number \(got "four"\)[^]*Unknown option '--salt'/,
    );
    expect(out).toHaveLength(2);
  });

  it("makes fresh salted keys that only the right answer opens", () => {
    const key = makeAnswerKey(4, "q1", 10);
    const other = makeAnswerKey(4, "q1", 10);
    expect(key.salt).not.toBe(other.salt);
    expect(checkAgainstKey(key, 4, "q1", 10).correct).toBe(true);
    expect(checkAgainstKey(key, 4, "q1", 11).correct).toBe(false);
    expect(checkAgainstKey(key, 5, "q1", 10).correct).toBe(false);
  });
});

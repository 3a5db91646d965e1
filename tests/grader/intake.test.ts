/**
 * Intake of a submissions folder as LMSs export it: loose files grouped per student (Canvas,
 * Moodle), everything else named with the reason, and no grading at all when nothing is found.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../grader/batch/cli";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import {
  loadSubmission,
  parseCanvasName,
  parseLooseName,
  scanSubmissions,
} from "../../grader/engine/submission";
import { loadManifest } from "../../grader/manifest";
import { SOLUTION, STUB, SUITES } from "./support/corpus";

const manifest = loadManifest(SUITES);
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "intake-test-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const put = (name: string, from: string) => fs.copyFileSync(from, path.join(dir, name));

describe("LMS loose-file names", () => {
  it("reads Canvas (on time and late) and Moodle names", () => {
    expect(parseLooseName("garciamaria_12345_67890_ex01.ts")).toEqual({
      student: "garciamaria",
      key: "canvas:garciamaria:12345",
      name: "ex01.ts",
      original: "garciamaria_12345_67890",
    });
    expect(parseLooseName("garciamaria_LATE_12345_67890_ex01-1.ts")?.name).toBe("ex01.ts");
    expect(parseLooseName("garciamaria_LATE_12345_67890_ex01.ts")?.key).toBe("canvas:garciamaria:12345");
    expect(parseLooseName("Maria Garcia_12345_assignsubmission_file_ex01.ts")).toEqual({
      student: "Maria Garcia",
      key: "moodle:Maria Garcia:12345",
      name: "ex01.ts",
      original: "Maria Garcia",
    });
    expect(parseLooseName("ex01.ts")).toBeNull();
    // One parser for every Canvas name: a loose file's, a zip's, and the bare prefix loose files keep.
    expect(parseCanvasName("garciamaria_late_12345_67890")).toEqual({
      prefix: "garciamaria_late_12345_67890",
      login: "garciamaria",
      userId: "12345",
    });
    expect(parseCanvasName("leezoe_1234567_8901234_hw9")?.rest).toBe("hw9");
    expect(parseCanvasName("José García")).toBeNull();
    expect(parseLooseName("notes.txt")).toBeNull();
  });
});

describe("a folder of loose files", () => {
  it("groups them per student, keeps the original name and grades them as the exercise files", () => {
    put("garciamaria_12345_67890_ex01.ts", path.join(SOLUTION, "ex01.ts"));
    put("garciamaria_LATE_12345_67891_ex02.ts", path.join(SOLUTION, "ex02.ts"));
    put("José García_777_assignsubmission_file_ex01.ts", path.join(STUB, "ex01.ts"));
    const { sources, unrecognised } = scanSubmissions(dir, manifest);
    expect(unrecognised).toEqual([]);
    expect(sources.map((s) => [s.id, s.originalName, s.kind])).toEqual([
      ["José_García", "José García", "files"],
      // The whole Canvas download prefix of the first file: it carries the user id (12345).
      ["garciamaria", "garciamaria_12345_67890", "files"],
    ]);
    const maria = loadSubmission(sources[1], manifest, DEFAULT_KIT_ROOT);
    expect([...maria.files.keys()].sort()).toEqual(["ex01.ts", "ex02.ts"]);
    expect(maria.files.get("ex02.ts")!.equals(fs.readFileSync(path.join(SOLUTION, "ex02.ts")))).toBe(true);
    expect(maria.flags).toEqual([]);
  });

  it("takes a resubmission over the first upload", () => {
    put("leezoe_1_2_ex01.ts", path.join(STUB, "ex01.ts"));
    put("leezoe_1_3_ex01-1.ts", path.join(SOLUTION, "ex01.ts"));
    const [zoe] = scanSubmissions(dir, manifest).sources;
    const files = loadSubmission(zoe, manifest).files;
    expect(files.get("ex01.ts")!.equals(fs.readFileSync(path.join(SOLUTION, "ex01.ts")))).toBe(true);
  });

  it("names every entry it leaves out, and why", () => {
    put("notes.txt", path.join(STUB, "ex01.ts"));
    put("garciamaria_12345_67890_essay.docx", path.join(STUB, "ex01.ts"));
    fs.cpSync(SOLUTION, path.join(dir, "alice"), { recursive: true });
    const { sources, unrecognised } = scanSubmissions(dir, manifest);
    expect(sources.map((s) => s.id)).toEqual(["alice"]);
    expect(unrecognised).toEqual([
      'garciamaria_12345_67890_essay.docx: a loose file of "garciamaria" that names no exercise file ("essay.docx")',
      "notes.txt: not a folder or zip, and not named the way Canvas or Moodle name loose files",
    ]);
  });
});

describe("grade:batch with nothing to grade", () => {
  it("exits 2 and says what it found instead", async () => {
    put("notes.txt", path.join(STUB, "ex01.ts"));
    const errors: string[] = [];
    const spy = jest.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    try {
      const code = await main([
        "--submissions",
        dir,
        "--out",
        path.join(dir, "..", path.basename(dir) + "-out"),
        "--tests",
        SUITES,
      ]);
      expect(code).toBe(2);
    } finally {
      spy.mockRestore();
      fs.rmSync(path.join(dir, "..", path.basename(dir) + "-out"), { recursive: true, force: true });
    }
    expect(errors.join("\n")).toMatch(
      /no submissions found in .*; left out:\n {2}notes\.txt: not a folder or zip/,
    );
  });
});

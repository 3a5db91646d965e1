import AdmZip from "adm-zip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import {
  chooseRoot,
  listSubmissions,
  loadSubmission,
  studentId,
  SUBMISSION_LIMITS,
} from "../../grader/engine/submission";
import { loadManifest } from "../../grader/manifest";
import { SOLUTION, STUB, SUITES, zipBombDeclared, zipBombLying, zipSlip } from "./support/corpus";

const manifest = loadManifest(SUITES);
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "submission-test-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const load = (p: string, kind: "folder" | "zip" = "folder") =>
  loadSubmission({ id: "s", path: p, kind }, manifest, DEFAULT_KIT_ROOT);

describe("finding the exercise files", () => {
  it("prefers a clone's exercises/ and never takes solutions/", () => {
    expect(
      chooseRoot(
        [
          "solutions/ex01.ts",
          "solutions/ex02.ts",
          "solutions/ex03/index.ts",
          "exercises/ex01.ts",
          "exercises/ex02.ts",
          "exercises/ex03/index.ts",
        ],
        manifest,
      ),
    ).toBe("exercises");
    expect(chooseRoot(["solutions/ex01.ts", "solutions/ex02.ts"], manifest)).toBeNull();
  });

  it("takes a copy of exercises/ at the top, or the folder holding most files", () => {
    expect(chooseRoot(["ex01.ts", "ex02.ts", "notes/ex01.ts"], manifest)).toBe("");
    expect(chooseRoot(["alice-hw/ex01.ts", "alice-hw/ex02.ts", "alice-hw/old/ex01.ts"], manifest)).toBe(
      "alice-hw",
    );
    expect(chooseRoot(["node_modules/x/ex01.ts", "readme.md"], manifest)).toBeNull();
  });

  it("loads a whole clone: the stub exercises, not the solved solutions, with kit configuration unflagged", () => {
    fs.cpSync(STUB, path.join(dir, "exercises"), { recursive: true });
    fs.cpSync(SOLUTION, path.join(dir, "solutions"), { recursive: true });
    fs.copyFileSync(path.join(DEFAULT_KIT_ROOT, "package.json"), path.join(dir, "package.json"));
    fs.copyFileSync(path.join(DEFAULT_KIT_ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"));
    fs.mkdirSync(path.join(dir, "node_modules"));
    const s = load(dir);
    expect(s.root).toBe("exercises");
    expect([...s.files.keys()].sort()).toEqual(["ex01.ts", "ex02.ts", "ex03/index.ts"]);
    expect(s.files.get("ex01.ts")!.toString()).toContain("TODO");
    expect(s.flags).toEqual([]);
  });

  it("flags configuration that is not the kit's, and ignores it", () => {
    fs.cpSync(SOLUTION, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ jest: { testMatch: ["**/mine.js"] } }));
    fs.writeFileSync(path.join(dir, "jest.config.js"), "module.exports = {};");
    fs.mkdirSync(path.join(dir, "__mocks__"));
    const s = load(dir);
    expect(s.flags.map((f) => f.code)).toEqual(["ignored-file"]);
    expect(s.flags[0].message).toMatch(/package\.json.*jest\.config\.js|jest\.config\.js.*package\.json/);
    expect(s.flags[0].message).toContain("__mocks__/");
    expect([...s.files.keys()]).not.toContain("package.json");
  });

  it("does not follow symlinks and leaves out oversized files", () => {
    fs.symlinkSync(path.join(SOLUTION, "ex01.ts"), path.join(dir, "ex01.ts"));
    fs.writeFileSync(path.join(dir, "ex02.ts"), "// " + "x".repeat(SUBMISSION_LIMITS.maxFileBytes));
    const s = load(dir);
    expect(s.files.size).toBe(0);
    expect(s.flags.map((f) => f.code).sort()).toEqual(["ignored-file", "submission-limit"]);
  });

  it("names students after their folders and zips, and refuses two with the same id", () => {
    fs.mkdirSync(path.join(dir, "alice"));
    fs.writeFileSync(path.join(dir, "bob smith.zip"), new AdmZip().toBuffer());
    fs.writeFileSync(path.join(dir, "notes.txt"), "");
    expect(listSubmissions(dir).map((s) => [s.id, s.kind])).toEqual([
      ["alice", "folder"],
      ["bob_smith", "zip"],
    ]);
    fs.writeFileSync(path.join(dir, "alice.zip"), new AdmZip().toBuffer());
    expect(() => listSubmissions(dir)).toThrow(/two submissions map to the student id "alice"/);
    expect(studentId("../../etc")).toBe("__.._etc");
    expect(studentId("  ")).toBe("_");
  });
});

describe("zip submissions", () => {
  it("reads an LMS-style zip with a top folder", () => {
    const z = new AdmZip();
    z.addLocalFolder(SOLUTION, "alice_12345_hw");
    const file = path.join(dir, "alice.zip");
    z.writeZip(file);
    const s = load(file, "zip");
    expect(s.root).toBe("alice_12345_hw");
    expect([...s.files.keys()].sort()).toEqual(["ex01.ts", "ex02.ts", "ex03/index.ts", "ex03/loop.ts"]);
    expect(s.files.get("ex01.ts")!.equals(fs.readFileSync(path.join(SOLUTION, "ex01.ts")))).toBe(true);
  });

  it("ignores and flags entries whose path leaves the archive (zip-slip)", () => {
    const file = path.join(dir, "slip.zip");
    fs.writeFileSync(file, zipSlip());
    const names = new AdmZip(file).getEntries().map((e) => e.entryName);
    expect(names).toEqual(expect.arrayContaining(["../../ex02.ts", "/tmp/ex03.ts"]));
    const s = load(file, "zip");
    expect([...s.files.keys()]).toEqual(["ex01.ts"]);
    expect(s.flags[0].message).toMatch(/2 zip entries with a path leaving the archive/);
    expect(fs.readdirSync(dir)).toEqual(["slip.zip"]);
  });

  it("refuses zip bombs, whether their headers admit the size or not", () => {
    fs.writeFileSync(path.join(dir, "a.zip"), zipBombDeclared());
    fs.writeFileSync(path.join(dir, "b.zip"), zipBombLying());
    const declared = load(path.join(dir, "a.zip"), "zip");
    expect(declared.files.size).toBe(0);
    expect(declared.flags[0].message).toMatch(/unpacks to \d+ bytes, more than/);
    const lying = load(path.join(dir, "b.zip"), "zip");
    expect(lying.files.size).toBe(0);
    expect(lying.flags[0].message).toMatch(/ex01\.ts: it unpacks to more than 262144 bytes/);
  });

  it("refuses a zip with too many entries", () => {
    const z = new AdmZip();
    for (let i = 0; i <= SUBMISSION_LIMITS.maxZipEntries; i++) z.addFile(`f${i}.txt`, Buffer.alloc(0));
    const file = path.join(dir, "many.zip");
    z.writeZip(file);
    const s = load(file, "zip");
    expect(s.files.size).toBe(0);
    expect(s.flags[0].message).toMatch(/entries, more than the 5000 allowed/);
  });

  it("treats an unreadable zip as an empty submission with a flag", () => {
    const file = path.join(dir, "bad.zip");
    fs.writeFileSync(file, "not a zip");
    const s = load(file, "zip");
    expect(s.files.size).toBe(0);
    expect(s.flags[0].code).toBe("submission-limit");
  });
});

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
import { zip64ClaimingEntries, zipClaimingEntries, zipWithManyEntries } from "./support/zips";

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

  it("finds the root among tens of thousands of files in linear time", () => {
    const paths = Array.from({ length: 40_000 }, (_, i) => `junk/d${i}/ex03/x${i}.ts`);
    paths.push("hw/ex01.ts", "hw/ex02.ts", "hw/ex03/index.ts");
    const t0 = Date.now();
    expect(chooseRoot(paths, manifest)).toBe("hw");
    expect(Date.now() - t0).toBeLessThan(10_000); // a nested scan over folders and paths takes minutes
  });

  it("stops walking a folder at the entry limit, with a flag", () => {
    const big = path.join(dir, "big");
    fs.mkdirSync(big);
    const before = SUBMISSION_LIMITS.maxWalkEntries;
    (SUBMISSION_LIMITS as { maxWalkEntries: number }).maxWalkEntries = 50;
    try {
      for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(big, `f${i}.txt`), "");
      fs.copyFileSync(path.join(SOLUTION, "ex01.ts"), path.join(dir, "ex01.ts"));
      const s = load(dir);
      expect(s.flags.map((f) => f.message)).toContain(
        "the submission holds more than 50 files and folders; only the first 50 were looked at",
      );
    } finally {
      (SUBMISSION_LIMITS as { maxWalkEntries: number }).maxWalkEntries = before;
    }
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

  it("names students after their folders and zips", () => {
    fs.mkdirSync(path.join(dir, "alice"));
    fs.writeFileSync(path.join(dir, "bob smith.zip"), new AdmZip().toBuffer());
    fs.writeFileSync(path.join(dir, "notes.txt"), "");
    expect(listSubmissions(dir).map((s) => [s.id, s.kind, s.collision])).toEqual([
      ["alice", "folder", undefined],
      ["bob_smith", "zip", undefined],
    ]);
    expect(studentId("../../etc")).toBe("__.._etc");
    expect(studentId("  ")).toBe("_");
    expect(studentId("-rf")).toBe("_rf");
    expect(studentId("x".repeat(300))).toHaveLength(80);
  });

  it("keeps letters and digits of any script in ids, and nothing that is unsafe in a file name", () => {
    expect(studentId("Zoë Øster")).toBe("Zoë_Øster");
    expect(studentId("Zoe\u0308")).toBe("Zoë"); // decomposed input is composed first
    expect(studentId("李雷")).toBe("李雷");
    expect(studentId("مريم ٣")).toBe("مريم_٣");
    expect(studentId("a/b\\c:d*e\u202ef\u0000g")).toBe("a_b_c_d_e_f_g");
  });

  it("tells apart names that map to the same id, flags each of them, and goes on", () => {
    for (const name of ["a b", "a_b", "a?b", "a_b-2", "李雷", "🙂", "🙃"]) fs.mkdirSync(path.join(dir, name));
    fs.cpSync(SOLUTION, path.join(dir, "Alice"), { recursive: true });
    fs.writeFileSync(path.join(dir, "alice.zip"), new AdmZip().toBuffer());
    const all = listSubmissions(dir);
    const ids = all.map((s) => s.id);
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(all.length);
    const byName = new Map(all.map((s) => [path.basename(s.path), s]));
    expect(byName.get("a b")!.id).toBe("a_b");
    expect(byName.get("a?b")!.id).toBe("a_b-3"); // "-2" belongs to the folder really named so
    expect(byName.get("a_b")!.id).toBe("a_b-4");
    expect(byName.get("a_b-2")!.id).toBe("a_b-2");
    expect(byName.get("a_b-2")!.collision).toBeUndefined();
    expect(byName.get("李雷")!.id).toBe("李雷");
    expect(byName.get("李雷")!.collision).toBeUndefined();
    expect([byName.get("🙂")!.id, byName.get("🙃")!.id].sort()).toEqual(["_", "_-2"]);
    expect(byName.get("Alice")!.id).toBe("Alice");
    expect(byName.get("alice.zip")!.id).toBe("alice-2");
    expect(byName.get("a b")!.collision).toEqual({ names: ["a b", "a?b", "a_b"], original: "a_b" });

    const alice = loadSubmission(byName.get("Alice")!, manifest, DEFAULT_KIT_ROOT);
    expect(alice.files.size).toBeGreaterThan(0);
    expect(alice.flags[0]).toMatchObject({ code: "id-collision", severity: "incident" });
    expect(alice.flags[0].message).toBe(
      'the names "Alice", "alice.zip" all map to the id "Alice"; this one was graded as "Alice"',
    );
    const zip = loadSubmission(byName.get("alice.zip")!, manifest, DEFAULT_KIT_ROOT);
    expect(zip.flags[0].message).toMatch(/this one was graded as "alice-2"$/);
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

  it("refuses a zip whose end record claims too many entries before listing any", () => {
    fs.writeFileSync(path.join(dir, "claims.zip"), zipClaimingEntries(65000));
    fs.writeFileSync(path.join(dir, "claims64.zip"), zip64ClaimingEntries(1_300_000));
    const classic = load(path.join(dir, "claims.zip"), "zip");
    expect(classic.files.size).toBe(0);
    expect(classic.flags).toEqual([
      {
        code: "submission-limit",
        severity: "incident",
        message:
          "the zip's central directory lists 65000 entries, more than the 5000 allowed; it was not opened",
      },
    ]);
    const zip64 = load(path.join(dir, "claims64.zip"), "zip");
    expect(zip64.flags[0].message).toMatch(/lists 1300000 entries, more than the 5000 allowed/);
    // The same file with an honest count is read: the refusal came from the count alone.
    fs.writeFileSync(path.join(dir, "honest.zip"), zipClaimingEntries(1, "ex01.ts", "export const x = 1;\n"));
    expect([...load(path.join(dir, "honest.zip"), "zip").files.keys()]).toEqual(["ex01.ts"]);
  });

  it("refuses a real 62 MB zip listing 1.3 million entries, and the next submission still loads", () => {
    fs.writeFileSync(path.join(dir, "huge.zip"), zipWithManyEntries(1_300_000));
    fs.cpSync(SOLUTION, path.join(dir, "next"), { recursive: true });
    const [huge, next] = listSubmissions(dir).map((src) => loadSubmission(src, manifest, DEFAULT_KIT_ROOT));
    expect(huge.source.id).toBe("huge");
    expect(huge.files.size).toBe(0);
    expect(huge.flags[0].message).toMatch(/lists 1300000 entries, more than the 5000 allowed/);
    expect(next.files.size).toBe(4);
  });

  it("treats an unreadable zip as an empty submission with a flag", () => {
    const file = path.join(dir, "bad.zip");
    fs.writeFileSync(file, "not a zip");
    const s = load(file, "zip");
    expect(s.files.size).toBe(0);
    expect(s.flags[0].code).toBe("submission-limit");
  });
});

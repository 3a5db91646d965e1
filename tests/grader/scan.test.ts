import * as fs from "fs";
import * as path from "path";
import { DEFAULT_KIT_ROOT } from "../../grader/engine/kit";
import { ownedBy } from "../../grader/engine/grade";
import { scanFiles, scanSource } from "../../grader/engine/scan";
import { loadManifest } from "../../grader/manifest";
import { hostileExpectations, HOSTILE, SOLUTION } from "./support/corpus";

const rules = (src: string) => [...new Set(scanSource("ex01.ts", src).map((f) => f.rule))].sort();

describe("static scan", () => {
  it.each([
    ['import { spawn } from "child_process";', ["child-process"]],
    ['const w = require("node:worker_threads");', ["child-process"]],
    ['import * as http from "http";', ["network"]],
    ['fetch("http://127.0.0.1:1");', ["network"]],
    ['import * as fs from "fs"; fs.writeFileSync("/tmp/x", "y");', ["fs-write"]],
    ['import { rmSync } from "fs"; rmSync("/x");', ["fs-write"]],
    ['import * as fs from "fs"; const f = fs as any; f.writeSync = () => 0;', ["fs-patch", "fs-write"]],
    ["process.exit(0);", ["process-exit"]],
    ["process.exitCode = 0;", ["process-exit"]],
    ['process.binding("fs");', ["node-internals"]],
    ["const g = globalThis as any; g.expect = () => 1;", ["test-framework"]],
    ["(global as any).test = null;", ["test-framework"]],
    ['import { expect } from "@jest/globals"; expect.extend({});', ["test-framework"]],
    ["const p = expect.getState().testPath;", ["test-framework"]],
    ['eval("1");', ["dynamic-code"]],
    ['new Function("return 1");', ["dynamic-code"]],
    ['(() => 0).constructor.constructor("return process")();', ["dynamic-code"]],
    ['const name = "fs"; require(name);', ["dynamic-require"]],
    ['const s = "../grader/suites/ex01.test.ts";', ["grader-files"]],
    ['Symbol.for("$$jest-matchers-object");', ["test-framework"]],
  ])("flags %s", (src, expected) => {
    expect(rules(src)).toEqual(expected);
  });

  it("reports file, line, column and the line itself", () => {
    const [f] = scanSource("ex03/index.ts", "const a = 1;\n  process.exit(1);\n");
    expect(f).toEqual({
      rule: "process-exit",
      file: "ex03/index.ts",
      line: 2,
      column: 3,
      snippet: "process.exit(1);",
      message: "ends or signals the process (process.exit)",
    });
  });

  it("stays quiet on honest code, including engine-style code that prints and uses streams", () => {
    for (const f of ["ex01.ts", "ex02.ts", "ex03/index.ts", "ex03/loop.ts"])
      expect(scanSource(f, fs.readFileSync(path.join(SOLUTION, f), "utf8"))).toEqual([]);
    const engineStyle = [
      'import * as tf from "tensorlings";',
      "export function run(): number[] {",
      "  const g = new tf.Graph();",
      "  const out: number[] = [];",
      "  process.stdout.write(`epoch ${out.length}\\n`);",
      '  console.log("loss", 0.5);',
      "  return out;",
      "}",
    ].join("\n");
    expect(scanSource("ex12/train.ts", engineStyle)).toEqual([]);
  });

  it.each([
    ["parentheses", (n: number) => "const x = " + "(".repeat(n) + "1" + ")".repeat(n) + ";"],
    ["arrays", (n: number) => "const x = " + "[".repeat(n) + "]".repeat(n) + ";"],
    ["blocks", (n: number) => "{".repeat(n) + "}".repeat(n)],
  ])("turns 80 KB of nested %s into a scan-skipped warning, not a crash", (_kind, nest) => {
    const findings = scanSource("ex01.ts", nest(40_000));
    expect(findings).toEqual([
      {
        rule: "scan-skipped",
        file: "ex01.ts",
        line: 1,
        column: 1,
        snippet: "",
        message: "scan skipped: too deeply nested",
      },
    ]);
    // The parser recovers: the next file is scanned as usual.
    expect(rules("process.exit(0);")).toEqual(["process-exit"]);
  });

  it("finds what is inside deeply nested code the parser accepts", () => {
    const depth = 300;
    const src = "const x = " + "[".repeat(depth) + 'require("child_process")' + "]".repeat(depth) + ";";
    expect(rules(src)).toEqual(["child-process"]);
  });

  it("keeps terminal control sequences out of snippets", () => {
    const [f] = scanSource("ex01.ts", "process.exit(0); // \u001b[2J\u001b]0;pwned\u0007 done\n");
    expect(f.snippet).toBe("process.exit(0); //  done");
  });

  it("finds what the hostile corpus expects where the attack is in the exercise file itself", () => {
    const expectations = hostileExpectations();
    for (const [id, rule] of [
      ["e07-patch-fs", "fs-patch"],
      ["e12-read-suite", "test-framework"],
      ["fork-bomb", "child-process"],
      ["network", "network"],
      ["write-outside", "fs-write"],
      ["realm-escape", "dynamic-code"],
    ]) {
      expect(expectations[id].flagged).toContain(rule);
      const found = scanSource("ex01.ts", fs.readFileSync(path.join(HOSTILE, id, "ex01.ts"), "utf8")).map(
        (f) => f.rule,
      );
      expect(found).toContain(rule);
    }
  });

  describe("the kit's own code", () => {
    const manifest = loadManifest(path.join(DEFAULT_KIT_ROOT, "grader", "suites"));
    const allowed = (rel: string) => manifest.exercises.find((ex) => ownedBy(ex, rel))?.scanAllow ?? [];
    /** A folder's .ts files as a submission: paths relative to it, as the grader reads them. */
    const filesOf = (dir: string): Map<string, Buffer> => {
      const files = new Map<string, Buffer>();
      for (const rel of fs.readdirSync(dir, { recursive: true }) as string[])
        if (rel.endsWith(".ts"))
          files.set(rel.split(path.sep).join("/"), fs.readFileSync(path.join(dir, rel)));
      return files;
    };

    it.each(["solutions", "exercises"])("raises no finding on the shipped %s/", (folder) => {
      const files = filesOf(path.join(DEFAULT_KIT_ROOT, folder));
      expect(files.size).toBeGreaterThanOrEqual(12);
      expect(scanFiles(files, allowed)).toEqual([]);
    });

    it("stays quiet on the entry-point idiom only, not on what merely looks like it", () => {
      const guard = "if (require.main === module) {\n  process.exitCode = 1;\n}\n";
      expect(rules(guard)).toEqual([]);
      expect(rules("if (module !== require.main) console.log(1);")).toEqual([]);
      expect(rules("const f = require.main!.filename;")).toEqual(["node-internals"]);
      expect(rules("require.main = module;")).toEqual(["node-internals"]);
      expect(rules("process.exitCode = 1;\nif (require.main === module) {}")).toEqual(["process-exit"]);
      expect(rules("if (require.main === module) process.exit(1);")).toEqual(["process-exit"]);
      expect(rules("if (require.main === module) {} else { process.exitCode = 1; }")).toEqual([
        "process-exit",
      ]);
    });

    it("lets only the exercise that needs it write files (the manifest's scanAllow)", () => {
      const write = Buffer.from('import * as fs from "fs";\nfs.writeFileSync("x", "y");\n');
      const found = scanFiles(
        new Map([
          ["ex01.ts", write],
          ["ex12/train.ts", write],
        ]),
        allowed,
      );
      expect(found.map((f) => `${f.file}:${f.rule}`)).toEqual(["ex01.ts:fs-write"]);
    });
  });
});

/**
 * Learner mode's result cache: a hit only while the exercise's files, its suite, the suites'
 * support code and the kit are all unchanged.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exerciseKey, ResultCache } from "../../grader/engine/cache";
import type { ManifestExercise } from "../../grader/manifest";

const ex = { id: 3, file: "ex03.ts", suite: "ex03.test.ts", tests: [] } as unknown as ManifestExercise;
const context = { kit: "k1", testsHash: "t1", seed: 7, sandboxed: true };
const files = () => new Map([["ex03.ts", Buffer.from("export const a = 1;")]]);
const suites = () =>
  new Map([
    ["ex03.test.ts", Buffer.from("test('[ex03.a] a', () => {})")],
    ["ex04.test.ts", Buffer.from("other")],
    ["support/checks.ts", Buffer.from("export {}")],
  ]);

describe("the cache key", () => {
  const base = exerciseKey(ex, files(), suites(), context);
  it("is stable for the same inputs", () => {
    expect(exerciseKey(ex, files(), suites(), context)).toBe(base);
  });
  it("changes with the exercise's file, its suite, support code, the kit, the tests or the seed", () => {
    const f = files();
    f.set("ex03.ts", Buffer.from("export const a = 2;"));
    const s = suites();
    s.set("ex03.test.ts", Buffer.from("changed"));
    const support = suites();
    support.set("support/checks.ts", Buffer.from("changed"));
    const keys = [
      exerciseKey(ex, f, suites(), context),
      exerciseKey(ex, files(), s, context),
      exerciseKey(ex, files(), support, context),
      exerciseKey(ex, files(), suites(), { ...context, kit: "k2" }),
      exerciseKey(ex, files(), suites(), { ...context, testsHash: "t2" }),
      exerciseKey(ex, files(), suites(), { ...context, seed: 8 }),
    ];
    expect(new Set([base, ...keys]).size).toBe(keys.length + 1);
  });
  it("ignores other exercises' suites", () => {
    const s = suites();
    s.set("ex04.test.ts", Buffer.from("changed"));
    expect(exerciseKey(ex, files(), s, context)).toBe(base);
  });
});

describe("the store", () => {
  it("returns an entry only under its key, and survives a corrupt file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grade-cache-"));
    try {
      const cache = new ResultCache(dir);
      const entry = { key: "abc", exercise: { id: 3 } as never, tests: [], flags: [], diagnostics: [] };
      cache.put(3, entry);
      expect(cache.get(3, "abc")).toEqual(entry);
      expect(cache.get(3, "other")).toBeNull();
      fs.writeFileSync(path.join(dir, "ex03.json"), "{not json");
      expect(cache.get(3, "abc")).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Integrity incidents: work identical to the shipped solutions or starters, and identical pairs. */
import { exerciseHash, integrityFlags, readReference } from "../../grader/batch/integrity";
import { loadManifest } from "../../grader/manifest";
import { SOLUTION, STUB, SUITES } from "./support/corpus";

const manifest = loadManifest(SUITES);
const reference = { solutions: readReference(SOLUTION, manifest), starters: readReference(STUB, manifest) };
const own = (text: string) =>
  Buffer.from(`export function add(a: number, b: number): number {\n  ${text}\n}\n`);

describe("reading the shipped folders", () => {
  it("reads every exercise's files under their manifest names", () => {
    expect([...reference.solutions.keys()].sort()).toEqual([
      "ex01.ts",
      "ex02.ts",
      "ex03/index.ts",
      "ex03/loop.ts",
    ]);
    expect([...reference.starters.keys()].sort()).toEqual(["ex01.ts", "ex02.ts", "ex03/index.ts"]);
  });

  it("hashes a folder exercise over all its files", () => {
    const ex3 = manifest.exercises.find((e) => e.file.startsWith("ex03"))!;
    const partial = new Map([["ex03/index.ts", reference.solutions.get("ex03/index.ts")!]]);
    expect(exerciseHash(ex3, partial)).not.toBe(exerciseHash(ex3, reference.solutions));
    expect(exerciseHash(ex3, new Map())).toBeNull();
  });
});

describe("integrity flags", () => {
  it("flags the shipped solution and the unchanged starter per exercise, never a student's own work", () => {
    const flags = integrityFlags(
      [
        { id: "copier", files: reference.solutions },
        { id: "idle", files: new Map([["ex01.ts", reference.starters.get("ex01.ts")!]]) },
        { id: "honest", files: new Map([["ex01.ts", own("return a + b;")]]) },
      ],
      manifest,
      reference,
    );
    expect(flags.get("copier")!.map((f) => [f.code, f.exercise, f.severity])).toEqual([
      ["matches-solution", 1, "incident"],
      ["matches-solution", 2, "incident"],
      ["matches-solution", 3, "incident"],
    ]);
    expect(flags.get("copier")![0].message).toBe(
      "ex01.ts is byte-identical to the reference solution shipped with the kit",
    );
    expect(flags.get("idle")!.map((f) => f.code)).toEqual(["matches-starter"]);
    expect(flags.has("honest")).toBe(false);
  });

  it("flags both students of an identical pair, naming the other, but not two unchanged starters", () => {
    const starter = reference.starters.get("ex01.ts")!;
    const flags = integrityFlags(
      [
        { id: "ann", files: new Map([["ex01.ts", own("return b + a;")]]) },
        { id: "ben", files: new Map([["ex01.ts", own("return b + a;")]]) },
        { id: "cy", files: new Map([["ex01.ts", own("return a + b;")]]) },
        { id: "dee", files: new Map([["ex01.ts", starter]]) },
        { id: "eve", files: new Map([["ex01.ts", starter]]) },
      ],
      manifest,
      reference,
    );
    expect(flags.get("ann")).toEqual([
      {
        code: "identical-submission",
        severity: "incident",
        exercise: 1,
        message: "ex01.ts is byte-identical to the one of ben",
      },
    ]);
    expect(flags.get("ben")![0].message).toBe("ex01.ts is byte-identical to the one of ann");
    expect(flags.has("cy")).toBe(false);
    expect(flags.get("dee")!.map((f) => f.code)).toEqual(["matches-starter"]);
  });
});

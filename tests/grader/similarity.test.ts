/**
 * The similarity report: near copies rank above an unrelated solution, starter lines do not count,
 * and only pairs at or above the threshold are flagged.
 */
import { main } from "../../grader/batch/cli";
import { similarityMarkdown, similarPairs } from "../../grader/batch/similarity";
import type { Manifest } from "../../grader/manifest";

const manifest = {
  exercises: [{ id: 3, slug: "slow-sum", file: "ex03/" }],
} as unknown as Pick<Manifest, "exercises">;

const starter = `/** Exercise 3: return 0 + 1 + … + (n - 1), using a loop. */
export function slowSum(n: number): number {
  throw new Error("TODO: exercise 3");
}
`;
const original = `/** Exercise 3: return 0 + 1 + … + (n - 1), using a loop. */
export function slowSum(n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) total += i;
    else total = total + i;
  }
  console.log("summed", n, "numbers");
  return total;
}
`;
// The same code with other names, other comments and other spacing.
const nearCopy = `/** Exercise 3: return 0 + 1 + … + (n - 1), using a loop. */
// my own work, honest
export function slowSum(count: number): number {
  let acc = 0;
  for (let k = 0; k < count; k++) {
    if (k % 2 === 0) acc += k;
    else acc = acc + k;
  }
  console.log("summed", count, "numbers");
  return acc;
}
`;
const unrelated = `/** Exercise 3: return 0 + 1 + … + (n - 1), using a loop. */
export function slowSum(n: number): number {
  const values = Array.from({ length: n }, (_, i) => i);
  return values.reduce((a, b) => a + b, 0);
}
`;
const files = (text: string) => new Map([["ex03/index.ts", Buffer.from(text)]]);
const starters = files(starter);

describe("similarPairs", () => {
  it("ranks the renamed copy first, with the shared lines on each side", async () => {
    const pairs = await similarPairs(
      [
        { id: "carol", files: files(unrelated) },
        { id: "alice", files: files(original) },
        { id: "bob", files: files(nearCopy) },
      ],
      manifest,
      starters,
    );
    // The unrelated solution shares no fragment with either.
    expect(pairs.map((p) => [p.a, p.b])).toEqual([["alice", "bob"]]);
    expect(pairs[0]).toMatchObject({ exercise: 3, a: "alice", b: "bob" });
    expect(pairs[0].percent).toBeGreaterThanOrEqual(80);
    expect(pairs[0].fragments[0].a).toMatch(/^ex03\/index\.ts:3-\d+$/);
    expect(pairs[0].fragments[0].b).toMatch(/^ex03\/index\.ts:4-\d+$/);
    const md = similarityMarkdown(pairs, { thresholdPercent: 60 });
    expect(md).toMatch(/advisory/);
    expect(md).toMatch(/1 pair\(s\) at or above 60% similarity/);
    expect(md.split("\n").filter((l) => l.startsWith("| ⚑"))).toEqual([
      expect.stringMatching(/^\| ⚑ \| ex03 \| alice \| bob \| \d+(\.\d)?% \| ex03\/index\.ts:3-/),
    ]);
  });

  it("does not count the starter's lines: two untouched starters share nothing", async () => {
    const pairs = await similarPairs(
      [
        { id: "dan", files: files(starter) },
        { id: "eve", files: files(starter + "\n") },
      ],
      manifest,
      starters,
    );
    expect(pairs).toEqual([]);
    expect(similarityMarkdown(pairs)).toMatch(
      /0 pair\(s\) at or above 60% similarity; 0 pair\(s\) share any fragment/,
    );
  });

  it("flags nothing below a raised threshold, takes the default for an undefined one, and refuses a bad fragment size", async () => {
    const input = [
      { id: "alice", files: files(original) },
      { id: "bob", files: files(nearCopy) },
    ];
    const pairs = await similarPairs(input, manifest, starters);
    expect(similarityMarkdown(pairs, { thresholdPercent: 101 })).not.toMatch(/\| ⚑/);
    expect(similarityMarkdown(pairs, { thresholdPercent: undefined })).toMatch(/1 pair\(s\) at or above 60%/);
    await expect(similarPairs(input, manifest, starters, { minTokens: 0 })).rejects.toThrow(
      /minTokens must be a positive whole number/,
    );
  });
});

describe("short answers", () => {
  it("are no fragment: every correct student returns the same one-liner", async () => {
    const quiz = {
      exercises: [{ id: 2, slug: "quiz", file: "ex02.ts" }],
    } as unknown as Pick<Manifest, "exercises">;
    const starter = 'export function q1(): string {\n  throw new Error("TODO");\n}\n';
    const answer = 'export function q1(): string {\n  return "b";\n}\n';
    const pairs = await similarPairs(
      [
        { id: "alice", files: new Map([["ex02.ts", Buffer.from(answer)]]) },
        { id: "bob", files: new Map([["ex02.ts", Buffer.from(answer)]]) },
      ],
      quiz,
      new Map([["ex02.ts", Buffer.from(starter)]]),
    );
    expect(pairs).toEqual([]);
  });
});

describe("grade:batch --similarity-threshold", () => {
  it("must be a percentage: anything else is a configuration error (exit 2) naming the option", async () => {
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      for (const bad of ["150", "-1", "high"]) {
        expect(await main(["--submissions", ".", "--out", "out", `--similarity-threshold=${bad}`])).toBe(2);
        expect(err.mock.calls.at(-1)![0]).toContain(
          `--similarity-threshold must be a percentage from 0 to 100 (got "${bad}")`,
        );
      }
    } finally {
      err.mockRestore();
    }
  });
});

describe("a fragment on one line", () => {
  it("counts: a long one-line expression copied is found", async () => {
    const one = {
      exercises: [{ id: 1, slug: "add", file: "ex01.ts" }],
    } as unknown as Pick<Manifest, "exercises">;
    const line = (x: string) =>
      `export const add = (${x}: number, y: number): number => Math.round(((${x} * 1000 + y * 1000) / 1000) * 100) / 100;\n`;
    const pairs = await similarPairs(
      [
        { id: "alice", files: new Map([["ex01.ts", Buffer.from(line("a"))]]) },
        { id: "bob", files: new Map([["ex01.ts", Buffer.from(line("first"))]]) },
      ],
      one,
      new Map(),
    );
    expect(pairs).toEqual([
      {
        exercise: 1,
        a: "alice",
        b: "bob",
        percent: expect.any(Number),
        fragments: [{ a: "ex01.ts:1-1", b: "ex01.ts:1-1" }],
      },
    ]);
    expect(pairs[0].percent).toBeGreaterThan(90);
  });
});

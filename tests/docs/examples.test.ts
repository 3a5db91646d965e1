// The docs' example checker (docs/tools/checkExamples.ts) finds @example blocks and fails on one that
// doesn't compile, at the block's line in the documented file.
import { checkExamples, documentedSources, extractExamples } from "../../docs/tools/checkExamples";

const source = [
  "/**",
  " * Adds one.",
  " * @param x - a tensor",
  " * @example",
  " * ```ts",
  " * const ok = tf.add(tf.constant([1, 2]), 1);",
  " * ```",
  " */",
  "export function good(): void {}",
  "/**",
  " * Doesn't compile: a Tensor is not a string.",
  " * @example",
  " * ```ts",
  " * const a = tf.constant(1);",
  " * const s: string = a;",
  " * ```",
  " */",
  "export function bad(): void {}",
  "/** Not an example: a fence outside @example is prose. */",
  "/**",
  " * ```ts",
  " * const ignored: number = 'x';",
  " * ```",
  " */",
].join("\n");

describe("doc example checker", () => {
  const examples = extractExamples(source, "fixture.ts");

  test("extracts only the ```ts blocks of @example tags, with their source lines", () => {
    expect(examples).toEqual([
      { file: "fixture.ts", line: 6, code: "const ok = tf.add(tf.constant([1, 2]), 1);" },
      { file: "fixture.ts", line: 14, code: "const a = tf.constant(1);\nconst s: string = a;" },
    ]);
  });

  test("passes a compiling example and fails one that doesn't, at its line", () => {
    const errors = checkExamples(examples);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "fixture.ts", line: 15 });
    expect(errors[0].message).toMatch(/^TS2322: Type 'Tensor' is not assignable to type 'string'/);
  });

  test("an example that imports tensorlings itself gets no second tf import", () => {
    const own = extractExamples('/**\n * @example\n * ```ts\n * import { constant } from "tensorlings";\n * constant(1);\n * ```\n */', "own.ts");
    expect(checkExamples(own)).toEqual([]);
  });

  test("an unclosed example block is an error naming the file and line", () => {
    expect(() => extractExamples("/**\n * @example\n * ```ts\n * const x = 1;\n */", "open.ts")).toThrow(/open\.ts:4: @example code block is not closed/);
  });

  test("the documented sources are those the public entry points reach", () => {
    const files = documentedSources().map((f) => f.replace(/\\/g, "/"));
    expect(files.some((f) => f.endsWith("/src/ops/math/reduce.ts"))).toBe(true);
    expect(files.some((f) => f.endsWith("/datasets/index.ts"))).toBe(true);
    expect(files.some((f) => f.includes("/grader/"))).toBe(false);
  });
});

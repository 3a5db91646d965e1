/**
 * The compiler catches the slips learners made with `any` results (issue: ex01 returned
 * `sess.run(f)` as `value: number`; ex03 compared `run(...) !== next` and looped forever), and
 * the type-level tests in this folder hold under `tsc --noEmit` (Jest alone strips types).
 */
import { Diagnostic, typeCheck } from "./compile";

const header = `import * as tf from "tensorlings";\n`;

const SNIPPETS: Record<string, string> = {
  // Exercise 1's slip: the interface asks for a number, the learner returns the NDArray.
  "__slips__/ex01Slip.ts": `${header}
export interface DeferredGraph { value: number }
export function build(): DeferredGraph {
  const f = tf.constant(155);
  const sess = tf.Session();
  return { value: sess.run(f) };
}
`,
  // Exercise 3's slip: an NDArray compared with a number is never equal.
  "__slips__/ex03Slip.ts": `${header}
export function replay(next: number): void {
  const r = tf.randomUniform([]);
  const sess = tf.Session();
  while (sess.run(r) !== next) break;
}
`,
  "__slips__/evalSlip.ts": `${header}
export const v: number = tf.constant(1).eval();
export const s: string = tf.Session().run(tf.constant(1)).item();
export const m: string[][] = tf.Session().run(tf.constant([[1]])).toArray(2);
`,
  // The fixed forms compile cleanly, including the options object in the first omitted position.
  "__slips__/fixed.ts": `${header}
export interface DeferredGraph { value: number; rows: number[][] }
export function build(): DeferredGraph {
  const x = tf.placeholder(tf.float32, [null, 2], { name: "x" });
  const mse = tf.reduceMean(tf.square(x), { name: "mse" });
  const sess = tf.Session();
  const [, loss] = sess.run([tf.noOp(), mse], new Map([[x, [[1, 2]]]]));
  const value: number = loss.item();
  return { value, rows: sess.run(x, { feedDict: [[x, [[1, 2]]]] }).toArray(2) };
}
`,
};

const TYPE_TESTS = ["tests/api/types.test.ts", "tests/api/options.test.ts"];

let results: Map<string, Diagnostic[]>;
beforeAll(() => {
  results = typeCheck(SNIPPETS, TYPE_TESTS);
});

const codesOf = (file: string) => (results.get(file) ?? []).map((d) => `${d.line}:${d.code}`);

test("ex01's slip, an NDArray returned as `value: number`, is a type error", () => {
  const [d] = results.get("__slips__/ex01Slip.ts") ?? [];
  expect(d).toMatchObject({ line: 7, code: 2322 });
  expect(d.message).toBe("Type 'NDArray' is not assignable to type 'number'.");
});

test("ex03's slip, comparing an NDArray with a number, is a type error", () => {
  const [d] = results.get("__slips__/ex03Slip.ts") ?? [];
  expect(d).toMatchObject({ line: 6, code: 2367 });
  expect(d.message).toContain("the types 'NDArray' and 'number' have no overlap");
});

test("eval gives an NDArray, item a number, toArray(2) a number[][]", () => {
  expect(codesOf("__slips__/evalSlip.ts")).toEqual(["3:2322", "4:2322", "5:2322"]);
});

test("the corrected code, with options objects, compiles without errors", () => {
  expect(results.get("__slips__/fixed.ts")).toEqual([]);
});

test.each(TYPE_TESTS)("%s type-checks (its expectTypeOf and @ts-expect-error lines hold)", (file) => {
  expect(results.get(file)).toEqual([]);
});

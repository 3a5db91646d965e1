import * as vm from "node:vm";
import {
  CellSyntaxError,
  DEFAULT_HELPER,
  IMPORT_HELPER,
  transpileCell,
} from "../../lessons/runner/transpileCell";

/** Runs cells one after the other in one context, the way the runner does. */
function notebook(modules: Record<string, unknown> = {}) {
  const context = vm.createContext({
    [IMPORT_HELPER]: (id: string) => modules[id],
    [DEFAULT_HELPER]: (m: { __esModule?: boolean; default?: unknown }) => (m.__esModule ? m.default : m),
  });
  return async (source: string) => {
    const { code, isAsync } = transpileCell(source);
    const value = vm.runInContext(code, context);
    if (isAsync) await value;
    return context;
  };
}

test("top-level const, let, class and function declarations are visible to later cells", async () => {
  const run = notebook();
  await run("const x: number = 40; let y = 2; class K { v = 1 } function f(n: number) { return n + 1; }");
  const ctx = await run("globalThis.result = [x + y, new K().v, f(1)];");
  expect(ctx.result).toEqual([42, 1, 2]);
});

test("running a cell that declares const again does not fail", async () => {
  const run = notebook();
  const cell = "const total = (globalThis.runs = (globalThis.runs ?? 0) + 1) * 10; class C {}";
  await run(cell);
  const ctx = await run(cell);
  expect(vm.runInContext("total", ctx)).toBe(20);
});

test("destructuring declarations bind every name", () => {
  const { declared } = transpileCell("const { a, b: [c, ...d], e = 1, ...f } = obj; let g, h = 2;");
  expect(declared).toEqual(["a", "c", "d", "e", "f", "g", "h"]);
});

test("imports become bindings shared with later cells, even unused ones", async () => {
  const tensorlings = { __esModule: true, constant: (v: number) => v * 2, default: "dflt" };
  const run = notebook({ tensorlings, plain: { x: 5 } });
  await run(
    'import * as tf from "tensorlings";\nimport D, { constant as c, constant } from "tensorlings";\nimport P from "plain";\nimport type { Nope } from "tensorlings";',
  );
  const ctx = await run("globalThis.out = [tf.constant(1), c(2), constant(3), D, P.x];");
  expect(ctx.out).toEqual([2, 4, 6, "dflt", 5]);
});

test("a cell with top-level await runs asynchronously and still shares its names", async () => {
  const source =
    "const v = await Promise.resolve(6); function twice() { return v * 2; } const { w } = await Promise.resolve({ w: 1 }); class B {}";
  expect(transpileCell(source).isAsync).toBe(true);
  const run = notebook();
  await run(source);
  const ctx = await run("globalThis.r = [twice(), w, typeof B];");
  expect(ctx.r).toEqual([12, 1, "function"]);
});

test("await inside a function does not make the cell asynchronous; for await does", () => {
  expect(transpileCell("async function g() { await 1; } const h = async () => { await 2; };").isAsync).toBe(
    false,
  );
  expect(transpileCell("for await (const x of [1]) {}").isAsync).toBe(true);
});

test("cells run in strict mode", async () => {
  const run = notebook();
  await expect(run("undeclared = 1;")).rejects.toThrow(/undeclared is not defined/);
});

test("exports and syntax errors are reported as readable SyntaxErrors", () => {
  expect(() => transpileCell("export const x = 1;")).toThrow(
    new CellSyntaxError("a lesson cell cannot export; drop the `export` keyword"),
  );
  expect(() => transpileCell("export {};")).not.toThrow();
  let message = "";
  try {
    transpileCell("const oops: number = ;");
  } catch (e) {
    expect(e).toBeInstanceOf(CellSyntaxError);
    message = (e as Error).message;
  }
  expect(message).toMatch(/^Expression expected/);
  expect(message).toContain("const oops: number = ;");
  expect(message).not.toMatch(/backtrace|Caused by/);
});

test("non-ASCII text before a declaration keeps offsets right", async () => {
  const run = notebook();
  const ctx = await run('const s = "café ✓"; const t = s + "!";\nglobalThis.r = t;');
  expect(ctx.r).toBe("café ✓!");
});

test("TypeScript-only constructs: namespaces (also in async cells), enums, import = require", async () => {
  const run = notebook();
  await run("namespace Geo { export const origin = 0; }\nenum Dir { Up, Down }\nawait null;");
  const ctx = await run("globalThis.r = [Geo.origin, Dir.Down, Dir[0]];");
  expect(ctx.r).toEqual([0, 1, "Up"]);
  expect(transpileCell('import fs = require("node:fs");').declared).toEqual(["fs"]);
  expect(transpileCell('import fs = require("node:fs");').code).toContain('var fs = require("node:fs");');
});

test("`let x;` in an async cell resets x, like running the declaration again", async () => {
  const run = notebook();
  await run("let x = 5;");
  const ctx = await run("let x: number; await null; globalThis.r = x;");
  expect(ctx.r).toBeUndefined();
});

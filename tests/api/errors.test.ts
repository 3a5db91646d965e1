/**
 * One errors module (src/base/errors.ts): every error class the engine throws is declared there,
 * exported from `tensorlings` and `tf.errors` as the same class, and `instanceof` matches what the
 * engine throws.
 */
import * as fs from "fs";
import * as path from "path";
import * as tf from "tensorlings";

const PYTHON_ERRORS = ["ValueError", "KeyError", "RuntimeError", "LookupError", "AssertionError", "OSError"] as const;
const srcRoot = path.resolve(__dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

describe("the errors module", () => {
  test.each(PYTHON_ERRORS)("%s: one class, named as Python names it, exported from tf and tf.errors", (name) => {
    const cls = tf[name];
    expect(tf.errors[name]).toBe(cls);
    const e = new cls("boom");
    expect(e).toBeInstanceOf(cls);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    expect(String(e)).toBe(`${name}: boom`);
  });

  test("the saver throws the errors module's OSError", () => {
    expect(() => tf.train.importMetaGraph(path.join(srcRoot, "no-such-file.meta"))).toThrow(tf.OSError);
  });

  test("op errors carry TF's canonical codes and match instanceof", () => {
    const e = new tf.InvalidArgumentError("bad", "node_1");
    expect(e).toBeInstanceOf(tf.OpError);
    expect(e.code).toBe(3);
    expect(e.name).toBe("InvalidArgumentError");
    expect(new tf.NotFoundError("x").code).toBe(5);
  });

  test("the engine's thrown errors match the exported classes", () => {
    tf.resetDefaultGraph();
    const g = tf.getDefaultGraph();
    expect(() => g.asDefault(() => tf.resetDefaultGraph())).toThrow(tf.AssertionError);
    expect(() => g.getTensorByName("nothing:0")).toThrow(tf.KeyError);
  });

  test("no module of src/ besides base/errors.ts declares an error class", () => {
    const own = path.join(srcRoot, "base", "errors.ts");
    const declaring = sourceFiles(srcRoot)
      .filter((f) => f !== own && /class \w+ extends (\w*Error|pythonError|opError)\b/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(srcRoot, f));
    expect(declaring).toEqual([]);
  });
});

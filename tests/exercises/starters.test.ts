/**
 * Starters read cleanly (finding 7): no `void x;` lines that only quiet the linter, the linter still
 * passes on them, and examples in comments are valid answers (ex01 once suggested ["x", "y"]).
 * That they still fail their suites is gradeReferenceAndStarters.test.ts's job.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const starters = fs
  .readdirSync(path.join(ROOT, "exercises"), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.join(ROOT, "exercises", f));

test("no starter keeps names alive with void statements", () => {
  const offenders = starters.flatMap((f) =>
    fs
      .readFileSync(f, "utf8")
      .split("\n")
      .filter((l) => /^\s*void\s/.test(l))
      .map((l) => `${path.relative(ROOT, f)}: ${l.trim()}`),
  );
  expect(offenders).toEqual([]);
});

test("the starters pass the linter as they are", () => {
  // The command line, as `npm run lint` runs it (ESLint's API cannot load its config inside Jest).
  const eslint = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
  const run = spawnSync(process.execPath, [eslint, "--max-warnings", "0", ...starters], { cwd: ROOT, encoding: "utf8" });
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
}, 60_000);

test("ex01's comments only show letters that are valid answers", () => {
  const text = fs.readFileSync(path.join(ROOT, "exercises", "ex01.ts"), "utf8");
  const letters = /export type Letter = ([^;]+);/.exec(text)![1].match(/"(\w)"/g)!.map((q) => q[1]);
  const comments = text.match(/\/\/.*|\/\*[\s\S]*?\*\//g)!.join("\n");
  const quoted = [...comments.matchAll(/\[((?:\s*"[^"]*",?)+)\]/g)].flatMap((m) => m[1].match(/"([^"]*)"/g)!.map((q) => q.slice(1, -1)));
  for (const q of quoted) expect(letters).toContain(q);
  expect(letters).toEqual(["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
});

/**
 * The engine's one-way layers (.dependency-cruiser.js, run by `npm run lint`) hold on the tree, and
 * the check really fails: a copy of src/ with one back-import from graph/ to runtime/, or one
 * import cycle, is refused with the rule and the files named.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const depcruise = path.join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

/** Runs the lint's dependency check in `cwd` (a tree with src/, tsconfig.json and the config). */
function cruise(cwd: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [depcruise, "src", "--config", ".dependency-cruiser.js"], {
    cwd,
    encoding: "utf8",
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** A throw-away copy of src/ and the two config files, with `edit` applied to one file of it. */
function copyWith(file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tensorlings-layers-"));
  fs.cpSync(path.join(root, "src"), path.join(dir, "src"), { recursive: true });
  for (const f of [".dependency-cruiser.js", "tsconfig.json"]) fs.copyFileSync(path.join(root, f), path.join(dir, f));
  const target = path.join(dir, file);
  fs.writeFileSync(target, edit(fs.readFileSync(target, "utf8")));
  return dir;
}

describe("one-way layers of src/", () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test("the tree has no back-import and no run-time cycle", () => {
    const { status, output } = cruise(root);
    expect(output).toContain("no dependency violations found");
    expect(status).toBe(0);
  });

  test("a back-import from graph/ to runtime/ fails the check", () => {
    const dir = copyWith("src/graph/tensor.ts", (t) => `import { SessionImpl } from "../runtime/session";\nvoid SessionImpl;\n${t}`);
    made.push(dir);
    const { status, output } = cruise(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/graph-imports-only-below: src\/graph\/tensor\.ts → src\/runtime\/session\.ts/);
  });

  test("a forward op importing its gradient module (a cycle inside ops/) fails the check", () => {
    const dir = copyWith("src/ops/math/binary.ts", (t) => `import "./binaryGrad";\n${t}`);
    made.push(dir);
    const { status, output } = cruise(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/no-circular: src\/ops\/math\/binary(Grad)?\.ts/);
  });
});

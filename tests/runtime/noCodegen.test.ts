// The engine compiles some loops from strings (src/base/kernels/specialize.ts). Where Node forbids
// that, it must fall back to plain loops and print exactly the same numbers.
import { spawnSync } from "child_process";
import * as path from "path";

const script = path.join(__dirname, "noCodegenScript.ts");
const run = (flags: string[]) => {
  const r = spawnSync(process.execPath, [...flags, "-r", "ts-node/register", script], {
    cwd: path.join(__dirname, "..", ".."),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
};

test("results without code generation from strings are bit for bit the usual ones", () => {
  const usual = run([]);
  expect(JSON.parse(usual)).toHaveLength(4);
  expect(run(["--disallow-code-generation-from-strings"])).toBe(usual);
}, 30000);

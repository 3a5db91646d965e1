/**
 * `npm run gradescope:build -- [--tests <dir>] [--out <zip>]`: builds a Gradescope autograder
 * zip. At the zip's top: `setup.sh` (installs Node 26 and the kit's locked dependencies) and
 * `run_autograder` (grades with the same engine as every other mode); `kit/` holds the pristine
 * kit (engine, grader, configuration; no exercises, solutions or tests) and `tests/` the suites
 * folder with its manifest, which may be a private one.
 */
import AdmZip from "adm-zip";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { DEFAULT_KIT_ROOT } from "../engine/kit";
import { loadManifest } from "../manifest";

/**
 * Kit entries the autograder needs; everything else (exercises, solutions, tests, lessons) stays
 * out, but for the lesson list that the manifest's schema checks each exercise's `lesson` against.
 */
const KIT_FILES = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  ".swcrc",
  "lessons/index.ts",
  "lessons/schema.ts",
];
const KIT_DIRS = ["src", "datasets", "types", "grader"];
const SKIP_DIRS = new Set(["node_modules", ".git", "suites", "__pycache__"]);

export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once while building the autograder image.
set -euo pipefail
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 24 ]; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg util-linux bubblewrap
  curl -fsSL https://deb.nodesource.com/setup_26.x | bash -
  apt-get install -y nodejs
fi
cd /autograder/source/kit
npm ci --no-audit --no-fund
`;

export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Gradescope runs this for every submission; it always leaves a valid results.json behind.
cd /autograder/source/kit
exec node_modules/.bin/ts-node grader/gradescope/run.ts \\
  --submission /autograder/submission \\
  --tests /autograder/source/tests \\
  --results /autograder/results/results.json
`;

// adm-zip takes Unix permission bits and adds the file type itself.
const EXECUTABLE = 0o755;
const REGULAR = 0o644;

export function buildAutograderZip(opts: { kitRoot?: string; tests: string; out: string }): {
  files: string[];
} {
  const kitRoot = path.resolve(opts.kitRoot ?? DEFAULT_KIT_ROOT);
  loadManifest(opts.tests); // refuse to package a broken manifest
  const zip = new AdmZip();
  const files: string[] = [];
  const add = (name: string, data: Buffer, attr = REGULAR) => {
    zip.addFile(name, data, "", attr);
    files.push(name);
  };
  add("setup.sh", Buffer.from(SETUP_SH), EXECUTABLE);
  add("run_autograder", Buffer.from(RUN_AUTOGRADER), EXECUTABLE);
  for (const f of KIT_FILES)
    if (fs.existsSync(path.join(kitRoot, f))) add(`kit/${f}`, fs.readFileSync(path.join(kitRoot, f)));
  for (const d of KIT_DIRS) addTree(path.join(kitRoot, d), `kit/${d}`, add);
  addTree(path.resolve(opts.tests), "tests", add, new Set(["node_modules", ".git"]));
  fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
  zip.writeZip(path.resolve(opts.out));
  return { files };
}

function addTree(
  dir: string,
  prefix: string,
  add: (name: string, data: Buffer) => void,
  skip = SKIP_DIRS,
): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !skip.has(e.name)) addTree(full, `${prefix}/${e.name}`, add, skip);
    else if (e.isFile()) add(`${prefix}/${e.name}`, fs.readFileSync(full));
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { tests: { type: "string" }, out: { type: "string" }, kit: { type: "string" } },
  });
  const kitRoot = path.resolve(values.kit ?? DEFAULT_KIT_ROOT);
  const tests = path.resolve(values.tests ?? path.join(kitRoot, "grader", "suites"));
  const out = path.resolve(values.out ?? path.join(kitRoot, "out", "gradescope-autograder.zip"));
  try {
    const { files } = buildAutograderZip({ kitRoot, tests, out });
    console.log(
      `wrote ${out} (${files.length} files). Upload it as the autograder of a Gradescope programming assignment.`,
    );
  } catch (e) {
    console.error(`gradescope:build: ${(e as Error).message}`);
    process.exit(2);
  }
}

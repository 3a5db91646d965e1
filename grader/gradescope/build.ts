/**
 * `npm run gradescope:build -- [--tests <dir>] [--out <zip>] [--allow-unsandboxed]`: builds a
 * Gradescope autograder zip. At the zip's top: `setup.sh` (installs bubblewrap, Node 26 and the
 * kit's locked production dependencies, then probes the sandbox) and `run_autograder` (grades
 * with the same engine as every other mode); `kit/` holds the pristine
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
export const KIT_FILES = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  ".swcrc",
  "lessons/index.ts",
  "lessons/schema.ts",
];
export const KIT_DIRS = ["src", "datasets", "types", "grader"];
const SKIP_DIRS = new Set(["node_modules", ".git", "suites", "__pycache__"]);

export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once while building the autograder image.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
# bubblewrap is the sandbox student code runs in; util-linux brings prlimit.
apt-get install -y --no-install-recommends ca-certificates curl gnupg util-linux bubblewrap
# Node 26, the current LTS.
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 26 ]; then
  curl -fsSL https://deb.nodesource.com/setup_26.x | bash -
  apt-get install -y nodejs
fi
# The zip is unpacked into /autograder/source, this script at its top.
cd "$(dirname "$0")/kit"
# Production dependencies only: the grader's runtime (Jest, swc, TypeScript, ts-node) is among them.
npm ci --omit=dev --no-audit --no-fund
# Whether the sandbox starts in this container, in the build log.
node_modules/.bin/ts-node grader/gradescope/run.ts --probe
`;

/** Gradescope runs this for every submission; it always leaves a valid results.json behind. */
export function runAutograder(allowUnsandboxed = false): string {
  return `#!/usr/bin/env bash
# Gradescope runs this for every submission; it always leaves a valid results.json behind.
cd /autograder/source/kit
exec node_modules/.bin/ts-node grader/gradescope/run.ts \\
  --submission /autograder/submission \\
  --tests /autograder/source/tests \\
  --results /autograder/results/results.json${allowUnsandboxed ? " \\\n  --allow-unsandboxed" : ""}
`;
}

// adm-zip takes Unix permission bits and adds the file type itself.
const EXECUTABLE = 0o755;
const REGULAR = 0o644;

export function buildAutograderZip(opts: {
  kitRoot?: string;
  tests: string;
  out: string;
  /** Grade even where the sandbox cannot start (every result then says so); default: refuse. */
  allowUnsandboxed?: boolean;
}): {
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
  add("run_autograder", Buffer.from(runAutograder(opts.allowUnsandboxed)), EXECUTABLE);
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
    options: {
      tests: { type: "string" },
      out: { type: "string" },
      kit: { type: "string" },
      "allow-unsandboxed": { type: "boolean" },
    },
  });
  const kitRoot = path.resolve(values.kit ?? DEFAULT_KIT_ROOT);
  const tests = path.resolve(values.tests ?? path.join(kitRoot, "grader", "suites"));
  const out = path.resolve(values.out ?? path.join(kitRoot, "out", "gradescope-autograder.zip"));
  try {
    const allowUnsandboxed = values["allow-unsandboxed"] === true;
    const { files } = buildAutograderZip({ kitRoot, tests, out, allowUnsandboxed });
    console.log(
      `wrote ${out} (${files.length} files). Upload it as the autograder of a Gradescope programming assignment.`,
    );
    console.log(
      allowUnsandboxed
        ? "Where the sandbox cannot start, submissions are graded WITHOUT it and every result says so."
        : "Where the sandbox cannot start, nothing is graded and every result says why (--allow-unsandboxed grades anyway).",
    );
  } catch (e) {
    console.error(`gradescope:build: ${(e as Error).message}`);
    process.exit(2);
  }
}

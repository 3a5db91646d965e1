/**
 * Paths into the pristine kit: the toolchain (node_modules), the engine learners import as
 * `tensorlings`, and the grader's own trusted child modules. Learner files never come from here.
 */
import * as fs from "fs";
import * as path from "path";

export interface KitPaths {
  root: string;
  nodeModules: string;
  /** Where the kit names its node_modules, when that is a link to `nodeModules`. */
  nodeModulesLink: string | null;
  jestBin: string;
  swcJest: string;
  srcIndex: string;
  datasetsIndex: string;
  childDir: string;
  harnessDir: string;
  tsconfig: string;
  version: string;
}

export const DEFAULT_KIT_ROOT = path.resolve(__dirname, "..", "..");

export function kitPaths(root = DEFAULT_KIT_ROOT): KitPaths {
  // Real paths: the permission model compares resolved paths, and temp folders are often symlinks.
  const abs = fs.realpathSync(path.resolve(root));
  const req = (id: string) => require.resolve(id, { paths: [abs] });
  let version = "0.0.0";
  try {
    version = JSON.parse(fs.readFileSync(path.join(abs, "package.json"), "utf8")).version ?? version;
  } catch {
    // A kit without package.json still grades; the version is informational.
  }
  return {
    root: abs,
    nodeModules: fs.realpathSync(path.join(abs, "node_modules")),
    nodeModulesLink:
      fs.realpathSync(path.join(abs, "node_modules")) === path.join(abs, "node_modules")
        ? null
        : path.join(abs, "node_modules"),
    jestBin: path.join(path.dirname(req("jest/package.json")), "bin", "jest.js"),
    swcJest: path.dirname(req("@swc/jest/package.json")),
    srcIndex: path.join(abs, "src", "index.ts"),
    datasetsIndex: path.join(abs, "datasets", "index.ts"),
    childDir: path.join(abs, "grader", "engine", "child"),
    harnessDir: path.join(abs, "grader", "harness"),
    tsconfig: path.join(abs, "tsconfig.json"),
    version,
  };
}

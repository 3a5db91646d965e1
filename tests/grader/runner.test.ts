/**
 * What the child process is given: a minimal environment and a Jest configuration whose every
 * path belongs to the grader or the run folder.
 */
import * as path from "path";
import { kitPaths } from "../../grader/engine/kit";
import { childEnv, escapeRegex, groupRssMb, jestConfig, type SuiteRun } from "../../grader/engine/runner";
import { probeSandbox } from "../../grader/engine/sandbox";

const kit = kitPaths();
const run: SuiteRun = {
  kit,
  sandbox: probeSandbox(),
  runDir: "/tmp/run-x",
  suiteFile: "ex01.test.ts",
  allowChildProcess: false,
  seed: 42,
  limits: {
    startupMs: 1,
    testMs: () => 1,
    defaultTestMs: 1234,
    graceMs: 1,
    deadline: 0,
    memoryMb: 256,
    outputBytes: 1,
  },
};

describe("the child's environment", () => {
  it("passes no secrets and no inherited Node options, only what the kit reads", () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      GITHUB_TOKEN: "ghs_secret",
      AWS_SECRET_ACCESS_KEY: "x",
      NODE_OPTIONS: "--require /evil.js",
      HOML_DATA_HOME: "/data",
      TENSORLINGS_BACKEND: "cpu",
    });
    try {
      const env = childEnv(run);
      expect(Object.keys(env).sort()).toEqual(
        [
          "CI",
          "FORCE_COLOR",
          "HOME",
          "HOML_DATA_HOME",
          "LANG",
          "NODE_ENV",
          "NO_COLOR",
          "PATH",
          "TENSORLINGS_BACKEND",
          "TENSORLINGS_SEED",
          "TMPDIR",
          "TZ",
        ].sort(),
      );
      expect(env.HOME).toBe(path.join("/tmp/run-x", "home"));
      expect(env.TMPDIR).toBe(path.join("/tmp/run-x", "tmp"));
      expect(env.TENSORLINGS_SEED).toBe("42");
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it("runs Jest with the grader's own environment, reporter and module map", () => {
    const cfg = jestConfig(run) as Record<string, any>;
    expect(cfg.rootDir).toBe("/tmp/run-x");
    expect(cfg.testEnvironment).toBe(path.join(kit.root, "grader", "engine", "child", "environment.ts"));
    expect(cfg.reporters).toEqual([path.join(kit.root, "grader", "engine", "child", "reporter.js")]);
    expect(cfg.moduleNameMapper).toEqual({
      "^tensorlings$": path.join(kit.root, "src", "index.ts"),
      "^tensorlings/datasets$": path.join(kit.root, "datasets", "index.ts"),
      "^tensorlings/io$": path.join(kit.root, "src", "io", "index.ts"),
      "^@submission/(.*)$": path.join("/tmp/run-x", "submission", "$1"),
    });
    expect(cfg.setupFiles).toEqual([]);
    expect(cfg.setupFilesAfterEnv).toEqual([]);
    expect(cfg.testTimeout).toBe(1234);
    expect(cfg.cacheDirectory).toBe(path.join("/tmp/run-x", "cache"));
    expect(new RegExp(cfg.testRegex[0]).test("/tmp/run-x/suites/ex01.test.ts")).toBe(true);
    expect(new RegExp(cfg.testRegex[0]).test("/tmp/run-x/suites/ex01.test.tsx")).toBe(false);
  });

  it("escapes regular expressions and measures a process group's memory", () => {
    expect(escapeRegex("a.b/c[1]")).toBe("a\\.b\\/c\\[1\\]");
    expect(groupRssMb(process.pid)).toBeGreaterThanOrEqual(0);
    expect(groupRssMb(2 ** 22 + 12345)).toBe(0);
  });
});

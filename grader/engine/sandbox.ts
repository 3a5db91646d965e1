/**
 * What isolation this machine offers the child processes, probed once per grader process.
 *
 * Layers, each used when available:
 * - Node's permission model: reads limited to the run folder and the kit's toolchain, writes to
 *   the run folder only, no child processes (unless an exercise needs them), no worker threads,
 *   no inspector. Node itself calls it a seat belt, so it is never the only layer.
 * - `unshare`: a network namespace (no network at all) and a PID namespace (every process a run
 *   starts dies with it, even one that left the process group).
 * - `prlimit`: a hard cap on writable memory, behind the parent's RSS watchdog.
 *
 * `TENSORLINGS_SANDBOX=none` turns the optional layers off (for debugging a suite).
 */
import { spawnSync } from "child_process";
import type { SandboxInfo } from "./types";

export interface Sandbox extends SandboxInfo {
  /** Node flag enabling the permission model (`--permission` or `--experimental-permission`). */
  permissionFlag: string | null;
  /** Command prefix putting the child in its own namespaces (empty when unavailable). */
  unsharePrefix: string[];
  prlimit: string | null;
}

let cached: Sandbox | null = null;

export function probeSandbox(): Sandbox {
  if (cached) return cached;
  const off = process.env.TENSORLINGS_SANDBOX === "none";
  const permissionFlag = off
    ? null
    : firstWorking(
        ["--permission", "--experimental-permission"].map(
          (f) => [process.execPath, [f, "--allow-fs-read=*", "-e", "0"], f] as const,
        ),
      );
  let unsharePrefix: string[] = [];
  let netns = false;
  let pidns = false;
  if (!off) {
    for (const prefix of [
      ["unshare", "--net", "--pid", "--fork", "--kill-child"],
      ["unshare", "--map-root-user", "--net", "--pid", "--fork", "--kill-child"],
    ]) {
      if (works(prefix[0], [...prefix.slice(1), "true"])) {
        unsharePrefix = prefix;
        netns = pidns = true;
        break;
      }
    }
  }
  const prlimit = !off && works("prlimit", ["--data=4000000000", "true"]) ? "prlimit" : null;
  cached = { permission: permissionFlag !== null, permissionFlag, netns, pidns, unsharePrefix, prlimit };
  return cached;
}

function works(cmd: string, args: string[]): boolean {
  try {
    const r = spawnSync(cmd, args, { stdio: "ignore", timeout: 5000 });
    return r.status === 0;
  } catch {
    return false;
  }
}

function firstWorking(candidates: ReadonlyArray<readonly [string, string[], string]>): string | null {
  for (const [cmd, args, flag] of candidates) if (works(cmd, args)) return flag;
  return null;
}

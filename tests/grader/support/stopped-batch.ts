/**
 * A stand-in for a batch in the middle of grading, for the shutdown test: it makes a work folder
 * the way the batch does, registers its removal, starts a sandbox-like child in its own process
 * group (with a grandchild that would outlive it) and waits to be stopped.
 * Prints `{"work": ..., "group": ...}` once everything is running.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { onShutdown, trackChild, untrackChild } from "../../../grader/engine/lifecycle";
import { makeWorkRoot, removeRun } from "../../../grader/engine/workspace";

const work = makeWorkRoot(process.argv[2]);
fs.mkdirSync(path.join(work, "run-1", "submission"), { recursive: true });
onShutdown(() => removeRun(work));
const child = spawn("sh", ["-c", "sleep 60 & sleep 60; wait"], { detached: true, stdio: "ignore" });
trackChild(child.pid);
child.on("exit", () => untrackChild(child.pid));
setTimeout(() => console.log(JSON.stringify({ work, group: child.pid })), 200);
setInterval(() => undefined, 60_000);

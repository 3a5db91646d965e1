/**
 * Worker thread of the trusted test process that owns the learner's sandboxed process: it starts
 * it, writes requests to its fd 3, and hands each answer line to the main thread, which waits
 * for it synchronously (Atomics.wait) so that suites can call learner functions as plain calls.
 */
"use strict";
const { spawn } = require("child_process");
const { workerData, parentPort } = require("worker_threads");

const { spec, flag, port, maxLine, outputBytes } = workerData;
const signal = new Int32Array(flag);
let output = "";
let outputSeen = 0;
/** Chunks of the line being received (Buffers), and their total size. */
let pending = [];
let pendingBytes = 0;

const child = spawn(spec.argv[0], spec.argv.slice(1), {
  cwd: spec.cwd,
  env: spec.env,
  stdio: ["ignore", "pipe", "pipe", "pipe"],
  detached: true,
  ...(spec.uid !== undefined ? { uid: spec.uid, gid: spec.gid } : {}),
});

function post(message) {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

const onOutput = (chunk) => {
  outputSeen += chunk.length;
  if (output.length < outputBytes) output += chunk.toString("utf8").slice(0, outputBytes - output.length);
};
child.stdout.on("data", onOutput);
child.stderr.on("data", onOutput);
child.on("error", (e) => post({ dead: true, reason: `could not start the learner's process: ${e.message}` }));
child.on("exit", (code, sig) => {
  const last = output.trim().split("\n").slice(-6).join("\n");
  post({
    dead: true,
    reason: `the learner's process ended (${sig ? `signal ${sig}` : `exit code ${code}`})${last ? `; its last output:\n${last}` : ""}`,
  });
});
const channel = child.stdio[3];
channel.on("error", () => undefined);
// Only each new chunk is searched for the end of a line, and a line's chunks are joined once:
// re-scanning (and re-flattening) everything pending on every chunk made a 15 MB answer take
// seconds, quadratic in its size.
channel.on("data", (chunk) => {
  let start = 0;
  let nl;
  while ((nl = chunk.indexOf(10, start)) >= 0) {
    if (pendingBytes + nl - start > maxLine) return tooLarge();
    pending.push(chunk.subarray(start, nl));
    const line = Buffer.concat(pending).toString("utf8");
    pending = [];
    pendingBytes = 0;
    start = nl + 1;
    post({ line, output: takeOutput() });
  }
  if (start < chunk.length) {
    pending.push(chunk.subarray(start));
    pendingBytes += chunk.length - start;
    if (pendingBytes > maxLine) tooLarge();
  }
});

function tooLarge() {
  pending = [];
  pendingBytes = 0;
  post({ dead: true, reason: "the learner's process sent an answer larger than the grader accepts" });
}

function takeOutput() {
  const out = outputSeen > outputBytes ? `${output}\n… (${outputSeen - outputBytes} bytes left out)` : output;
  output = "";
  outputSeen = 0;
  return out;
}

post({ pid: child.pid });
parentPort.on("message", (m) => {
  if (m.kill) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
    return;
  }
  channel.write(`${m.line}\n`);
});

/* global Buffer */
/**
 * The child's end of the private results channel (runs inside the Jest process, outside the
 * test's sandboxed context). Plain CommonJS because Jest loads reporters without transforming them.
 *
 * The parent passes an extra socket as fd 3 and writes one handshake line into it right after the
 * process starts: a nonce plus one secret key for each trusted sender (the environment and the
 * reporter). Each key can be taken once; both senders take theirs while Jest starts, before any
 * test file (and so any learner code) is loaded. Events carry the nonce, a per-sender sequence
 * number and an HMAC under the sender's key, so a line written by anyone else is recognised as
 * forged even if it comes through this very module. Core functions are captured at load time,
 * so later monkeypatching of `fs` or `crypto` cannot intercept them.
 */
"use strict";
const fs = require("fs");
const crypto = require("crypto");

const writeSync = fs.writeSync;
const readSync = fs.readSync;
const createHmac = crypto.createHmac;
const CHANNEL_FD = 3;
const HANDSHAKE_TIMEOUT_MS = 15000;
/** Cap on one event body; messages inside are already capped much lower. */
const MAX_BODY = 64 * 1024;

let nonce = null;
const keys = new Map();
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

function pause(ms) {
  Atomics.wait(sleepCell, 0, 0, ms);
}

/** Reads the handshake line; fd 3 is non-blocking, so EAGAIN means "not written yet". */
function readHandshake() {
  const buf = Buffer.alloc(512);
  let text = "";
  const deadline = Date.now() + HANDSHAKE_TIMEOUT_MS;
  while (!text.includes("\n")) {
    try {
      const n = readSync(CHANNEL_FD, buf, 0, buf.length, null);
      if (n === 0) throw new Error("grader channel closed before the handshake");
      text += buf.toString("utf8", 0, n);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      if (Date.now() > deadline) throw new Error("no handshake from the grader on fd 3");
      pause(2);
    }
  }
  const [n, envKey, reporterKey] = text.slice(0, text.indexOf("\n")).trim().split(" ");
  keys.set("env", envKey);
  keys.set("rep", reporterKey);
  return n;
}

function openChannel() {
  if (nonce === null) nonce = readHandshake();
}

function writeLine(obj) {
  const data = Buffer.from(JSON.stringify(obj) + "\n", "utf8");
  let off = 0;
  while (off < data.length) {
    try {
      off += writeSync(CHANNEL_FD, data, off, data.length - off);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      pause(2);
    }
  }
}

/**
 * Hands out the signing function for `role` ("env" or "rep") exactly once. The returned function
 * sends one event: `send(type, payload)`.
 */
function takeSender(role) {
  openChannel();
  const key = keys.get(role);
  keys.delete(role);
  if (!key) return null;
  let seq = 0;
  return function send(type, payload = {}) {
    let body = JSON.stringify({ ...payload, t: type, s: seq });
    if (body.length > MAX_BODY)
      body = JSON.stringify({ t: type, s: seq, truncated: true, name: payload.name ?? null });
    seq += 1;
    writeLine({ n: nonce, r: role, b: body, m: createHmac("sha256", key).update(body).digest("hex") });
  };
}

// The outer process's exit, however it happens (including learner code calling process.exit).
// Unsigned: it only refines a message, never a score.
process.on("exit", (code) => {
  try {
    if (nonce !== null) writeLine({ n: nonce, r: "exit", b: JSON.stringify({ t: "exit", code }) });
  } catch {
    // The parent notices the missing event.
  }
});

module.exports = { openChannel, takeSender };

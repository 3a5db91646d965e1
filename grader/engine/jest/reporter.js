/**
 * The grader's Jest reporter. It runs in the trusted test process (no learner code loads there)
 * and appends one JSON line per finished test and per finished suite file to the file named in
 * its options, so that the grader knows what finished even if the process is stopped midway.
 * Messages keep the error's own text but never Jest's code frames (they quote the suite).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { stripVTControlCharacters } = require("util");

const MAX_MESSAGE = 4000;

function text(s) {
  const plain = stripVTControlCharacters(String(s));
  return plain.length > MAX_MESSAGE ? `${plain.slice(0, MAX_MESSAGE)}…` : plain;
}

/** The thrown error's message alone: no stack, no code frame. */
function messageOf(result) {
  const details = result.failureDetails ?? [];
  const parts = details.map((d) => {
    try {
      if (d && typeof d === "object" && typeof d.message === "string") return d.message;
    } catch {
      // fall through
    }
    return "the check failed";
  });
  if (parts.length) return text(parts.join("\n"));
  // Failures without details (Jest's own): first line of each message, before any stack.
  return text((result.failureMessages ?? []).map((m) => String(m).split("\n    at ")[0]).join("\n"));
}

class GraderReporter {
  constructor(_globalConfig, options) {
    this.out = options.out;
  }

  write(record) {
    fs.appendFileSync(this.out, `${JSON.stringify(record)}\n`);
  }

  onTestCaseResult(test, result) {
    this.write({
      t: "test",
      file: path.basename(test.path),
      name: result.fullName,
      status: result.status,
      message: result.status === "passed" ? "" : messageOf(result),
      duration: result.duration ?? 0,
    });
  }

  onTestResult(test, result) {
    const exec = result.testExecError;
    this.write({
      t: "file",
      file: path.basename(test.path),
      execError: exec ? text(exec.message) : null,
    });
  }

  getLastError() {
    return undefined;
  }
}

module.exports = GraderReporter;

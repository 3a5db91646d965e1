/**
 * The grader's only Jest reporter (trusted; plain CommonJS because Jest loads reporters without
 * transforming them). It claims its signing key in the constructor, while Jest starts and before
 * any test file (and so any learner code) is loaded. It reports file-level outcomes the
 * environment cannot see, such as a suite that failed to load, and the end of the run.
 */
"use strict";
const { takeSender } = require("./channel.js");

// Module scope, not an instance field: nothing outside this file can reach it.
let send = null;

const MAX_MESSAGE = 4000;

function cap(s) {
  // eslint-disable-next-line no-control-regex
  const plain = String(s).replace(/\u001b\[[0-9;]*m/g, "");
  return plain.length > MAX_MESSAGE ? plain.slice(0, MAX_MESSAGE) + "\n… (message shortened)" : plain;
}

class GraderReporter {
  constructor() {
    send = send ?? takeSender("rep");
    if (!send) throw new Error("the grader reporter could not claim its channel key");
  }

  onTestResult(_test, result) {
    const exec = result.testExecError;
    send("file_result", {
      execError: exec
        ? cap(`${exec.message}${exec.stack ? "\n" + exec.stack.split("\n").slice(1, 4).join("\n") : ""}`)
        : null,
      numTests: result.testResults.length,
    });
  }

  onRunComplete() {
    send("complete");
  }

  getLastError() {
    return undefined;
  }
}

module.exports = GraderReporter;

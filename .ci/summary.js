// Prints the closing line the workplace CI reads, from Jest's --json report.
const fs = require("fs");
const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log("0 passed, 1 failed");
  console.error(`no Jest report at ${file}: the test run did not complete`);
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, "utf8"));
// A suite that fails to load counts as a failure even though it ran no test.
const brokenSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
const failed = r.numFailedTests + brokenSuites;
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(failed > 0 || r.numPassedTests === 0 ? 1 : 0);

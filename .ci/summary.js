// Prints the closing line the workplace CI reads, from Jest's --json report(s).
// Usage: summary.js REPORT | summary.js LABEL=REPORT LABEL=REPORT...
// With several reports (one per Node version) it prints one labelled line per run, then the combined
// line last. Exits non-zero when any run failed, is missing, or passed nothing.
const fs = require("fs");
const { parseArgs } = require("util");

function count(file) {
  if (!fs.existsSync(file)) {
    console.error(`no Jest report at ${file}: the test run did not complete`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  // A suite that fails to load counts as a failure even though it ran no test.
  const brokenSuites = r.testResults.filter(
    (s) => s.status === "failed" && s.assertionResults.length === 0,
  ).length;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenSuites,
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

const line = (c) => `${c.passed} passed, ${c.failed} failed` + (c.skipped ? `, ${c.skipped} skipped` : "");

const USAGE = "usage: summary.js REPORT | summary.js LABEL=REPORT LABEL=REPORT...";
let args;
try {
  args = parseArgs({
    args: process.argv.slice(2),
    options: {},
    allowPositionals: true,
    strict: true,
  }).positionals;
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(2);
}
if (args.length === 0) {
  console.error(USAGE);
  process.exit(2);
}
const runs = args.map((arg) => {
  const eq = arg.indexOf("=");
  return eq < 0 ? { label: "", file: arg } : { label: arg.slice(0, eq), file: arg.slice(eq + 1) };
});
const counts = runs.map((run) => count(run.file));
if (runs.length > 1) runs.forEach((run, i) => console.log(`${run.label || run.file}: ${line(counts[i])}`));
const total = { passed: 0, failed: 0, skipped: 0 };
for (const c of counts) for (const k of Object.keys(total)) total[k] += c[k];
console.log(line(total));
process.exit(counts.some((c) => c.failed > 0 || c.passed === 0) ? 1 : 0);

// Prints one plain closing line, "N passed, N failed", over the jest and Playwright JSON reports given.
const fs = require('node:fs');

function countsOf(file) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, missing: true };
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (report.stats) return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
  return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0) };
}

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const counts = countsOf(file);
  if (counts.missing) console.log(`no test report at ${file} (that suite did not run)`);
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed`);

// The one count of a test run: reads the result files of jest (.jest-results.json) and of the
// portal's Vitest (portal/.vitest-results.json) and prints "N passed, N failed". A runner
// that left no file (it crashed, or never started) is one failure; so is a test file that
// failed with none of its tests failing — it broke on import or in a hook such as afterAll,
// which neither runner counts among its failed tests. Callers remove both files before the
// runners start, so a file from an earlier run is never read.
// Usage: node scripts/test-results.js [--passed N] [--failed N] [--root DIR]
//   --passed/--failed: checks counted beside the runners (.ci/run's compose check)
//   --root: where the result files are (the repo by default)
const fs = require('node:fs');
const path = require('node:path');

const option = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const root = path.resolve(option('root') ?? path.join(__dirname, '..'));

/** [passed, failed] of one runner's JSON results; `brokenFiles` counts what its failed tests miss. */
function count(file, brokenFiles) {
  const full = path.join(root, file);
  if (!fs.existsSync(full)) return [0, 1];
  const results = JSON.parse(fs.readFileSync(full, 'utf8'));
  return [results.numPassedTests, results.numFailedTests + brokenFiles(results)];
}

// jest reports a file that failed outside its tests (import, beforeAll/afterAll) as a runtime error
const jest = count('.jest-results.json', (r) => r.numRuntimeErrorTestSuites);
const vitest = count('portal/.vitest-results.json', (r) =>
  r.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')).length,
);
console.log(`${jest[0] + vitest[0] + Number(option('passed') ?? 0)} passed, ${jest[1] + vitest[1] + Number(option('failed') ?? 0)} failed`);

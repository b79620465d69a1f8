#!/usr/bin/env bash
# Runs every test suite of the repo. Needs PostgreSQL and Redis (PG_ADMIN_URL, REDIS_URL;
# 127.0.0.1 defaults) and, for the portal's end-to-end tests, Debian's chromium. Installs if
# needed, builds what the tests load (plugin bundles, CMS server code, the portal), runs jest
# over all workspaces and the portal's Vitest unit tests, and prints "N passed, N failed" last
# (both runners counted), failing when either runner failed.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund || exit 1
rm -f .jest-results.json
build_log=$(mktemp)
# the portal's production build (the e2e tests serve it); NODE_ENV would otherwise leak in from the caller
if ! npm run build:server >"$build_log" 2>&1 || ! NODE_ENV=production npm run build -w portal >>"$build_log" 2>&1; then
  cat "$build_log"
  echo "0 passed, 1 failed"
  exit 1
fi
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"
npx jest --runInBand --json --outputFile=.jest-results.json "$@"
rc=$?
rm -f portal/.vitest-results.json
(cd portal && npx vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json)
vitest_rc=$?
node -e '
  const fs = require("fs");
  // a missing results file is one failure; so is a Vitest file that failed before running a test
  const read = (file, errors) => {
    if (!fs.existsSync(file)) return [0, 1];
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    return [r.numPassedTests, r.numFailedTests + errors(r)];
  };
  const jest = read(".jest-results.json", (r) => r.numRuntimeErrorTestSuites);
  const vitest = read("portal/.vitest-results.json", (r) => r.testResults.filter((t) => t.status === "failed" && !t.assertionResults.length).length);
  console.log(`${jest[0] + vitest[0]} passed, ${jest[1] + vitest[1]} failed`);
'
[ "$rc" -eq 0 ] && rc=$vitest_rc
exit $rc

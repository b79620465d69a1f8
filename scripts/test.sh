#!/usr/bin/env bash
# Runs every test suite of the repo (needs PostgreSQL and Redis; see README).
# Builds what the tests load (plugin bundles, the CMS server code), then jest over all
# workspaces; prints "N passed, N failed" as the last line and keeps jest's exit code.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run build:server >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"
npx jest --runInBand --json --outputFile=.jest-results.json "$@"
rc=$?
node -e '
  const r = require("./.jest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`);
'
exit $rc

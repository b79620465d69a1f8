#!/usr/bin/env bash
# Runs every test suite of the repo. Needs PostgreSQL and Redis (PG_ADMIN_URL, REDIS_URL;
# 127.0.0.1 defaults). Installs if needed, builds what the tests load (plugin bundles,
# CMS server code), runs jest over all workspaces and prints "N passed, N failed" last,
# keeping jest's exit code.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund || exit 1
rm -f .jest-results.json
build_log=$(mktemp)
if ! npm run build:server >"$build_log" 2>&1; then
  cat "$build_log"
  echo "0 passed, 1 failed"
  exit 1
fi
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"
npx jest --runInBand --json --outputFile=.jest-results.json "$@"
rc=$?
node -e '
  const fs = require("fs");
  if (!fs.existsSync(".jest-results.json")) { console.log("0 passed, 1 failed"); process.exit(); }
  const r = JSON.parse(fs.readFileSync(".jest-results.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`);
'
exit $rc

#!/usr/bin/env bash
# Runs every test suite of the repo. Needs PostgreSQL and Redis (PG_ADMIN_URL, REDIS_URL;
# 127.0.0.1 defaults) and, for the portal's end-to-end tests, Debian's chromium. Installs if
# needed, builds what the tests load (plugin bundles, CMS server code, the portal), runs jest
# over all workspaces and the portal's Vitest unit tests, and prints "N passed, N failed" last
# (both runners counted), failing when either runner failed.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund || exit 1
# results of an earlier run must never be counted as this run's
rm -f .jest-results.json portal/.vitest-results.json
build_log=$(mktemp)
# the portal's production build (the e2e tests serve it); NODE_ENV would otherwise leak in from the caller
if ! npm run build:server >"$build_log" 2>&1 || ! NODE_ENV=production npm run build -w portal >>"$build_log" 2>&1; then
  cat "$build_log"
  rm -f "$build_log"
  echo "0 passed, 1 failed"
  exit 1
fi
rm -f "$build_log"
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"
# every suite runs in this one process (each boots Strapi in it), which outgrew node's default
# heap of about 4 GB on a 2-core, 24 GB machine; the larger limit is for this process only
node --max-old-space-size=8192 node_modules/jest/bin/jest.js --runInBand --json --outputFile=.jest-results.json "$@"
rc=$?
(cd portal && npx vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json)
vitest_rc=$?
node scripts/test-results.js
[ "$rc" -eq 0 ] && rc=$vitest_rc
exit $rc

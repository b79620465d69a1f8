#!/usr/bin/env bash
# `npm run soak`: builds what the soak runs (CMS server code, plugins, the OCR service), then
# cms/bench/soak.bench.ts — steady mixed traffic on two CMS and two worker processes behind
# Debian's nginx. SOAK_SECONDS (600), SOAK_RATE (20 requests/s), SOAK_WARM_UP_SECONDS (60).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--no-build" ] || npm run build:server
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"
exec node node_modules/jest/bin/jest.js -c cms/bench/jest.config.cjs --runInBand

#!/usr/bin/env bash
# Installs, builds and starts the platform on this machine: the CMS on :1337 and the OCR
# service on :8000 (OCR_PORT). PostgreSQL and Redis are expected at DATABASE_URL /
# REDIS_URL (127.0.0.1 defaults). Safe to run again; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
[ -f cms/.env ] || node scripts/write-env.js cms/.env
set -a; . cms/.env; set +a

node scripts/ensure-database.js "${DATABASE_URL}"
npm run build
npm run build -w ocr-service

PORT="${OCR_PORT:-8000}" node ocr-service/dist/main.js &
ocr=$!
trap 'kill "$ocr" 2>/dev/null || true' EXIT
(cd cms && npx strapi start)

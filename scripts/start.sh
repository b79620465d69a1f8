#!/usr/bin/env bash
# Installs, builds and starts the platform on this machine: the CMS on :1337, the OCR
# service on :8000 (OCR_PORT), the portal's production build on :5173 (PORTAL_PORT, served by
# `vite preview` with /api proxied to the CMS) and, when S3_ENDPOINT is a 127.0.0.1 address, a
# local S3-compatible server (s3rver) for the photos. PostgreSQL and Redis are expected at
# DATABASE_URL / REDIS_URL (127.0.0.1 defaults). Safe to run again; Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
[ -f cms/.env ] || node scripts/write-env.js cms/.env
# cms/.env fills in only what the caller's environment leaves unset (dotenv's rule)
env_defaults=$(node scripts/env-defaults.js cms/.env)
eval "$env_defaults"

node scripts/ensure-database.js "${DATABASE_URL}"
npm run build
npm run build -w ocr-service
NODE_ENV=production npm run build -w portal

children=()
trap 'kill "${children[@]}" 2>/dev/null || true' EXIT
if [[ "${S3_ENDPOINT:-}" =~ ^http://127\.0\.0\.1:([0-9]+) ]]; then
  node scripts/s3-dev-server.js "${BASH_REMATCH[1]}" .data/s3 &
  children+=($!)
fi
# the CMS sends OCR jobs to the service started here, whatever port it was given
export OCR_URL="${OCR_URL:-http://127.0.0.1:${OCR_PORT:-8000}}"
PORT="${OCR_PORT:-8000}" node ocr-service/dist/main.js &
children+=($!)
portal_port="${PORTAL_PORT:-5173}"
(cd portal && PORTAL_API_TARGET="http://127.0.0.1:${PORT:-1337}" PORTAL_PORT="$portal_port" \
  exec node node_modules/vite/bin/vite.js preview --host "${PORTAL_HOST:-0.0.0.0}" --logLevel warn) &
children+=($!)
echo "Portal: http://localhost:${portal_port} (production build; /api goes to the CMS on :${PORT:-1337})"
# node itself, waited for in the background: a SIGTERM or Ctrl-C to this script reaches the CMS,
# which finishes the requests in flight before it exits (npx and its sh -c die on the signal)
cd cms
node ../node_modules/@strapi/strapi/bin/strapi.js start &
cms_pid=$!
trap 'kill -TERM "$cms_pid" 2>/dev/null || true' TERM INT
status=0
wait "$cms_pid" || status=$?
# a signal interrupted that wait: the CMS is still finishing its requests
if kill -0 "$cms_pid" 2>/dev/null; then
  status=0
  wait "$cms_pid" || status=$?
fi
exit "$status"

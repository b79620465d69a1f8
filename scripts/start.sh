#!/usr/bin/env bash
# Installs, builds and starts the platform on this machine: PostgreSQL and Redis are
# expected at DATABASE_URL / REDIS_URL (127.0.0.1 defaults). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
[ -f cms/.env ] || node scripts/write-env.js cms/.env
set -a; . cms/.env; set +a

node scripts/ensure-database.js "${DATABASE_URL}"
npm run build
cd cms && exec npx strapi start

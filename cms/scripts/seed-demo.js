#!/usr/bin/env node
// Demo data: one user per role (<role>@example.com, password DEMO_PASSWORD) and, with
// `--tickets N`, N realistic tickets; `--api-token NAME` (re)creates a full-access API token
// and prints it. Boots Strapi without its HTTP server and without job workers; never in
// production.
const path = require('node:path');

const appDir = path.resolve(__dirname, '..');
// Strapi's dotenv reads ENV_PATH, else <cwd>/.env — and `npm run seed:demo` runs from the repo
// root, so name the CMS's own file: the CMS `npm start` serves and this script then see one
// database and one storage. Variables already set still win (tests and the bench set ENV_PATH).
process.env.ENV_PATH ??= path.join(appDir, '.env');
// seeding is not serving: the CMS (or `npm run worker`) runs the jobs, never this short process
process.env.WORKERS = 'off';

const { createStrapi } = require('@strapi/strapi');

/**
 * Strapi's document service announces each write after the call that made it has returned (it
 * reads the entry again for the event's payload). Destroying the app under such a read left it
 * waiting for a pool that was gone, and the process died a minute later: wait until the
 * connection pool has been idle for a few checks in a row.
 */
async function settle(app, timeoutMs = 10_000) {
  // knex's tarn pool; absent when loading failed before the database was set up
  const pool = app.db?.connection?.client?.pool;
  if (!pool) return;
  const deadline = Date.now() + timeoutMs;
  let idleChecks = 0;
  while (idleChecks < 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
    idleChecks = busy === 0 ? idleChecks + 1 : 0;
  }
}

async function main() {
  if (process.env.NODE_ENV === 'production') {
    console.error('seed:demo refuses to run with NODE_ENV=production');
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const at = args.indexOf('--tickets');
  const tickets = at >= 0 ? Number(args[at + 1]) : 0;
  const tokenAt = args.indexOf('--api-token');
  const tokenName = tokenAt >= 0 ? args[tokenAt + 1] : undefined;
  if (!Number.isSafeInteger(tickets) || tickets < 0) {
    console.error('usage: npm run seed:demo [-- --tickets N]');
    process.exit(2);
  }
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const demo = app.plugin('ticketing').service('demo');
    const created = await demo.users(process.env.DEMO_PASSWORD || 'Demo-Passw0rd');
    console.log(`users: ${created.length ? `created ${created.join(', ')}` : 'all four existed (passwords reset)'}`);
    if (tokenName) {
      const tokens = app.service('admin::api-token');
      const existing = await tokens.getByName(tokenName);
      if (existing) await tokens.revoke(existing.id);
      const token = await tokens.create({ name: tokenName, description: 'seed:demo', type: 'full-access', lifespan: null });
      console.log(`api-token: ${token.accessKey}`);
    }
    if (tickets) {
      const started = process.hrtime.bigint();
      let last = 0;
      await demo.tickets(tickets, {
        onProgress(done) {
          if (done - last >= 20000 || done === tickets) {
            last = done;
            process.stdout.write(`  ${done}/${tickets}\n`);
          }
        },
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(`tickets: ${tickets} in ${seconds.toFixed(1)} s (${Math.round(tickets / seconds)} tickets/s)`);
    }
  } finally {
    await settle(app);
    await app.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

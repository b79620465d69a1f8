#!/usr/bin/env node
// `npm run worker`: runs the job workers of every registered queue in a process of their
// own — the CMS's code and config, loaded with `createStrapi().load()` and no HTTP server.
// Run as many as the load needs (concurrency per queue: JOBS_CONCURRENCY_<QUEUE>); let the
// CMS itself stop running workers with WORKERS=off. SIGTERM stops it gracefully: running
// jobs finish or go back to their queue within JOBS_SHUTDOWN_TIMEOUT_MS.
const path = require('node:path');

const appDir = path.resolve(__dirname, '..');
// the CMS's own cms/.env, wherever this is started from (Strapi's dotenv reads ENV_PATH, else
// <cwd>/.env); variables already set win
process.env.ENV_PATH ??= path.join(appDir, '.env');
// whatever the environment says for the CMS, this process is a worker
process.env.WORKERS = 'inline';

const { createStrapi } = require('@strapi/strapi');

async function main() {
  // createStrapi also installs Strapi's SIGTERM/SIGINT handler: destroy() (our graceful stop), then exit
  const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  await app.load();
  const queues = app.plugin('jobs').service('queues').definitions().map((d) => d.name);
  app.log.info(`jobs worker ${process.pid} ready: ${queues.join(', ') || 'no queue registered'}`);
  // a parent that spawned us with an IPC channel (tests, supervisors) learns we are ready
  if (process.send) process.send({ ready: true, pid: process.pid, queues });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

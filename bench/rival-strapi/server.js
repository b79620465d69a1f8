#!/usr/bin/env node
// Starts the rival app (production, no admin panel) and prints a fresh full-access API token
// as "api-token: <key>" before "ready", so the bench authenticates the way it does on the CMS.
const { createStrapi } = require('@strapi/strapi');

async function main() {
  const app = createStrapi({ appDir: __dirname, distDir: __dirname, autoReload: false, serveAdminPanel: false });
  await app.load();
  const tokens = app.service('admin::api-token');
  // one token per process (named by its port): a second process must not revoke the first's
  const name = `bench-${process.env.PORT}`;
  const existing = await tokens.getByName(name);
  if (existing) await tokens.revoke(existing.id);
  const token = await tokens.create({ name, description: 'rival bench', type: 'full-access', lifespan: null });
  console.log(`api-token: ${token.accessKey}`);
  await app.listen();
  console.log('ready');
  process.on('SIGTERM', () => app.destroy().finally(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

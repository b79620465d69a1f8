import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase, dropTestDatabase } from './database';
import { deleteRedisKeys } from './redis';

const appDir = path.resolve(__dirname, '..', '..');
const secret = () => randomBytes(16).toString('base64');

function testEnv(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL ??= 'warn';
  // each test file keeps its Redis keys (rate limits, token families) apart from other runs
  process.env.REDIS_PREFIX ??= `test:${process.pid}:${randomBytes(4).toString('hex')}:`;
  process.env.APP_KEYS ??= `${secret()},${secret()}`;
  // photos on local disk (when a test sets no S3_ENDPOINT) go to a folder of this run
  process.env.UPLOADS_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-'));
  for (const name of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'JWT_SECRET']) {
    process.env[name] ??= secret();
  }
}

/** Boots the compiled CMS in-process on `databaseUrl`, with its HTTP server mounted. */
export async function bootStrapi(databaseUrl: string): Promise<Core.Strapi> {
  testEnv(databaseUrl);
  const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  try {
    await app.load();
  } catch (error) {
    await app.destroy();
    throw error;
  }
  // Strapi's own cron jobs are not under test (the upload plugin's weekly metrics first fire 15 s
  // after a fresh database boots); one that fires while a test app shuts down fails outside any test
  app.cron.destroy();
  await app.server.mount();
  return app;
}

export async function shutdownStrapi(app: Core.Strapi): Promise<void> {
  // document-service events finish after the response; let them settle before the pool closes
  await new Promise((r) => setTimeout(r, 300));
  await app.destroy();
}

/** A test file's Strapi on its own fresh database, dropped at the end. */
export async function startTestApp() {
  const db = await createTestDatabase();
  let app = await bootStrapi(db.url);
  return {
    get strapi() {
      return app;
    },
    db,
    /** Stops and boots again on the same database, as a restart would. */
    async restart() {
      await shutdownStrapi(app);
      app = await bootStrapi(db.url);
      return app;
    },
    async stop() {
      await shutdownStrapi(app);
      await dropTestDatabase(db.name);
      await deleteRedisKeys(process.env.REDIS_PREFIX as string);
    },
  };
}

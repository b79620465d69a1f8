import { randomBytes } from 'node:crypto';
import { createTestDatabase, dropTestDatabase } from '../../../cms/tests/helpers/database';
import { seedDemoUsers } from '../../../cms/tests/helpers/demo-users';
import { deleteRedisKeys } from '../../../cms/tests/helpers/redis';
import { startS3Server } from '../../../cms/tests/helpers/s3';
import { startStrapiProcess } from '../../../cms/tests/helpers/strapi-process';
import { ensurePortalBuild, startPortal } from './portal-server';
import { startRelay } from './relay';

/** The password of the seeded users `<role>@example.com`. */
export const PASSWORD = 'E2e-Passw0rd!';
const secret = () => randomBytes(18).toString('base64');
const portOf = (url: string) => Number(new URL(url).port);

/**
 * The whole platform for one test file: a fresh PostgreSQL database with the four demo users,
 * s3rver for photos, the CMS in a child process (behind a relay, so it can be stopped and
 * started again) and the built portal served by `vite preview` with /api proxied to it.
 * `cmsEnv` adds to (or overrides) the CMS's environment.
 */
export async function startPlatform(cmsEnv: Record<string, string> = {}) {
  ensurePortalBuild();
  const cleanups: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('platform cleanup failed', error));
    }
  };
  try {
    const db = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(db.name));
    const s3 = await startS3Server('e2e-photos');
    cleanups.push(() => s3.stop());
    const redisPrefix = `test:e2e:${process.pid}:${randomBytes(4).toString('hex')}:`;
    cleanups.push(() => deleteRedisKeys(redisPrefix));
    // one set of secrets for every start of the CMS, so tokens outlive a restart
    const env: Record<string, string> = {
      ...s3.env,
      STRAPI_TELEMETRY_DISABLED: 'true',
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: redisPrefix,
      APP_KEYS: `${secret()},${secret()}`,
      JWT_SECRET: secret(),
      API_TOKEN_SALT: secret(),
      ADMIN_JWT_SECRET: secret(),
      TRANSFER_TOKEN_SALT: secret(),
      ENCRYPTION_KEY: secret(),
      ...cmsEnv,
    };
    await seedDemoUsers(db.url, env, PASSWORD);
    let cms = await startStrapiProcess(db.url, env);
    cleanups.push(() => cms.stop());
    const relay = await startRelay(portOf(cms.url));
    cleanups.push(() => relay.stop());
    const portal = await startPortal(`http://127.0.0.1:${relay.port}`);
    cleanups.push(() => portal.stop());
    return {
      portalUrl: portal.url,
      /** The CMS itself (not through the portal), for the test's own API calls. */
      cmsUrl: () => cms.url,
      /** Stops the CMS: the portal's API calls then get no answer. */
      stopCms: () => cms.stop(),
      /** Starts the CMS again on the same database and secrets. */
      async startCms() {
        cms = await startStrapiProcess(db.url, env);
        relay.setTarget(portOf(cms.url));
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;

/** A JSON call to the CMS from the test (as a user with `token`); throws on a non-2xx answer. */
export async function cmsApi<T>(
  platform: Platform,
  path: string,
  options: { token?: string; method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`${platform.cmsUrl()}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${options.method ?? 'GET'} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Logs a demo user in through the API and returns its tokens. */
export async function apiLogin(platform: Platform, role: string) {
  return cmsApi<{ jwt: string; refreshToken: string; deviceId: string }>(platform, '/api/auth/local', {
    method: 'POST',
    body: { identifier: `${role}@example.com`, password: PASSWORD },
  });
}

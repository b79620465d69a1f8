import { startTestApp } from './helpers/strapi';
import { startOwnRedis } from './helpers/redis-server';
import { waitFor } from './helpers/jobs';

// a short fallback TTL, so the test can see it lapse
process.env.TYPE_CACHE_TTL_MS = '1500';

describe('ticket-type cache without Redis', () => {
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const types = () => app.strapi.plugin('ticketing').service('ticket-types');
  const nameEn = async () => (await types().definition('bs-fault')).name.en as string;
  // a change this process is not told of (as when its announcement was lost)
  const renameBehindItsBack = (name: string) => {
    const meta = app.strapi.db.metadata.get('plugin::ticketing.ticket-type');
    const column = (meta.attributes.nameEn as { columnName?: string }).columnName ?? 'name_en';
    return app.strapi.db.connection(meta.tableName).where({ key: 'bs-fault' }).update({ [column]: name });
  };

  beforeAll(async () => {
    redis = await startOwnRedis();
    process.env.REDIS_URL = redis.url;
    process.env.WORKERS = 'off';
    app = await startTestApp();
  });
  afterAll(async () => {
    // back up, so the app can shut down and clean its keys as usual
    await redis?.start();
    await app?.stop();
    await redis?.destroy();
  });

  it('keeps its copy past the TTL while Redis can announce changes', async () => {
    const before = await nameEn();
    await renameBehindItsBack('Renamed while listening');
    await new Promise((r) => setTimeout(r, 1700));
    expect(await nameEn()).toBe(before);
  });

  it('falls back to the TTL while Redis is down', async () => {
    await redis.stop();
    await renameBehindItsBack('Renamed while Redis is down');
    const started = Date.now();
    await waitFor('the new name', async () => (await nameEn()) === 'Renamed while Redis is down', 5000);
    expect(Date.now() - started).toBeLessThan(2500);
  });
});

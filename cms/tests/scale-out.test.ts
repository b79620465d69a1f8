import { randomUUID } from 'node:crypto';
import { startTestApp } from './helpers/strapi';
import type { Nginx } from './helpers/nginx';
import { startScaleOut } from './helpers/scale-out';
import { addTestJob, jobRecord, waitFor, type WorkerProcess } from './helpers/jobs';
import { createAccount, roleWith, type Account } from './helpers/accounts';
import { bsFaultForm } from './helpers/tickets';
import { runConcurrentUpdates, type UpdateOutcome } from './helpers/concurrent-updates';

// The production shape on one machine: two CMS processes that run no jobs (WORKERS=off) and two
// `npm run worker` processes, on one PostgreSQL database and one Redis prefix, behind nginx with
// the load-balancer config docker-compose.yml uses. The in-process Strapi of this file only
// creates the schema first and serves the test as its database and queue console.
process.env.WORKERS = 'off';
process.env.TRUST_PROXY = 'true';
// above every auth request this file makes from 127.0.0.1, so only the test that spends it meets it
const IP_MAX = 60;
process.env.AUTH_IP_MAX_REQUESTS = String(IP_MAX);

const CLIENTS = 50;
const TICKETS = 100;
const UPDATES_PER_CLIENT = 8;
const LOGIN_FAILURES = 10; // AUTH_LOGIN_MAX_FAILURES' default
const JOBS = 100;

let app: Awaited<ReturnType<typeof startTestApp>>;
let cms: Awaited<ReturnType<typeof startScaleOut>>['cms'];
let workers: WorkerProcess[];
let nginx: Nginx;
let stopScaleOut: (() => Promise<void>) | undefined;

const db = () => app.strapi.db.connection;
// Strapi's pg connection hands jsonb columns back as text
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const portOf = (url: string) => new URL(url).port;
const json = (body: unknown) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const login = (base: string, account: Account, password = account.password) =>
  fetch(`${base}/api/auth/local`, json({ identifier: account.identifier, password }));
const refresh = (base: string, refreshToken: string) => fetch(`${base}/api/auth/refresh`, json({ refreshToken }));
/** Requests nginx sent to each CMS process, by port. */
const servedBy = (match: (r: { method: string; uri: string; status: number }) => boolean) => {
  const ports = nginx
    .requests()
    .filter(match)
    .map((r) => r.upstream.split(':').pop());
  return cms.map((c) => ports.filter((p) => p === portOf(c.url)).length);
};

beforeAll(async () => {
  app = await startTestApp();
  ({ cms, workers, nginx, stop: stopScaleOut } = await startScaleOut(app.db.url));
}, 240_000);

afterAll(async () => {
  await stopScaleOut?.();
  await app?.stop();
});

describe('50 clients updating the same 100 tickets through both CMS processes', () => {
  let outcomes: UpdateOutcome[];
  let tickets: string[];

  beforeAll(async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'publisher' } });
    const accounts = await Promise.all(Array.from({ length: 5 }, () => createAccount(app.strapi, role.id)));
    const tokens = await Promise.all(
      accounts.map(async (a) => {
        const res = await login(nginx.url, a);
        expect(res.status).toBe(200);
        return ((await res.json()) as { jwt: string }).jwt;
      }),
    );
    tickets = await Promise.all(
      Array.from({ length: TICKETS }, async (_, i) => {
        const res = await fetch(`${nginx.url}/api/ticketing/tickets`, {
          ...json({ data: { type: 'bs-fault', form: bsFaultForm({ description: `ticket ${i} created` }) } }),
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[i % tokens.length]}` },
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { data: { documentId: string } }).data.documentId;
      }),
    );
    outcomes = await runConcurrentUpdates({ baseUrl: nginx.url, tokens, tickets, clients: CLIENTS, updatesPerClient: UPDATES_PER_CLIENT });
  }, 180_000);

  it('answers every update 200 or 409 (never a 5xx), with real conflicts, from both processes', () => {
    expect(outcomes).toHaveLength(CLIENTS * UPDATES_PER_CLIENT);
    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].sort()).toEqual([200, 409]);
    const conflicts = outcomes.filter((o) => o.status === 409);
    expect(conflicts.length).toBeGreaterThan(0);
    // a 409 only when the ticket had really moved on from the version the client read
    for (const o of conflicts) expect(o.conflictVersion).toBeGreaterThan(o.readVersion);
    const puts = servedBy((r) => r.method === 'PUT' && r.uri.startsWith('/api/ticketing/tickets/'));
    expect(puts.reduce((a, b) => a + b, 0)).toBe(CLIENTS * UPDATES_PER_CLIENT);
    for (const n of puts) expect(n).toBeGreaterThan(0);
  });

  it('loses no update: each final version is 1 + its 200s, and the audit holds exactly the 200s, each on the one before', async () => {
    const ticketTable = app.strapi.db.metadata.get('plugin::ticketing.ticket').tableName;
    const rows = (
      (await db()(ticketTable).whereIn('document_id', tickets).select('document_id', 'version', 'form_data')) as Record<string, unknown>[]
    ).map((r) => ({
      document_id: r.document_id as string,
      version: r.version as number,
      form_data: fromJson<{ description: string }>(r.form_data),
    }));
    expect(rows).toHaveLength(TICKETS);
    const entries = (
      (await db()('ticketing_audit_logs')
        .where({ entity_kind: 'ticket', action: 'update' })
        .whereIn('entity_id', tickets)
        .orderBy('id')
        .select('entity_id', 'request_id', 'diff')) as Record<string, unknown>[]
    ).map((e) => ({
      entity_id: e.entity_id as string,
      request_id: e.request_id as string,
      diff: fromJson<{ description: [string, string] }>(e.diff),
    }));

    for (const row of rows) {
      const mine = outcomes.filter((o) => o.ticket === row.document_id);
      const succeeded = mine.filter((o) => o.status === 200);
      expect(row.version).toBe(1 + succeeded.length);
      const trail = entries.filter((e) => e.entity_id === row.document_id);
      // one entry per 200, carrying that request's change, and none for a 409
      expect(trail.map((e) => e.request_id).sort()).toEqual(succeeded.map((o) => o.requestId).sort());
      for (const o of succeeded) {
        expect(trail.find((e) => e.request_id === o.requestId)?.diff).toEqual({ description: [o.before, o.after] });
      }
      // each write starts from the one before it: none was overwritten unseen
      trail.forEach((e, i) => {
        if (i > 0) expect(e.diff.description[0]).toBe(trail[i - 1].diff.description[1]);
      });
      expect(row.form_data.description).toBe(trail.at(-1)?.diff.description[1] ?? `ticket ${tickets.indexOf(row.document_id)} created`);
    }
    expect(entries).toHaveLength(outcomes.filter((o) => o.status === 200).length);
  });
});

describe('auth state shared through Redis', () => {
  let role: { id: number };
  beforeAll(async () => {
    role = await roleWith(app.strapi, 'scale-out-tester', ['plugin::users-permissions.user.me']);
  });

  it('spends one login-failure budget across both processes: the next attempt is 429 on each', async () => {
    const account = await createAccount(app.strapi, role.id);
    // half the failures on each process, so neither alone has reached the limit
    for (let i = 0; i < LOGIN_FAILURES; i += 1) {
      expect((await login(cms[i % 2].url, account, 'wrong-password')).status).toBe(400);
    }
    for (const base of [cms[0].url, cms[1].url, nginx.url]) {
      const res = await login(base, account);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('spends one per-IP budget across both processes, and through nginx counts the address nginx saw, not one the client wrote', async () => {
    const client = '203.0.113.7';
    // the test is the trusted proxy here: it names the client address itself
    const failedLogin = (base: string, forwardedFor: string) =>
      fetch(`${base}/api/auth/local`, {
        ...json({ identifier: `nobody-${randomUUID()}`, password: 'x' }),
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
      });
    for (let i = 0; i < IP_MAX; i += 1) expect((await failedLogin(cms[i % 2].url, client)).status).toBe(400);
    for (const c of cms) expect((await failedLogin(c.url, client)).status).toBe(429);
    // nginx appends the address it saw (127.0.0.1), and that is the one the CMS counts
    expect((await failedLogin(nginx.url, client)).status).toBe(400);
  });

  it('refuses on process B a refresh token rotated on process A, as a reuse, and revokes the family', async () => {
    const account = await createAccount(app.strapi, role.id);
    const first = (await (await login(cms[0].url, account)).json()) as { jwt: string; refreshToken: string };
    const rotatedRes = await refresh(cms[0].url, first.refreshToken);
    expect(rotatedRes.status).toBe(200);
    const rotated = (await rotatedRes.json()) as { jwt: string; refreshToken: string };

    const reuse = await refresh(cms[1].url, first.refreshToken);
    expect(reuse.status).toBe(401);
    expect(((await reuse.json()) as { error: { message: string } }).error.message).toMatch(/reuse/);
    // the whole family is dead, on either process: the rotated refresh token and its access token
    expect((await refresh(cms[0].url, rotated.refreshToken)).status).toBe(401);
    for (const c of cms) {
      expect((await fetch(`${c.url}/api/users/me`, { headers: { Authorization: `Bearer ${rotated.jwt}` } })).status).toBe(401);
    }
  });
});

describe('jobs on two worker processes', () => {
  it('runs each job exactly once, spread over both workers, and /metrics of either CMS counts them all', async () => {
    const jobs = await Promise.all(Array.from({ length: JOBS }, () => addTestJob(app.strapi, { mode: 'steps', steps: 1, delayMs: 30 })));
    const ids = jobs.map((j) => j.documentId);
    await waitFor(
      'every job to succeed',
      async () =>
        Number((await db()('jobs_jobs').whereIn('document_id', ids).where({ state: 'succeeded' }).count({ n: '*' }))[0].n) === JOBS,
      60_000,
      200,
    );
    // one attempt each: no job was started twice
    for (const id of ids) expect(await jobRecord(app.strapi, id)).toMatchObject({ status: 'succeeded', attempts: 1 });
    const runs = (await db()('test_queue_runs').select('job_id', 'pid')) as { job_id: string; pid: number }[];
    expect(runs.map((r) => r.job_id).sort()).toEqual([...ids].sort());
    for (const w of workers) expect(runs.filter((r) => r.pid === w.pid).length).toBeGreaterThan(0);
    expect(runs.filter((r) => !workers.some((w) => w.pid === r.pid))).toEqual([]);

    // each worker adds its durations in Redis after the record is written: wait for the last
    const succeeded = (text: string) =>
      Number(/^jobs_duration_seconds_count\{queue="test",outcome="succeeded"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const scrape = async (base: string) => (await fetch(`${base}/metrics`)).text();
    await waitFor('the durations of every job', async () => succeeded(await scrape(nginx.url)) >= JOBS, 10_000, 100);
    for (const c of cms) {
      const text = await scrape(c.url);
      expect(succeeded(text)).toBe(JOBS);
      expect(text).toMatch(new RegExp(`^jobs_queue_jobs\\{queue="test",state="completed"\\} ${JOBS}$`, 'm'));
    }
  });
});

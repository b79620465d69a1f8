import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp } from '../tests/helpers/strapi';
import { startScaleOut } from '../tests/helpers/scale-out';
import { startS3Server } from '../tests/helpers/s3';
import { startOcrService } from '../tests/helpers/ocr-service';
import { userToken } from '../tests/helpers/users';
import { bsFaultForm } from '../tests/helpers/tickets';
import { siteJpeg } from '../tests/helpers/photos';
import { perMinute, perOperation, rssGrowth, type Answer, type RssSample } from './soak-stats';

// `npm run soak`: mixed traffic at a steady rate on the scale-out shape (two CMS processes that
// run no jobs, two worker processes, nginx in front, the OCR service, S3) for SOAK_SECONDS after
// a minute of warm-up; prints per-minute latency and each process's RSS over the run.
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const WARM_UP_SECONDS = Number(process.env.SOAK_WARM_UP_SECONDS ?? 60);
const RATE = Number(process.env.SOAK_RATE ?? 20); // requests a second, started on a clock (open loop)
const OCR_EVERY_SECONDS = Number(process.env.SOAK_OCR_EVERY_SECONDS ?? 20);
const TICKETS = 200;

Object.assign(process.env, {
  WORKERS: 'off',
  TRUST_PROXY: 'true',
  LOG_LEVEL: 'warn',
  // the soak's own clients share one address: the per-IP auth budget is not what it measures
  AUTH_IP_MAX_REQUESTS: '100000',
  // tokens outlive the run
  ACCESS_TOKEN_TTL_SECONDS: String(SECONDS + WARM_UP_SECONDS + 3600),
});

const OPERATIONS: [string, number][] = [
  ['list', 35],
  ['get', 25],
  ['update', 15],
  ['create', 10],
  ['photo', 8],
  ['transition', 7],
];
const NEXT_STATE: Record<string, string> = { draft: 'submitted', submitted: 'in_progress', in_progress: 'resolved', resolved: 'in_progress', rejected: 'draft' };
const LIST_FILTERS = [
  'type=bs-fault&filters[form][pci]=387',
  'type=bs-fault&filters[form][severity]=critical',
  'status=submitted,in_progress',
  'type=bs-fault&filters[form][site_name][$contains]=张江',
  'type=bs-fault&sort=sla:asc',
];

const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];
function pickOperation(): string {
  let roll = Math.random() * OPERATIONS.reduce((a, [, w]) => a + w, 0);
  for (const [op, weight] of OPERATIONS) {
    roll -= weight;
    if (roll < 0) return op;
  }
  return OPERATIONS[0][0];
}

const rssMb = (pid: number) => {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Number(line[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

describe('soak: steady mixed traffic on two CMS and two worker processes behind nginx', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let ocr: Awaited<ReturnType<typeof startOcrService>>;
  let scaleOut: Awaited<ReturnType<typeof startScaleOut>>;

  beforeAll(async () => {
    s3 = await startS3Server();
    ocr = await startOcrService();
    Object.assign(process.env, s3.env, { OCR_URL: ocr.url });
    app = await startTestApp();
    scaleOut = await startScaleOut(app.db.url);
  }, 600_000);

  afterAll(async () => {
    await scaleOut?.stop();
    await app?.stop();
    await ocr?.stop();
    await s3?.stop();
  });

  it('holds: no 5xx, every answer JSON, RSS flat after warm-up, p95 steady', async () => {
    const { cms, workers, nginx } = scaleOut;
    const publisher = await userToken(app.strapi, 'publisher');
    const admin = await userToken(app.strapi, 'admin');
    const handler = await userToken(app.strapi, 'handler');
    const photo = await siteJpeg(400, 200);
    const base = `${nginx.url}/api/ticketing/tickets`;
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const answers: Answer[] = [];
    const started = Date.now();

    async function call(op: string, url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
      const t0 = performance.now();
      const res = await fetch(url, init);
      const text = await res.text();
      let body: unknown = null;
      let json = true;
      try {
        body = JSON.parse(text);
      } catch {
        json = false;
      }
      answers.push({ at: Date.now(), op, status: res.status, ms: performance.now() - t0, json });
      return { status: res.status, body };
    }
    const sendJson = (op: string, url: string, method: string, token: string, data: unknown) =>
      call(op, url, { method, headers: { ...auth(token), 'Content-Type': 'application/json' }, body: JSON.stringify({ data }) });

    const tickets: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const res = await sendJson('create', base, 'POST', publisher, { type: 'bs-fault', form: bsFaultForm({ pci: String(i % 1008), description: `soak ${i}` }) });
      tickets.push((res.body as { data: { documentId: string } }).data.documentId);
    }
    const withPhoto = tickets[0];
    const form = new FormData();
    form.append('files', new Blob([fs.readFileSync(path.resolve(__dirname, '..', '..', 'ocr-service', 'test', 'fixtures', 'dev', 'dev-004.jpg'))], { type: 'image/jpeg' }), 'screen.jpg');
    await call('photo', `${base}/${withPhoto}/images`, { method: 'POST', headers: auth(publisher), body: form });

    const operations: Record<string, () => Promise<unknown>> = {
      list: () => call('list', `${base}?${pick(LIST_FILTERS)}&pageSize=25`, { headers: auth(handler) }),
      get: () => call('get', `${base}/${pick(tickets)}`, { headers: auth(handler) }),
      create: async () => {
        const res = await sendJson('create', base, 'POST', publisher, { type: 'bs-fault', form: bsFaultForm({ pci: String(Math.floor(Math.random() * 1008)) }) });
        const id = (res.body as { data?: { documentId?: string } }).data?.documentId;
        if (id) tickets.push(id);
      },
      update: async () => {
        const id = pick(tickets);
        const read = await call('get', `${base}/${id}`, { headers: auth(publisher) });
        const data = (read.body as { data?: { version?: number; form?: Record<string, unknown> } }).data;
        await sendJson('update', `${base}/${id}`, 'PUT', publisher, { version: data?.version, form: { ...data?.form, description: `soak update ${Date.now()}` } });
      },
      transition: async () => {
        const id = pick(tickets);
        const read = await call('get', `${base}/${id}`, { headers: auth(admin) });
        const data = (read.body as { data?: { version?: number; status?: string } }).data;
        const to = data?.status ? NEXT_STATE[data.status] : undefined;
        if (to) await sendJson('transition', `${base}/${id}/transition`, 'POST', admin, { to, version: data?.version });
      },
      photo: () => {
        const body = new FormData();
        body.append('files', new Blob([photo], { type: 'image/jpeg' }), 'site.jpg');
        return call('photo', `${base}/${pick(tickets)}/images`, { method: 'POST', headers: auth(publisher), body });
      },
    };

    const processes = [
      ...cms.map((c, i) => ({ name: `cms ${i + 1}`, pid: c.pid })),
      ...workers.map((w, i) => ({ name: `worker ${i + 1}`, pid: w.pid })),
      { name: 'OCR service', pid: ocr.pid },
    ];
    const rss: RssSample[] = [];
    const sampler = setInterval(() => {
      for (const p of processes) rss.push({ at: Date.now(), name: p.name, mb: rssMb(p.pid) });
    }, 5_000);

    const ocrJobs: string[] = [];
    const startOcr = async () => {
      const res = await sendJson('ocr job', `${nginx.url}/api/ocr/jobs`, 'POST', handler, { ticket: withPhoto });
      const id = (res.body as { data?: { documentId?: string } }).data?.documentId;
      if (id) ocrJobs.push(id);
    };
    const ocrTimer = setInterval(() => void startOcr(), OCR_EVERY_SECONDS * 1000);

    // open loop: a request starts every 1/RATE s whatever the earlier ones are doing
    const measuredFrom = started + WARM_UP_SECONDS * 1000;
    const end = measuredFrom + SECONDS * 1000;
    const inFlight = new Set<Promise<unknown>>();
    for (let n = 0; Date.now() < end; n++) {
      const due = started + (n * 1000) / RATE;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const op = operations[pickOperation()]().catch((error: Error) => answers.push({ at: Date.now(), op: `client error: ${error.message}`, status: 0, ms: 0, json: false }));
      inFlight.add(op);
      void op.finally(() => inFlight.delete(op));
    }
    clearInterval(ocrTimer);
    await Promise.all(inFlight);
    clearInterval(sampler);

    // every OCR job started reaches an end
    const deadline = Date.now() + 300_000;
    const finals: string[] = [];
    for (const id of ocrJobs) {
      for (;;) {
        const res = await fetch(`${nginx.url}/api/jobs/${id}`, { headers: auth(handler) });
        const status = ((await res.json()) as { data?: { status?: string } }).data?.status ?? 'unknown';
        if (['succeeded', 'failed', 'cancelled'].includes(status) || Date.now() > deadline) {
          finals.push(status);
          break;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    }

    const measured = answers.filter((a) => a.at >= measuredFrom && a.at < end);
    const minutes = perMinute(answers, measuredFrom, end);
    const growth = rssGrowth(rss, measuredFrom, end);
    const fmt = (v: number) => v.toFixed(0);
    const lines = [
      '',
      `soak: ${SECONDS} s at ${RATE} requests/s after ${WARM_UP_SECONDS} s of warm-up; ${measured.length} requests measured, ${ocrJobs.length} OCR jobs (${finals.filter((s) => s === 'succeeded').length} succeeded); ${os.availableParallelism()} cores, load ${os.loadavg().map((v) => v.toFixed(2)).join(' ')} at the end`,
      '| minute | requests | p50 ms | p95 ms | 5xx |',
      '|---|---|---|---|---|',
      ...minutes.map((m) => `| ${m.minute} | ${m.requests} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${m.errors5xx} |`),
      '',
      'requests by operation over the whole run (warm-up included)',
      '| operation | requests | statuses | p95 ms |',
      '|---|---|---|---|',
      ...perOperation(answers).map((o) => `| ${o.op} | ${o.requests} | ${o.statuses} | ${fmt(o.p95)} |`),
      '',
      'RSS of each process after warm-up: mean of the first and of the last minute',
      '| process | first minute MB | last minute MB | growth | peak MB |',
      '|---|---|---|---|---|',
      ...growth.map((g) => `| ${g.name} | ${fmt(g.first)} | ${fmt(g.last)} | ${(100 * g.growth).toFixed(1)} % | ${fmt(g.peak)} |`),
      '',
    ];
    process.stdout.write(lines.join('\n'));

    expect(answers.filter((a) => a.status >= 500 || a.status === 0)).toEqual([]);
    expect(answers.filter((a) => !a.json)).toEqual([]);
    expect(finals.every((s) => s === 'succeeded')).toBe(true);
    for (const g of growth) expect(g.growth).toBeLessThanOrEqual(0.1);
    // steady: no minute's p95 above twice the median minute's
    const p95s = minutes.map((m) => m.p95).sort((a, b) => a - b);
    expect(p95s[p95s.length - 1]).toBeLessThanOrEqual(2 * p95s[Math.floor(p95s.length / 2)]);
  });
});

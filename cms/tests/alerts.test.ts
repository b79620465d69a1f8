import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { addTestJob, waitFor, waitForStatus } from './helpers/jobs';
import { freePort } from './helpers/strapi-process';
import { startWebhookReceiver } from './helpers/webhook-receiver';

const DINGTALK_SECRET = 'SECtest-secret';

describe('alerts to WeCom, DingTalk and JSON receivers', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const ports = { ocr: 0, postgres: 0, redis: 0 };
  const closers: (() => void)[] = [];
  const checkNow = () => app.strapi.plugin('jobs').service('alerts').checkNow();
  const json = (condition: string, state = 'firing') => receiver.at('/json').filter((r) => r.json.condition === condition && r.json.state === state);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    ports.ocr = await freePort();
    ports.postgres = await freePort();
    ports.redis = await freePort();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'alerts-')), 'alerts.yaml');
    process.env.ALERTS_TEST_JSON_URL = receiver.url('/json');
    fs.writeFileSync(
      file,
      [
        'receivers:',
        `  - { name: wecom, type: wecom, url: "${receiver.url('/wecom?key=k')}", msgtype: text }`,
        `  - { name: dingtalk, type: dingtalk, url: "${receiver.url('/dingtalk?access_token=t')}", secret: ${DINGTALK_SECRET} }`,
        '  - { name: json, type: json, url: "${ALERTS_TEST_JSON_URL}" }',
        '  - { name: unset, type: json, url: "${ALERTS_NOT_SET_ANYWHERE}" }',
        'checkIntervalSeconds: 3600', // the test checks by itself
        'maxPerMinute: 100',
        'conditions:',
        `  ocrNotReady: { url: "http://127.0.0.1:${ports.ocr}", forSeconds: 1 }`,
        '  queueBacklog: { threshold: 2 }',
        '  http5xxRate: { threshold: 0.5, minRequests: 3, windowSeconds: 60 }',
        `  postgres: { url: "postgres://postgres@127.0.0.1:${ports.postgres}/x", forSeconds: 1 }`,
        `  redis: { url: "redis://127.0.0.1:${ports.redis}", forSeconds: 1 }`,
      ].join('\n'),
    );
    process.env.ALERTS_CONFIG = file;
    app = await startTestApp();
  });
  afterAll(async () => {
    for (const close of closers) close();
    await app?.stop();
    await receiver?.close();
  });

  it('announces OCR, PostgreSQL and Redis down for longer than their threshold, once, to every receiver', async () => {
    await checkNow();
    expect(json('ocrNotReady')).toHaveLength(0); // down, but not for a second yet
    await new Promise((r) => setTimeout(r, 1100));
    await checkNow();
    await checkNow();
    for (const condition of ['ocrNotReady', 'postgres', 'redis']) expect(json(condition)).toHaveLength(1);
    expect(json('postgres')[0].json).toMatchObject({ state: 'firing', title: expect.stringContaining('PostgreSQL'), detail: expect.stringContaining(`127.0.0.1:${ports.postgres}`) });

    const wecom = receiver.at('/wecom?key=k').map((r) => r.json);
    expect(wecom.filter((b) => b.text?.content.includes('OCR service'))).toHaveLength(1);
    expect(wecom[0]).toMatchObject({ msgtype: 'text', text: { content: expect.stringMatching(/^【告警 ALERT】/) } });

    const ding = receiver.received.filter((r) => r.path.startsWith('/dingtalk'));
    expect(ding).toHaveLength(3);
    for (const hook of ding) {
      const url = new URL(hook.path, 'http://x');
      const timestamp = url.searchParams.get('timestamp') as string;
      expect(url.searchParams.get('access_token')).toBe('t');
      expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60_000);
      expect(url.searchParams.get('sign')).toBe(createHmac('sha256', DINGTALK_SECRET).update(`${timestamp}\n${DINGTALK_SECRET}`).digest('base64'));
      expect(hook.json).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.any(String), text: expect.stringContaining('###') } });
    }
  });

  it('says "recovered" once when a service answers again', async () => {
    const ocr = http.createServer((req, res) => res.writeHead(req.url === '/ready' ? 200 : 404).end('{}')).listen(ports.ocr, '127.0.0.1');
    const postgres = net.createServer((socket) => socket.end()).listen(ports.postgres, '127.0.0.1');
    closers.push(() => ocr.close(), () => postgres.close());
    await new Promise((r) => setTimeout(r, 100));
    await checkNow();
    await checkNow();
    expect(json('ocrNotReady', 'recovered')).toHaveLength(1);
    expect(json('postgres', 'recovered')).toHaveLength(1);
    expect(json('redis', 'recovered')).toHaveLength(0);
    expect(json('redis')).toHaveLength(1); // still down, not repeated within repeatMinutes
  });

  it('announces a queue backlog over the threshold while the workers are held, and its end', async () => {
    const queue = app.strapi.plugin('jobs').service('queues').queue('test');
    await queue.pause();
    const jobs = [];
    for (let i = 0; i < 3; i++) jobs.push(await addTestJob(app.strapi, { mode: 'steps', steps: 1, delayMs: 1 }));
    await checkNow();
    expect(json('queueBacklog')).toHaveLength(1);
    expect(json('queueBacklog')[0].json.detail).toMatch(/^3 jobs waiting in queue test/);
    await queue.resume();
    for (const job of jobs) await waitForStatus(app.strapi, job.documentId, 'succeeded');
    await checkNow();
    expect(json('queueBacklog', 'recovered')).toHaveLength(1);
  });

  it('announces a 5xx share over the threshold', async () => {
    const viewer = await userToken(app.strapi, 'viewer');
    const types = app.strapi.plugin('ticketing').service('ticket-types');
    const listActive = types.listActive;
    types.listActive = async () => {
      throw new Error('stubbed failure');
    };
    try {
      for (let i = 0; i < 5; i++) await request(app.strapi.server.httpServer).get('/api/ticketing/ticket-types').set('Authorization', `Bearer ${viewer}`).expect(500);
    } finally {
      types.listActive = listActive;
    }
    await checkNow();
    expect(json('http5xxRate')).toHaveLength(1);
    expect(json('http5xxRate')[0].json.detail).toMatch(/^5 of \d+ requests answered 5xx/);
  });

  it('announces a job that failed for good', async () => {
    const job = await addTestJob(app.strapi, { mode: 'no-such-mode' });
    await waitForStatus(app.strapi, job.documentId, 'failed');
    const [hook] = await waitFor('the jobFailed message', async () => (json('jobFailed').length ? json('jobFailed') : undefined));
    expect(hook.json).toMatchObject({ title: 'Job failed 任务失败: test', detail: expect.stringContaining(`failed for good: unknown mode no-such-mode`) });
  });
});

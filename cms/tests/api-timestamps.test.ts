import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { projectPlugins } from './helpers/project-plugins';
import { startTestApp } from './helpers/strapi';
import { addTestJob } from './helpers/jobs';
import { plainPng } from './helpers/photos';
import { bsFaultForm } from './helpers/tickets';
import { userToken } from './helpers/users';

// jobs stay queued: the walk reads their records, it does not need them run
process.env.WORKERS = 'off';

/** An ISO 8601 date-time in UTC `Z`: what no API answer may hold (they use the platform offset). */
const UTC_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;
const OFFSET_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?\+08:00$/;

/** The JSON paths of every string in `value` that matches `pattern`. */
function stringsMatching(value: unknown, pattern: RegExp, at = '$'): string[] {
  if (typeof value === 'string') return pattern.test(value) ? [`${at} = ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsMatching(item, pattern, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringsMatching(item, pattern, `${at}.${key}`));
  return [];
}


/** How the walk calls a route: values of its path parameters, a query, a body or files. */
interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  files?: number;
  /** A multipart file (and text fields) under a field name of the route's own. */
  attach?: { field: string; bytes: Buffer; name: string; fields?: Record<string, string> };
  /** The status the route answers for this call when it is not a 2xx (a 409 while an export runs). */
  status?: number;
}

/** An export template for bs-fault: a title row and a data row. */
async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('T');
  sheet.getRow(1).values = ['{{typeName}} {{exportedAt}}'];
  sheet.getRow(2).values = ['{{site_name}}', '{{pci}}', '{{createdAt}}'];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('every content-API answer writes timestamps with the platform offset', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let admin: string;
  const api = () => request(app.strapi.server.httpServer);
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const newTicket = async () => (await api().post('/api/ticketing/tickets').set(auth()).send({ data: { type: 'bs-fault', form: bsFaultForm() } })).body.data;
  const upload = async (ticket: string, files: number) => {
    let req = api().post(`/api/ticketing/tickets/${ticket}/images`).set(auth());
    for (let i = 0; i < files; i += 1) req = req.attach('files', await plainPng(), `photo-${i}.png`);
    return req;
  };
  const photosOf = async (ticket: string) => (await api().get(`/api/ticketing/tickets/${ticket}/images`).set(auth())).body.data as { id: string; url: string }[];
  const versionOf = async (ticket: string) => (await api().get(`/api/ticketing/tickets/${ticket}`).set(auth())).body.data.version as number;

  /** A type with two versions, so a migration has somewhere to go. */
  const WALK_TYPE = 'walk-type';
  const walkField = (en: string) => ({ key: 'title', type: 'string', label: { 'zh-CN': '标题', en } });
  const makeWalkType = async () => {
    const documents = app.strapi.documents('plugin::ticketing.ticket-type' as never);
    const created = await documents.create({ data: { key: WALK_TYPE, nameZh: '走查', nameEn: 'Walk', active: true, fields: [walkField('Title')] } as never });
    await documents.update({ documentId: (created as { documentId: string }).documentId, data: { fields: [walkField('Heading')] } as never });
  };
  const queuedMigration = async () =>
    (await api().post(`/api/ticketing/ticket-types/${WALK_TYPE}/migrations`).set(auth()).send({ from: 1, to: 2, dryRun: true })).body.data.documentId as string;

  /** The ticket, photo and job most routes are called on. */
  const shared = { ticket: '', photo: '', job: '' };

  /**
   * Routes that need more than `shared` ids, keyed `plugin METHOD path`. Writes that consume
   * what they touch (delete, transition) get a ticket of their own.
   */
  const calls: Record<string, () => Promise<Call>> = {
    'ticketing GET /ticket-types/:key/schema': async () => ({ params: { key: 'bs-fault' } }),
    'ticketing GET /ticket-types/:key/versions': async () => ({ params: { key: 'bs-fault' } }),
    'ticketing POST /ticket-types/:key/migrations': async () => ({ params: { key: WALK_TYPE }, body: { from: 1, to: 2, dryRun: true } }),
    // workers are off: the migration stays queued, and its report says so (no entries yet)
    'ticketing GET /ticket-types/:key/migrations/:jobId/report': async () => ({ params: { key: WALK_TYPE, jobId: await queuedMigration() } }),
    'ticketing POST /tickets': async () => ({ body: { data: { type: 'bs-fault', form: bsFaultForm() } } }),
    'ticketing PUT /tickets/:id': async () => ({
      body: { data: { form: bsFaultForm({ site_name: '浦东张江基站02' }), version: await versionOf(shared.ticket) } },
    }),
    'ticketing DELETE /tickets/:id': async () => ({ params: { id: (await newTicket()).documentId } }),
    'ticketing POST /tickets/:id/assign': async () => {
      const ticket = await newTicket();
      return { params: { id: ticket.documentId }, body: { data: { assignee: 'me', version: ticket.version } } };
    },
    'ticketing POST /tickets/:id/notes': async () => ({ body: { data: { text: '走查备注' } } }),
    'ticketing POST /tickets/:id/transition': async () => {
      const ticket = await newTicket();
      return { params: { id: ticket.documentId }, body: { data: { to: 'submitted', version: ticket.version } } };
    },
    'ticketing POST /tickets/:id/images': async () => ({ files: 1 }),
    'ticketing PUT /tickets/:id/images/order': async () => ({ body: { data: { order: (await photosOf(shared.ticket)).map((p) => p.id).reverse() } } }),
    'ticketing DELETE /tickets/:id/images/:imageId': async () => {
      const ticket = (await newTicket()).documentId;
      const [photo] = (await upload(ticket, 1)).body.data;
      return { params: { id: ticket, imageId: photo.id } };
    },
    'ticketing GET /files/:key(.*)': async () => {
      const link = new URL((await photosOf(shared.ticket))[0].url, 'http://localhost');
      return { params: { 'key(.*)': link.pathname.replace('/api/ticketing/files/', '') }, query: link.search.slice(1) };
    },
    'access GET /docs/:file': async () => ({ params: { file: 'swagger-ui.css' } }),
    'jobs POST /:id/cancel': async () => ({ params: { id: (await addTestJob(app.strapi, { mode: 'steps', steps: 1 })).documentId } }),
    'ocr POST /jobs': async () => ({ body: { data: { ticket: shared.ticket } } }),
    'ocr GET /results': async () => ({ query: `ticket=${shared.ticket}` }),
    'ocr POST /tickets/:id/apply': async () => ({ body: { data: { values: { site_name: '浦东张江基站03' }, version: await versionOf(shared.ticket) } } }),
    'excel-io POST /imports/preview': async () => ({ attach: importFile() }),
    'excel-io POST /imports': async () => ({ attach: importFile({ dryRun: 'true' }) }),
    // workers are off: the import stays queued, and its report says so (rows: none yet)
    'excel-io GET /imports/:jobId/report': async () => ({ params: { jobId: await queuedImport() } }),
    'excel-io GET /imports/:jobId/report.xlsx': async () => ({ params: { jobId: await queuedImport() } }),
    'excel-io POST /mappings': async () => ({ body: { data: mappingOf('走查映射') } }),
    'excel-io DELETE /mappings/:id': async () => ({
      params: { id: (await api().post('/api/excel-io/mappings').set(auth()).send({ data: mappingOf('待删映射') })).body.data.id },
    }),
    'excel-io POST /exports': async () => ({ body: { data: { ticketType: 'bs-fault', format: 'csv' } } }),
    // workers are off: the export stays queued, so its download is a 409 saying so
    'excel-io GET /exports/:jobId/download': async () => ({
      params: { jobId: (await api().post('/api/excel-io/exports').set(auth()).send({ data: { ticketType: 'bs-fault', format: 'xlsx' } })).body.data.documentId },
      status: 409,
    }),
    'excel-io GET /exports/:jobId/link': async () => ({
      params: { jobId: (await api().post('/api/excel-io/exports').set(auth()).send({ data: { ticketType: 'bs-fault', format: 'xlsx' } })).body.data.documentId },
      status: 409,
    }),
    'excel-io POST /tickets/:ticketId/report': async () => ({ params: { ticketId: shared.ticket } }),
    'excel-io POST /templates': async () => ({ attach: { field: 'file', bytes: await templateWorkbook(), name: 't.xlsx', fields: { name: '走查模板', ticketType: 'bs-fault' } } }),
    'excel-io DELETE /templates/:id': async () => {
      const res = await api().post('/api/excel-io/templates').set(auth()).field('name', '待删模板').field('ticketType', 'bs-fault').attach('file', await templateWorkbook(), 't.xlsx');
      return { params: { id: res.body.data.documentId } };
    },
    'notifications POST /:id/read': async () => ({ params: { id: await adminNotification() } }),
    'notifications PUT /preferences': async () => ({ body: { data: { language: 'en' } } }),
    'notifications POST /webhooks': async () => ({ body: { data: webhookOf('/created') } }),
    'notifications GET /webhooks/:id': async () => ({ params: { id: await newWebhook() } }),
    'notifications PUT /webhooks/:id': async () => ({ params: { id: await newWebhook() }, body: { data: { active: false } } }),
    'notifications DELETE /webhooks/:id': async () => ({ params: { id: await newWebhook() } }),
    'notifications GET /webhooks/:id/deliveries': async () => ({ params: { id: await newWebhook() } }),
  };

  const webhookOf = (path: string) => ({ url: `http://127.0.0.1:9${path}`, events: ['ticket.created'] });
  const newWebhook = async () => (await api().post('/api/notifications/webhooks').set(auth()).send({ data: webhookOf('/walk') })).body.data.id as string;
  /** A notification in the admin's inbox: an assignment's in-app delivery, run as its notify job would (workers are off). */
  const adminNotification = async () => {
    const notifications = app.strapi.plugin('notifications');
    const me = (await api().get('/api/users/me').set(auth())).body.id as number;
    const event = { ticket: { documentId: shared.ticket, type: 'bs-fault', status: 'draft', version: 1, creatorId: me, assigneeId: me, title: '走查' }, from: null, to: me };
    const system = { kind: 'system', id: null, name: null, role: null, userId: null };
    await app.strapi.eventHub.emit('ticketing.ticket.assigned', { ...event, actor: system, at: '2026-12-07T10:00:00.000+08:00' });
    const [delivery] = await notifications.service('deliveries').ofEvent(notifications.service('fan-out').idOf('assigned', event));
    await notifications.service('deliveries').process({ id: 'walk', data: { delivery: delivery.document_id }, attempt: 1, bullJob: { attemptsMade: 0, opts: { attempts: 1 } } });
    return (await api().get('/api/notifications').set(auth())).body.data[0].id as string;
  };

  /** A bs-fault workbook of the dev corpus as an import's multipart file. */
  const importFile = (fields: Record<string, string> = {}) => ({
    field: 'file',
    bytes: fs.readFileSync(path.resolve(__dirname, '..', '..', 'plugins', 'excel-io', 'test-fixtures', 'excel-dev', 'dev01_bs_fault_pudong.xlsx')),
    name: 'dev01.xlsx',
    fields: { ticketType: 'bs-fault', ...fields },
  });
  const queuedImport = async () => {
    let req = api().post('/api/excel-io/imports').set(auth());
    const file = importFile({ dryRun: 'true' });
    for (const [name, value] of Object.entries(file.fields)) req = req.field(name, value);
    return (await req.attach(file.field, file.bytes, file.name)).body.data.documentId as string;
  };
  const mappingOf = (header: string) => ({ ticketType: 'bs-fault', headers: [header, 'PCI'], mapping: { [header]: 'site_name', PCI: 'pci' } });

  /** Path parameters every route of a plugin means the same by. */
  const defaults = (plugin: string): Record<string, string> =>
    plugin === 'jobs' ? { id: shared.job } : { id: shared.ticket, imageId: shared.photo };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await userToken(app.strapi, 'admin');
    await makeWalkType();
    shared.ticket = (await newTicket()).documentId;
    const uploaded = await upload(shared.ticket, 2);
    expect(uploaded.status).toBe(201);
    shared.photo = uploaded.body.data[0].id;
    shared.job = (await addTestJob(app.strapi, { mode: 'steps', steps: 1 })).documentId;
    // an OCR result as a worker stores it, so /results and /suggestions have something to show
    const line = (text: string, y: number) => ({ text, confidence: 0.98, box: [[10, y], [300, y], [300, y + 20], [10, y + 20]] });
    await app.strapi
      .plugin('ocr')
      .service('results')
      .save(shared.ticket, shared.photo, { width: 300, height: 150, durationMs: 12, lines: [line('站点名称：浦东张江基站01', 10), line('PCI：387', 40)] }, null, shared.job);
  });
  afterAll(async () => app?.stop());

  it('walks every route of the project plugins', async () => {
    const failed: string[] = [];
    const utc: string[] = [];
    const withOffset = new Set<string>();
    let walked = 0;
    // a plugin the app does not load serves no routes
    for (const plugin of projectPlugins().filter((name) => app.strapi.plugin(name))) {
      for (const route of (app.strapi.plugin(plugin).routes as any)?.['content-api']?.routes ?? []) {
        const label = `${plugin} ${route.method} ${route.path}`;
        const call = (await calls[label]?.()) ?? {};
        const params = { ...defaults(plugin), ...call.params };
        const missing = [...route.path.matchAll(/:([^/]+)/g)].map((m) => m[1]).filter((name) => !(name in params));
        if (missing.length) {
          failed.push(`${label}: give the walk a value for ${missing.join(', ')}`);
          continue;
        }
        const url = `/api${route.config?.prefix ?? `/${plugin}`}${route.path.replace(/:([^/]+)/g, (_m: string, name: string) => params[name])}`.replace(/\/$/, '');
        let req = api()[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](call.query ? `${url}?${call.query}` : url).set(auth());
        for (let i = 0; i < (call.files ?? 0); i += 1) req = req.attach('files', await plainPng(), `walk-${i}.png`);
        if (call.attach) {
          for (const [name, value] of Object.entries(call.attach.fields ?? {})) req = req.field(name, value);
          req = req.attach(call.attach.field, call.attach.bytes, call.attach.name);
        }
        const res = call.body === undefined ? await req : await req.send(call.body as object);
        walked += 1;
        if (call.status ? res.status !== call.status : res.status >= 300) failed.push(`${label}: ${res.status} ${JSON.stringify(res.body?.error ?? res.text)}`);
        if (!/json/.test(res.type)) continue;
        utc.push(...stringsMatching(res.body, UTC_TIMESTAMP).map((found) => `${label}: ${found}`));
        if (stringsMatching(res.body, OFFSET_TIMESTAMP).length) withOffset.add(label);
      }
    }
    expect(failed).toEqual([]);
    expect(utc).toEqual([]);
    expect(walked).toBeGreaterThanOrEqual(24);
    // the answers that hold timestamps were really read
    expect([...withOffset]).toEqual(
      expect.arrayContaining([
        'ticketing GET /tickets',
        'ticketing GET /tickets/:id',
        'ticketing GET /tickets/:id/history',
        'ticketing GET /tickets/:id/images',
        'ticketing POST /tickets/:id/images',
        'jobs GET /',
        'jobs GET /:id',
        'jobs GET /board-link',
        'ocr POST /jobs',
        'ocr GET /results',
        'notifications POST /:id/read',
        'notifications GET /webhooks/:id',
      ]),
    );
  });
});

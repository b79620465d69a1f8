import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { startClamd, EICAR, EICAR_FINDING } from './helpers/clamd';
import { userToken } from './helpers/users';
import { siteSurveyForm } from './helpers/tickets';
import { siteJpeg } from './helpers/photos';
import { excelDevDir } from './helpers/excel-imports';

/** A template workbook that passes every template check; `extra` goes into a cell of its own. */
async function templateWorkbook(extra?: string) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导出');
  sheet.getCell('A1').value = '{{typeName}}';
  sheet.getRow(2).values = ['站点', '编号'];
  sheet.getRow(3).values = ['{{site_name}}', '{{id}}'];
  if (extra) sheet.getCell('H1').value = extra;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('virus scanning of uploads with a real clamd (EICAR-only database) and s3rver', () => {
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let publisher: string;
  const api = () => request(app.strapi.server.httpServer);
  const auth = () => ({ Authorization: `Bearer ${publisher}` });
  const csv = fs.readFileSync(path.join(excelDevDir, 'dev06_bs_fault_csv.csv'));

  const uploadPhotos = (ticket: string, files: [string, Buffer][]) => {
    const req = api().post(`/api/ticketing/tickets/${ticket}/images`).set(auth());
    for (const [name, bytes] of files) req.attach('files', bytes, name);
    return req;
  };
  const postImport = (bytes: Buffer, name: string, route = '/api/excel-io/imports') => api().post(route).set(auth()).field('dryRun', 'true').attach('file', bytes, name);
  const postTemplate = (bytes: Buffer, name: string) =>
    api().post('/api/excel-io/templates').set(auth()).field('name', `模板 ${name}`).field('ticketType', 'bs-fault').attach('file', bytes, name);
  const newTicket = async () => {
    const res = await api().post('/api/ticketing/tickets').set(auth()).send({ data: { type: 'site-survey', form: siteSurveyForm() } });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };
  const count = async (table: string) => Number((await app.strapi.db.connection(table).count({ n: '*' }))[0].n);
  /** Everything an upload could leave behind: objects, media rows, templates, jobs. */
  const stored = async () => ({
    objects: await s3.keys(),
    media: await count('files'),
    templates: await count('excel_io_export_templates'),
    jobs: await count('jobs_jobs'),
  });
  /** The `virus found` audit entries, oldest first, meta parsed (the raw query hands jsonb over as text). */
  const findings = async () =>
    (await app.strapi.db.connection('ticketing_audit_logs').where({ action: 'virus found' }).orderBy('id')).map((e) => ({
      ...e,
      meta: typeof e.meta === 'string' ? JSON.parse(e.meta) : e.meta,
    }));
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  const expectInfected = (res: request.Response, file: string) => {
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ status: 422, name: 'InfectedFileError', details: { file, finding: EICAR_FINDING } });
    expect(res.body.error.message).toContain(file);
    expect(res.body.error.message).toContain(EICAR_FINDING);
  };

  beforeAll(async () => {
    clamd = await startClamd();
    s3 = await startS3Server('virus-scan');
    Object.assign(process.env, s3.env, clamd.env, { CLAMD_TIMEOUT_MS: '5000' });
    delete process.env.CLAMD_FAIL_OPEN;
    app = await startTestApp();
    publisher = await userToken(app.strapi, 'publisher');
  });
  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
    await clamd?.destroy();
    for (const name of ['CLAMD_HOST', 'CLAMD_PORT', 'CLAMD_TIMEOUT_MS', 'CLAMD_FAIL_OPEN']) delete process.env[name];
  });

  it('refuses a photo upload holding EICAR with a 422 naming file and finding; nothing of it is stored; the finding is audited', async () => {
    const ticket = await newTicket();
    const before = await stored();
    const res = await uploadPhotos(ticket, [
      ['roof.jpg', await siteJpeg()],
      ['eicar.jpg', EICAR],
    ]);
    expectInfected(res, 'eicar.jpg');
    // the clean photo beside it is refused with it: the upload is one
    expect(await stored()).toEqual(before);
    expect((await api().get(`/api/ticketing/tickets/${ticket}/images`).set(auth())).body.data).toEqual([]);
    const [entry] = await findings();
    expect(entry).toMatchObject({ entity_kind: 'upload', entity_id: sha256(EICAR), actor_kind: 'user' });
    expect(entry.actor_name).toBeTruthy();
    expect(entry.meta).toEqual({ file: 'eicar.jpg', finding: EICAR_FINDING, target: `ticket ${ticket} photos` });
  });

  it('refuses an import file holding EICAR, at start and at preview: no stored file, no job, audited', async () => {
    const before = await stored();
    const audited = (await findings()).length;
    expectInfected(await postImport(EICAR, 'faults.csv'), 'faults.csv');
    expectInfected(await postImport(EICAR, 'faults.csv', '/api/excel-io/imports/preview'), 'faults.csv');
    expect(await stored()).toEqual(before);
    const targets = (await findings()).slice(audited).map((e) => e.meta.target);
    expect(targets).toEqual(['import', 'import preview']);
  });

  it('refuses a template that passes every template check but carries EICAR inside the workbook (clamd unpacks the .xlsx)', async () => {
    const before = await stored();
    expectInfected(await postTemplate(await templateWorkbook(EICAR.toString('latin1')), 'layout.xlsx'), 'layout.xlsx');
    expect(await stored()).toEqual(before);
    expect((await findings()).at(-1).meta).toMatchObject({ file: 'layout.xlsx', target: 'export template' });
  });

  it('stores clean files as before', async () => {
    const ticket = await newTicket();
    const photo = await uploadPhotos(ticket, [['roof.jpg', await siteJpeg()]]);
    expect(photo.status).toBe(201);
    expect(await s3.keys()).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^uploads/images/${ticket}/`))]));
    const importJob = await postImport(csv, 'faults.csv');
    expect(importJob.status).toBe(202);
    expect((await s3.keys()).some((k) => k.startsWith('uploads/imports/'))).toBe(true);
    expect((await postImport(csv, 'faults.csv', '/api/excel-io/imports/preview')).status).toBe(200);
    expect((await postTemplate(await templateWorkbook(), 'clean.xlsx')).status).toBe(201);
  });

  describe('clamd unreachable', () => {
    beforeAll(async () => clamd.stop());

    it('fails closed: 503 and nothing stored', async () => {
      const ticket = await newTicket();
      const before = await stored();
      const photo = await uploadPhotos(ticket, [['roof.jpg', await siteJpeg()]]);
      expect(photo.status).toBe(503);
      expect(photo.body.error).toMatchObject({ name: 'ServiceUnavailableError', details: { file: 'roof.jpg' } });
      expect(photo.body.error.message).toMatch(/virus scanner is unavailable/);
      expect((await postImport(csv, 'faults.csv')).status).toBe(503);
      expect((await postTemplate(await templateWorkbook(), 'clean.xlsx')).status).toBe(503);
      expect(await stored()).toEqual(before);
    });

    it('with CLAMD_FAIL_OPEN=true a file over clamd\'s StreamMaxLength is still refused (413): clamd is up, it will not vouch for it', async () => {
      process.env.CLAMD_FAIL_OPEN = 'true';
      await app.restart();
      publisher = await userToken(app.strapi, 'publisher');
      await clamd.start({ streamMaxLength: '1M' });
      const before = await stored();
      const padded = Buffer.concat([csv, Buffer.alloc(2 * 1024 * 1024, 0x0a)]);
      const res = await postImport(padded, 'padded.csv');
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ name: 'PayloadTooLargeError', details: { file: 'padded.csv' } });
      expect(res.body.error.message).toMatch(/larger than the virus scanner checks/);
      expect(await stored()).toEqual(before);
      await clamd.stop();
    });

    it('with CLAMD_FAIL_OPEN=true stores uploads unscanned while clamd is down', async () => {
      const ticket = await newTicket();
      const photo = await uploadPhotos(ticket, [['roof.jpg', await siteJpeg()]]);
      expect(photo.status).toBe(201);
      expect((await api().get(`/api/ticketing/tickets/${ticket}/images`).set(auth())).body.data).toHaveLength(1);
      expect((await postImport(csv, 'faults.csv')).status).toBe(202);
    });
  });
});

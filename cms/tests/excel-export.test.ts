import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import sharp from 'sharp';
import { startTestApp } from './helpers/strapi';
import { startS3Server } from './helpers/s3';
import { adminToken, userToken } from './helpers/users';
import { bsFaultForm } from './helpers/tickets';
import { siteJpeg } from './helpers/photos';
import { auth, finishedJob } from './helpers/excel-imports';
import { download, listIds, postExport, runExport } from './helpers/excel-exports';
import { waitFor } from './helpers/jobs';

process.env.JOBS_BACKOFF_MS = '100';
// small, so a test crosses it with a handful of tickets
process.env.EXPORT_WORD_LIMIT = '5';

const HEADERS_ZH = ['站点名称', 'gNodeB标识', '物理小区标识', '频点', '频段', '故障类型', '严重程度', '发生时间', '经度', '纬度', '联系电话', '故障描述'];

describe('Excel, CSV and Word export', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const tokens: Record<string, string> = {};
  const api = () => request(app.strapi.server.httpServer);
  const created: Record<string, string> = {};

  const createTicket = async (form: Record<string, unknown>) => {
    const res = await api().post('/api/ticketing/tickets').set(auth(tokens.publisher)).send({ data: { type: 'bs-fault', form } });
    if (res.status !== 201) throw new Error(`ticket not created: ${JSON.stringify(res.body)}`);
    return res.body.data as { documentId: string; version: number };
  };

  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
    app = await startTestApp();
    for (const role of ['viewer', 'handler', 'publisher', 'admin']) tokens[role] = await userToken(app.strapi, role);
    tokens.otherViewer = await userToken(app.strapi, 'viewer');
    await app.strapi.plugin('ticketing').service('demo').tickets(400, { seed: 15 });
    created.formulas = (await createTicket(bsFaultForm({ site_name: 'WORD浦东01', description: '=HYPERLINK("http://evil.example","点我")', severity: '紧急' }))).documentId;
    created.quoted = (await createTicket(bsFaultForm({ site_name: 'WORD浦东02', description: '@SUM(A1), "引号" -2+3', severity: '紧急' }))).documentId;
    // two photos and an edit (history) on the first
    const photos = await api()
      .post(`/api/ticketing/tickets/${created.formulas}/images`)
      .set(auth(tokens.publisher))
      .attach('files', await siteJpeg(1600, 1200), 'a.jpg')
      .attach('files', await siteJpeg(800, 600), 'b.jpg');
    expect(photos.status).toBe(201);
    const current = await api().get(`/api/ticketing/tickets/${created.formulas}`).set(auth(tokens.publisher));
    const updated = await api()
      .put(`/api/ticketing/tickets/${created.formulas}`)
      .set(auth(tokens.publisher))
      .send({ data: { form: { ...current.body.data.form, pci: 501 }, version: current.body.data.version } });
    expect(updated.status).toBe(200);
  });
  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
  });

  describe('xlsx without a template', () => {
    const query = { ticketType: 'bs-fault', filters: { form: { severity: { $eq: 'critical' } } }, sort: 'pci:asc' };
    let job: { documentId: string; status: string; result: Record<string, unknown> };
    let sheet: ExcelJS.Worksheet;
    let location: string;

    beforeAll(async () => {
      const started = Date.now();
      // a handler reads every bs-fault field (a viewer's export leaves the phone out: field-access.test.ts)
      job = await runExport(app.strapi, tokens.handler, { ...query, format: 'xlsx' });
      expect(job.status).toBe('succeeded');
      const got = await download(app.strapi, tokens.handler, job.documentId);
      location = got.location;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(got.bytes as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
      // the link of the result expires PHOTO_URL_TTL_SECONDS (15 min) after it was made
      const expiresAt = Date.parse(job.result.expiresAt as string);
      expect(expiresAt).toBeGreaterThanOrEqual(started + 900_000 - 2000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 900_000 + 2000);
      expect(job.result.expiresAt).toMatch(/\+08:00$/);
    });

    it('is stored under exports/excel/<job>.xlsx and linked for 15 minutes', async () => {
      expect(job.result.key).toBe(`exports/excel/${job.documentId}.xlsx`);
      expect(await s3.keys()).toContain(`uploads/exports/excel/${job.documentId}.xlsx`);
      expect(new URL(location).searchParams.get('X-Amz-Expires')).toBe('900');
      expect(new URL(job.result.url as string).pathname).toContain(`exports/excel/${job.documentId}.xlsx`);
      expect(job.result.filename).toMatch(/^5G基站故障工单-\d{8}-\d{4}\.xlsx$/);
    });

    it('holds exactly the list rows, in the list order, with zh-CN headers', async () => {
      const ids = await listIds(app.strapi, tokens.handler, { type: 'bs-fault', filters: query.filters, sort: query.sort });
      expect(ids.length).toBeGreaterThan(20);
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual([...HEADERS_ZH, '工单编号', '工单状态', '创建人', '创建于', '更新于']);
      const exported: string[] = [];
      for (let r = 2; r <= sheet.rowCount; r++) exported.push(sheet.getRow(r).getCell(13).value as string);
      expect(exported).toEqual(ids);
      expect(job.result.rows).toBe(ids.length);
      expect(job.result.bytes).toBeGreaterThan(1000);
    });

    it('writes labels, real dates, numbers and phones as text; freezes the header, filters, fits widths', async () => {
      const row = sheet.getRow(2);
      const id = row.getCell(13).value as string;
      const ticket = (await api().get(`/api/ticketing/tickets/${id}`).set(auth(tokens.handler))).body.data;
      expect(row.getCell(7).value).toBe('紧急');
      expect(row.getCell(3).value).toBe(ticket.form.pci);
      expect(typeof row.getCell(3).value).toBe('number');
      const occurred = row.getCell(8);
      expect(occurred.value).toBeInstanceOf(Date);
      expect(occurred.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
      // the wall clock in Asia/Shanghai, as stored
      expect((occurred.value as Date).toISOString().slice(0, 19)).toBe(String(ticket.form.occurred_at).slice(0, 19));
      const phone = row.getCell(11);
      expect(phone.type).toBe(ExcelJS.ValueType.String);
      expect(phone.value).toBe(ticket.form.reporter_phone);
      expect(phone.numFmt).toBe('@');
      expect(row.getCell(14).value).toBe({ draft: '草稿', submitted: '已提交', in_progress: '处理中', resolved: '已解决', closed: '已关闭', rejected: '已驳回' }[ticket.status as string]);
      expect(row.getCell(16).value).toBeInstanceOf(Date);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
      expect(sheet.getColumn(1).width).toBeLessThanOrEqual(60);
    });

    it('headers and labels in English with locale en', async () => {
      const en = await runExport(app.strapi, tokens.viewer, { ...query, format: 'xlsx', locale: 'en', columns: ['severity', 'pci', 'id'] });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download(app.strapi, tokens.viewer, en.documentId)).bytes as unknown as ArrayBuffer);
      const first = workbook.worksheets[0];
      expect((first.getRow(1).values as unknown[]).slice(1)).toEqual(['Severity', 'PCI', 'Ticket ID']);
      expect(first.getRow(2).getCell(1).value).toBe('Critical');
    });
  });

  describe('formula injection', () => {
    const query = { ticketType: 'bs-fault', filters: { form: { site_name: { $contains: 'WORD浦东' } } }, sort: 'created_at:asc', columns: ['site_name', 'description'] };

    it('xlsx: a text that starts like a formula is a string cell in text format, never a formula', async () => {
      const job = await runExport(app.strapi, tokens.handler, { ...query, format: 'xlsx' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download(app.strapi, tokens.handler, job.documentId)).bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      for (const [r, text] of [[2, '=HYPERLINK("http://evil.example","点我")'], [3, '@SUM(A1), "引号" -2+3']] as const) {
        const cell = sheet.getRow(r).getCell(2);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(text);
        expect(cell.numFmt).toBe('@');
      }
    });

    it('CSV: UTF-8 with BOM, RFC 4180 quoting, a leading apostrophe on formula-like text', async () => {
      const job = await runExport(app.strapi, tokens.handler, { ...query, format: 'csv' });
      expect(job.result.key).toBe(`exports/excel/${job.documentId}.csv`);
      const { bytes } = await download(app.strapi, tokens.handler, job.documentId);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toBe(
        ['站点名称,故障描述', `WORD浦东01,"'=HYPERLINK(""http://evil.example"",""点我"")"`, `WORD浦东02,"'@SUM(A1), ""引号"" -2+3"`, ''].join('\r\n'),
      );
    });
  });

  describe('templates', () => {
    const templateBytes = async (dataRow: string[], title = '{{typeName}} 导出') => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('故障导出');
      sheet.getCell('A1').value = title;
      sheet.getCell('A1').font = { bold: true, size: 16 };
      sheet.mergeCells('A1:D1');
      sheet.getCell('A2').value = '导出时间：{{exportedAt}} 导出人：{{exportedBy}}';
      sheet.getCell('A3').value = '筛选：{{filters}}';
      sheet.getCell('A4').value = '{{count}}';
      sheet.getRow(5).values = ['站点', 'PCI', '严重程度', '编号'];
      dataRow.forEach((key, i) => {
        const cell = sheet.getRow(6).getCell(i + 1);
        cell.value = key;
        cell.font = { italic: true, color: { argb: 'FF0000FF' } };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      });
      sheet.getColumn(1).width = 33;
      // a logo over E1:F3, and one hanging from G1 by its size
      sheet.addImage(workbook.addImage({ buffer: logo as unknown as ExcelJS.Buffer, extension: 'png' }), 'E1:F3');
      sheet.addImage(workbook.addImage({ buffer: logo as unknown as ExcelJS.Buffer, extension: 'png' }), { tl: { col: 6, row: 0 }, ext: { width: 48, height: 24 } });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    let logo: Buffer;
    beforeAll(async () => {
      logo = await sharp({ create: { width: 64, height: 32, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();
    });
    const upload = (token: string, bytes: Buffer, name = 'tpl.xlsx') =>
      api().post('/api/excel-io/templates').set(auth(token)).field('name', '故障模板').field('ticketType', 'bs-fault').attach('file', bytes, name);

    it('viewers and handlers may not upload templates (export.manage)', async () => {
      const bytes = await templateBytes(['{{site_name}}', '{{pci}}', '{{severity}}', '{{id}}']);
      for (const role of ['viewer', 'handler']) expect((await upload(tokens[role], bytes)).status).toBe(403);
    });

    it.each([
      ['not a workbook', () => Promise.resolve(Buffer.from('site,pci\n1,2\n')), /not an \.xlsx workbook/],
      ['no data row', () => templateBytes([]), /no data row/],
      ['an unknown column', () => templateBytes(['{{site_name}}', '{{nope}}']), /Unknown column "nope"/],
      ['an unknown title placeholder', () => templateBytes(['{{site_name}}'], '{{typeName}} {{weather}}'), /\{\{weather\}\}.*A1|A1.*\{\{weather\}\}/],
    ])('a template with %s is a 400 naming it', async (_, make, message) => {
      const res = await upload(tokens.publisher, await make());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('in the Content Manager too: a bad template is a 400 naming the problem, a good one is saved', async () => {
      const admin = await adminToken(app.strapi);
      const media = async (bytes: Buffer) => {
        const filepath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-')), 'tpl.xlsx');
        fs.writeFileSync(filepath, bytes);
        const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        const [file] = await app.strapi.plugin('upload').service('upload').upload({ data: { fileInfo: { name: 'tpl.xlsx' } }, files: { filepath, originalFilename: 'tpl.xlsx', mimetype: mime, size: bytes.length } });
        return file.id as number;
      };
      const save = async (file: number) =>
        api().post('/content-manager/collection-types/plugin::excel-io.export-template').set(auth(admin)).send({ name: 'CM模板', ticketType: 'bs-fault', file });
      const bad = await save(await media(await templateBytes([])));
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/no data row/);
      const good = await save(await media(await templateBytes(['{{site_name}}', '{{id}}'])));
      expect(good.status).toBe(201);
    });

    it('fills the title placeholders and styles the rows like the data row', async () => {
      const uploaded = await upload(tokens.publisher, await templateBytes(['{{site_name}}', '{{pci}}', '{{severity}}', '{{id}}']));
      expect(uploaded.status).toBe(201);
      const listed = await api().get('/api/excel-io/templates?ticketType=bs-fault').set(auth(tokens.viewer));
      expect(listed.body.data.map((t: { documentId: string }) => t.documentId)).toContain(uploaded.body.data.documentId);
      const filters = { form: { severity: { $eq: 'critical' } } };
      const job = await runExport(app.strapi, tokens.viewer, { ticketType: 'bs-fault', format: 'xlsx', filters, template: uploaded.body.data.documentId });
      expect(job.status).toBe('succeeded');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download(app.strapi, tokens.viewer, job.documentId)).bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const ids = await listIds(app.strapi, tokens.viewer, { type: 'bs-fault', filters });
      expect(sheet.name).toBe('故障导出');
      expect(sheet.getCell('A1').value).toBe('5G基站故障工单 导出');
      expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
      expect(sheet.model.merges).toContain('A1:D1');
      expect(sheet.getCell('A2').value).toMatch(/^导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2} 导出人：user\d+_\d+$/);
      expect(sheet.getCell('A3').value).toBe('筛选：严重程度 = 紧急');
      expect(sheet.getCell('A4').value).toBe(ids.length);
      expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(['站点', 'PCI', '严重程度', '编号']);
      expect(sheet.getColumn(1).width).toBe(33);
      expect(sheet.rowCount).toBe(5 + ids.length);
      for (const r of [6, 5 + ids.length]) {
        const row = sheet.getRow(r);
        expect(row.getCell(3).value).toBe('紧急');
        expect(row.getCell(4).value).toBe(ids[r - 6]);
        expect(row.getCell(1).font).toMatchObject({ italic: true, color: { argb: 'FF0000FF' } });
        expect(row.getCell(2).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
      }
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
      // the logos, where the template put them, with their bytes
      const images = sheet.getImages();
      expect(images.map((i) => [i.range.tl.nativeCol, i.range.tl.nativeRow])).toEqual([[4, 0], [6, 0]]);
      expect([images[0].range.br.nativeCol, images[0].range.br.nativeRow]).toEqual([6, 3]);
      expect((images[1].range as unknown as { ext: { width: number; height: number } }).ext).toEqual({ width: 48, height: 24 });
      for (const image of images) expect(Buffer.from(workbook.getImage(Number(image.imageId)).buffer as ArrayBuffer)).toEqual(logo);
    });
  });

  describe('Word', () => {
    const query = { ticketType: 'bs-fault', filters: { form: { site_name: { $contains: 'WORD浦东' } } }, sort: 'created_at:asc' };

    it('unzips; document.xml holds the values, media the photos; footer has page numbers', async () => {
      const job = await runExport(app.strapi, tokens.handler, { ...query, format: 'docx' });
      expect(job.status).toBe('succeeded');
      expect(job.result).toMatchObject({ rows: 2, key: `exports/docx/${job.documentId}.docx` });
      expect(await s3.keys()).toContain(`uploads/exports/docx/${job.documentId}.docx`);
      const zip = await JSZip.loadAsync((await download(app.strapi, tokens.handler, job.documentId)).bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      for (const text of ['WORD浦东01', 'WORD浦东02', created.formulas, created.quoted, '紧急', '物理小区标识', '501', '13800138000', '筛选条件', '处理记录']) expect(xml).toContain(text);
      // the edit of pci is in the history: who changed what
      expect(xml).toMatch(/物理小区标识: 387 → 501/);
      const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
      expect(media).toHaveLength(2);
      const footers = await Promise.all(Object.keys(zip.files).filter((n) => /word\/footer\d*\.xml/.test(n)).map((n) => zip.file(n)!.async('string')));
      expect(footers.join('')).toContain('PAGE');
    });

    it('more tickets than EXPORT_WORD_LIMIT is a 400 with the count', async () => {
      const count = (await listIds(app.strapi, tokens.viewer, { type: 'bs-fault' })).length;
      const res = await postExport(app.strapi, tokens.viewer, { ticketType: 'bs-fault', format: 'docx' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`at most 5 tickets; these filters match ${count}`);
    });

    it("a single ticket's report is one POST", async () => {
      const res = await api().post(`/api/excel-io/tickets/${created.formulas}/report`).set(auth(tokens.viewer));
      expect(res.status).toBe(202);
      const job = await finishedJob(app.strapi, tokens.viewer, res.body.data.documentId);
      expect(job.status).toBe('succeeded');
      const zip = await JSZip.loadAsync((await download(app.strapi, tokens.viewer, job.documentId)).bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain(created.formulas);
      expect(xml).not.toContain(created.quoted);
      expect(job.result.filename).toBe(`5G基站故障工单-${created.formulas}.docx`);
      expect((await api().post('/api/excel-io/tickets/nope/report').set(auth(tokens.viewer))).status).toBe(404);
    });
  });

  describe('rights, ownership, bad input, expiry', () => {
    it.each(['viewer', 'handler', 'publisher', 'admin'])('%s may export (export.read)', async (role) => {
      const res = await postExport(app.strapi, tokens[role], { ticketType: 'site-survey', format: 'csv' });
      expect(res.status).toBe(202);
      expect(res.body.data).toMatchObject({ kind: 'export', status: 'queued' });
    });

    it('no credentials: 401', async () => {
      expect((await api().post('/api/excel-io/exports').send({ data: { ticketType: 'bs-fault', format: 'csv' } })).status).toBe(401);
    });

    it("someone else's export is 404, its download and link too", async () => {
      const job = await runExport(app.strapi, tokens.viewer, { ticketType: 'site-survey', format: 'csv' });
      expect((await api().get(`/api/excel-io/exports/${job.documentId}/download`).set(auth(tokens.otherViewer))).status).toBe(404);
      expect((await api().get(`/api/excel-io/exports/${job.documentId}/link`).set(auth(tokens.otherViewer))).status).toBe(404);
      expect((await api().get(`/api/jobs/${job.documentId}`).set(auth(tokens.otherViewer))).status).toBe(404);
      expect((await api().get(`/api/excel-io/exports/${job.documentId}/download`).set(auth(tokens.viewer))).status).toBe(302);
    });

    it('the link route answers a fresh signed link and its expiry as JSON (for a page that sends its token in a header)', async () => {
      const job = await runExport(app.strapi, tokens.viewer, { ticketType: 'site-survey', format: 'csv' });
      const res = await api().get(`/api/excel-io/exports/${job.documentId}/link`).set(auth(tokens.viewer));
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.data.url).toContain(`exports/excel/${job.documentId}.csv`);
      expect(res.body.data.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
      expect(Date.parse(res.body.data.expiresAt)).toBeGreaterThan(Date.now());
      const fetched = await fetch(res.body.data.url);
      expect(fetched.status).toBe(200);
      expect(Buffer.from(await fetched.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    });

    it.each([
      [{ ticketType: 'bs-fault', format: 'pdf' }, /format must be one of xlsx, csv, docx/],
      [{ ticketType: 'nope', format: 'xlsx' }, /Unknown ticket type "nope"/],
      [{ ticketType: 'bs-fault', format: 'xlsx', columns: ['pci', 'weather'] }, /Unknown column "weather"/],
      [{ ticketType: 'bs-fault', format: 'xlsx', filters: { form: { pci: { $contains: 3 } } } }, /Operator \$contains does not apply to pci/],
      [{ ticketType: 'bs-fault', format: 'xlsx', sort: 'description:sideways' }, /sort direction/],
      [{ ticketType: 'bs-fault', format: 'csv', template: 'x' }, /needs format "xlsx"/],
      [{ ticketType: 'bs-fault', format: 'xlsx', template: 'missing' }, /Unknown template "missing"/],
    ])('%j is a 400 naming the problem', async (data, message) => {
      const res = await postExport(app.strapi, tokens.viewer, data);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('after EXPORT_TTL_DAYS the cleanup job removes the file and the download is 410', async () => {
      const job = await runExport(app.strapi, tokens.viewer, { ticketType: 'site-survey', format: 'xlsx' });
      const key = `uploads/exports/excel/${job.documentId}.xlsx`;
      expect(await s3.keys()).toContain(key);
      // each process queues a cleanup at start (and every EXPORT_CLEANUP_INTERVAL_MS); this file was still in its TTL then
      const [{ n: startupCleanups }] = await app.strapi.db.connection('jobs_jobs').where({ kind: 'export-cleanup', state: 'succeeded' }).count({ n: '*' });
      expect(Number(startupCleanups)).toBeGreaterThanOrEqual(1);
      const files = () => app.strapi.db.connection('excel_io_export_files').where({ job_id: job.documentId });
      await files().update({ expires_at: new Date(Date.now() - 1000) });
      const cleanup = await app.strapi.plugin('excel-io').service('export-jobs').addCleanup();
      await waitFor('the cleanup job', async () => (await app.strapi.db.connection('jobs_jobs').where({ document_id: cleanup.documentId }).first())?.state === 'succeeded', 30_000, 100);
      expect(await s3.keys()).not.toContain(key);
      expect((await files().first()).deleted_at).not.toBeNull();
      const res = await api().get(`/api/excel-io/exports/${job.documentId}/download`).set(auth(tokens.viewer));
      expect(res.status).toBe(410);
      expect(res.body.error.message).toMatch(/expired/);
      expect((await api().get(`/api/excel-io/exports/${job.documentId}/link`).set(auth(tokens.viewer))).status).toBe(410);
    });
  });
});

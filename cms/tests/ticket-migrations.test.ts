import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { waitFor } from './helpers/jobs';

const TYPE = 'mig-test';
const label = (en: string) => ({ 'zh-CN': en, en });

/** Version 1: what the tickets are written with. */
const V1_FIELDS = [
  { key: 'site', type: 'string', label: label('Site'), required: true },
  { key: 'old_note', type: 'text', label: label('Note') },
  { key: 'legacy_code', type: 'string', label: label('Legacy code') },
  { key: 'count', type: 'integer', label: label('Count'), rules: { minimum: 0, maximum: 100 } },
];

/** Version 2: old_note renamed to note, legacy_code removed, count tightened to ≤ 10, a required region added. */
const V2_FIELDS = [
  { key: 'site', type: 'string', label: label('Site'), required: true },
  { key: 'note', type: 'text', label: label('Note') },
  { key: 'count', type: 'integer', label: label('Count'), rules: { minimum: 0, maximum: 10 } },
  {
    key: 'region',
    type: 'enum',
    label: label('Region'),
    required: true,
    rules: { options: [{ value: 'north', label: label('North') }, { value: 'south', label: label('South') }] },
  },
];

const RENAMES = { old_note: 'note' };

type Role = 'viewer' | 'handler' | 'publisher' | 'admin';
/** A ticket row as the raw query builder reads it (the columns these tests look at). */
type TicketRow = { document_id: string; type_version: number; version: number; form_data: unknown };
/** A jsonb column as the raw query builder hands it back (text, with Strapi's pg setup). */
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

describe('moving tickets to a new version of their type', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const tokens = {} as Record<Role, string>;
  const api = () => request(app.strapi.server.httpServer);
  const as = (role: Role) => ({ Authorization: `Bearer ${tokens[role]}` });
  const db = () => app.strapi.db.connection;
  /** Every ticket row as stored, in id order: what a dry run must leave exactly as it was. */
  const ticketRows = (): Promise<TicketRow[]> => db()('ticketing_tickets').orderBy('id').select('*');
  const auditCount = async () => Number((await db()('ticketing_audit_logs').count({ n: '*' }))[0].n);
  const migrate = (body: unknown, role: Role = 'admin') => api().post(`/api/ticketing/ticket-types/${TYPE}/migrations`).set(as(role)).send(body as object);
  const finished = (id: string) =>
    waitFor(
      `migration ${id} to finish`,
      async () => {
        const res = await api().get(`/api/jobs/${id}`).set(as('admin'));
        return ['succeeded', 'failed', 'cancelled'].includes(res.body.data?.status) ? res.body.data : undefined;
      },
      60_000,
      100,
    );
  /** Runs a migration to its end; its job record and its whole report. */
  const run = async (body: object) => {
    const started = await migrate(body);
    expect(started.status).toBe(202);
    expect(started.body.data).toMatchObject({ kind: 'ticket-migration', status: 'queued' });
    const job = await finished(started.body.data.documentId);
    expect(job.status).toBe('succeeded');
    const report = await api().get(`/api/ticketing/ticket-types/${TYPE}/migrations/${job.documentId}/report?pageSize=100`).set(as('admin'));
    expect(report.status).toBe(200);
    return { job, report: report.body.data, pagination: report.body.meta.pagination };
  };
  const create = async (form: Record<string, unknown>) => {
    const res = await api().post('/api/ticketing/tickets').set(as('admin')).send({ data: { type: TYPE, form } });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };

  const ids = {} as Record<'fine' | 'fineToo' | 'legacy' | 'tooMany' | 'onV2', string>;

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ['viewer', 'handler', 'publisher', 'admin'] as Role[]) tokens[role] = await userToken(app.strapi, role);
    const documents = app.strapi.documents('plugin::ticketing.ticket-type');
    const type = await documents.create({ data: { key: TYPE, nameZh: '迁移测试', nameEn: 'Migration test', fields: V1_FIELDS, active: true } as never });
    ids.fine = await create({ site: 'A', old_note: 'hello', count: 5 });
    ids.fineToo = await create({ site: 'D', count: 10 });
    ids.legacy = await create({ site: 'B', legacy_code: 'X1', count: 1 });
    ids.tooMany = await create({ site: 'C', old_note: 'lots', count: 50 });
    await documents.update({ documentId: type.documentId, data: { fields: V2_FIELDS } as never });
    app.strapi.plugin('ticketing').service('ticket-types').forget(TYPE);
    ids.onV2 = await create({ site: 'E', region: 'south' });
  });
  afterAll(async () => app?.stop());

  it('lists the versions with how many tickets sit on each', async () => {
    const res = await api().get(`/api/ticketing/ticket-types/${TYPE}/versions`).set(as('admin'));
    expect(res.status).toBe(200);
    expect(res.body.data.current).toBe(2);
    expect(res.body.data.versions.map((v: { version: number; tickets: number; current: boolean }) => [v.version, v.tickets, v.current])).toEqual([
      [1, 4, false],
      [2, 1, true],
    ]);
    expect(res.body.data.versions[1].fields.map((f: { key: string }) => f.key)).toEqual(['site', 'note', 'count', 'region']);
    expect(res.body.data.versions[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await api().get('/api/ticketing/ticket-types/no-such-type/versions').set(as('admin'))).status).toBe(404);
  });

  it('a dry run reports every ticket and writes nothing', async () => {
    const rowsBefore = await ticketRows();
    const auditBefore = await auditCount();

    const bare = await run({ from: 1, to: 2, renames: RENAMES, dryRun: true });
    expect(bare.job.result).toMatchObject({ typeKey: TYPE, from: 1, to: 2, dryRun: true, counts: { total: 4, migrated: 0, kept: 4 } });
    // without a default every ticket lacks the newly required region
    for (const entry of bare.report.entries) {
      expect(entry.outcome).toBe('kept');
      expect(entry.reasons).toContainEqual(expect.objectContaining({ field: 'region', reason: 'required-field-empty' }));
    }

    const { job, report } = await run({ data: { from: 1, to: 2, renames: RENAMES, defaults: { region: 'north' }, dryRun: true } });
    expect(job.result.counts).toEqual({ total: 4, migrated: 2, kept: 2 });
    const byTicket = new Map(report.entries.map((e: { id: string }) => [e.id, e]));
    expect(byTicket.get(ids.fine)).toEqual({ id: ids.fine, outcome: 'migrated', reasons: [] });
    expect(byTicket.get(ids.fineToo)).toEqual({ id: ids.fineToo, outcome: 'migrated', reasons: [] });
    expect(byTicket.get(ids.legacy)).toMatchObject({ outcome: 'kept', reasons: [{ field: 'legacy_code', reason: 'removed-field-has-data' }] });
    expect(byTicket.get(ids.tooMany)).toMatchObject({ outcome: 'kept', reasons: [{ field: 'count', reason: 'value-refused' }] });
    expect(byTicket.has(ids.onV2)).toBe(false);

    expect(await ticketRows()).toEqual(rowsBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('a real run moves exactly the tickets the dry run reported, one audit entry each; a second run moves nothing', async () => {
    const plan = { from: 1, to: 2, renames: RENAMES, defaults: { region: 'north' } };
    const dry = await run({ ...plan, dryRun: true });
    const reported = dry.report.entries.filter((e: { outcome: string }) => e.outcome === 'migrated').map((e: { id: string }) => e.id).sort();
    const rowsBefore = new Map((await ticketRows()).map((r) => [r.document_id, r]));
    const versionBefore = (id: string) => rowsBefore.get(id)?.version ?? 0;
    const auditBefore = await auditCount();

    const { job, report } = await run({ ...plan, dryRun: false });
    expect(job.result.counts).toEqual({ total: 4, migrated: 2, kept: 2 });
    const moved = report.entries.filter((e: { outcome: string }) => e.outcome === 'migrated').map((e: { id: string }) => e.id).sort();
    expect(moved).toEqual(reported);

    const rowsAfter = await ticketRows();
    const changed = rowsAfter.filter((r) => JSON.stringify(r) !== JSON.stringify(rowsBefore.get(r.document_id)));
    expect(changed.map((r) => r.document_id).sort()).toEqual(reported);
    const fine = rowsAfter.find((r) => r.document_id === ids.fine);
    expect(fine).toMatchObject({ type_version: 2, version: versionBefore(ids.fine) + 1 });
    expect(json(fine?.form_data)).toEqual({ site: 'A', note: 'hello', count: 5, region: 'north' });

    const entries = await db()('ticketing_audit_logs').where({ action: 'migrate' }).select('entity_id', 'diff', 'meta', 'actor_kind');
    expect(entries.map((e: { entity_id: string }) => e.entity_id).sort()).toEqual(reported);
    expect(await auditCount()).toBe(auditBefore + reported.length);
    const fineEntry = entries.find((e: { entity_id: string }) => e.entity_id === ids.fine);
    expect(json(fineEntry.meta)).toEqual({ from: 1, to: 2, jobId: job.documentId });
    expect(json(fineEntry.diff)).toEqual({ old_note: ['hello', null], note: [null, 'hello'], region: [null, 'north'] });
    expect(fineEntry.actor_kind).toBe('user');

    // the ticket reads on its new version, and its history shows the migration
    const read = await api().get(`/api/ticketing/tickets/${ids.fine}`).set(as('handler'));
    expect(read.body.data).toMatchObject({ typeVersion: 2, form: { note: 'hello', region: 'north' } });
    const history = await api().get(`/api/ticketing/tickets/${ids.fine}/history`).set(as('handler'));
    expect(history.body.data[0]).toMatchObject({ action: 'migrate', meta: { from: 1, to: 2 } });

    // a client still holding the pre-migration version is told the ticket moved on
    const stale = await api()
      .put(`/api/ticketing/tickets/${ids.fine}`)
      .set(as('admin'))
      .send({ data: { form: { site: 'A' }, version: versionBefore(ids.fine) } });
    expect(stale.status).toBe(409);

    const rowsSettled = await ticketRows();
    const auditSettled = await auditCount();
    const again = await run({ ...plan, dryRun: false });
    expect(again.job.result.counts).toEqual({ total: 2, migrated: 0, kept: 2 });
    expect(again.report.entries.map((e: { id: string }) => e.id).sort()).toEqual([ids.legacy, ids.tooMany].sort());
    expect(await ticketRows()).toEqual(rowsSettled);
    expect(await auditCount()).toBe(auditSettled);

    const versions = await api().get(`/api/ticketing/ticket-types/${TYPE}/versions`).set(as('admin'));
    expect(versions.body.data.versions.map((v: { tickets: number }) => v.tickets)).toEqual([2, 3]);
  });

  it('pages and narrows the report by outcome', async () => {
    const { job } = await run({ from: 1, to: 2, renames: RENAMES, defaults: { region: 'south', count: 3 }, dryRun: true });
    const url = `/api/ticketing/ticket-types/${TYPE}/migrations/${job.documentId}/report`;
    const kept = await api().get(`${url}?outcome=kept`).set(as('admin'));
    // with count only filled where empty, the ticket holding 50 stays; legacy data still blocks the other
    expect(kept.body.data.entries.map((e: { id: string }) => e.id).sort()).toEqual([ids.legacy, ids.tooMany].sort());
    const page = await api().get(`${url}?pageSize=1&page=2`).set(as('admin'));
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
    expect((await api().get(`${url}?outcome=maybe`).set(as('admin'))).status).toBe(400);
    expect((await api().get(`/api/ticketing/ticket-types/bs-fault/migrations/${job.documentId}/report`).set(as('admin'))).status).toBe(404);
  });

  it('walks a type with more tickets than one batch holds, each moved once', async () => {
    const key = 'mig-bulk';
    const documents = app.strapi.documents('plugin::ticketing.ticket-type');
    const n = { key: 'n', type: 'integer', label: label('N'), rules: { minimum: 0, maximum: 1000 } };
    const type = await documents.create({ data: { key, nameZh: '批量', nameEn: 'Bulk', fields: [n], active: true } as never });
    const actor = { kind: 'system', id: null, name: null, role: null, userId: null };
    const items = Array.from({ length: 450 }, (_, i) => ({ type: key, typeVersion: 1, form: { n: i } }));
    await app.strapi.plugin('ticketing').service('ticket-bulk').insertMany(items, { actor });
    await documents.update({ documentId: type.documentId, data: { fields: [{ ...n, rules: { minimum: 0, maximum: 299 } }] } as never });

    const started = await api().post(`/api/ticketing/ticket-types/${key}/migrations`).set(as('admin')).send({ from: 1, to: 2, dryRun: false });
    expect(started.status).toBe(202);
    const job = await finished(started.body.data.documentId);
    expect(job.result.counts).toEqual({ total: 450, migrated: 300, kept: 150 });
    expect(job.progress).toMatchObject({ done: 450, total: 450 });
    const onVersion = (await db()('ticketing_tickets')
      .where({ type_key: key })
      .select('type_version')
      .count({ n: '*' })
      .groupBy('type_version')
      .orderBy('type_version')) as unknown as { type_version: number; n: string }[];
    expect(onVersion.map((r) => [r.type_version, Number(r.n)])).toEqual([[1, 150], [2, 300]]);
    const audited = await db()('ticketing_audit_logs').where({ action: 'migrate' }).whereRaw("meta->>'jobId' = ?", [job.documentId]).count({ n: '*' });
    expect(Number(audited[0].n)).toBe(300);
  });

  it('keeps a ticket whose value a new visibility condition would hide, rather than drop it', async () => {
    const key = 'mig-cond';
    const documents = app.strapi.documents('plugin::ticketing.ticket-type');
    const kind = { key: 'kind', type: 'enum', label: label('Kind'), required: true, rules: { options: [{ value: 'a', label: label('A') }, { value: 'b', label: label('B') }] } };
    const detail = { key: 'detail', type: 'text', label: label('Detail') };
    const type = await documents.create({ data: { key, nameZh: '条件', nameEn: 'Conditions', fields: [kind, detail], active: true } as never });
    const ticket = async (form: object) =>
      (await api().post('/api/ticketing/tickets').set(as('admin')).send({ data: { type: key, form } })).body.data.documentId as string;
    const hiddenData = await ticket({ kind: 'a', detail: 'written while it showed' });
    const shown = await ticket({ kind: 'b', detail: 'still shown' });
    const hiddenEmpty = await ticket({ kind: 'a' });
    await documents.update({ documentId: type.documentId, data: { fields: [kind, { ...detail, visibleWhen: { field: 'kind', equals: 'b' } }] } as never });

    const started = await api().post(`/api/ticketing/ticket-types/${key}/migrations`).set(as('admin')).send({ from: 1, to: 2, dryRun: false });
    const job = await finished(started.body.data.documentId);
    expect(job.result.counts).toEqual({ total: 3, migrated: 2, kept: 1 });
    const report = await api().get(`/api/ticketing/ticket-types/${key}/migrations/${job.documentId}/report?outcome=kept`).set(as('admin'));
    expect(report.body.data.entries).toEqual([{ id: hiddenData, outcome: 'kept', reasons: [expect.objectContaining({ field: 'detail', reason: 'hidden-field-has-data' })] }]);
    const rows = await db()('ticketing_tickets').where({ type_key: key }).select('document_id', 'type_version', 'form_data');
    const byId = new Map(rows.map((r: { document_id: string; type_version: number; form_data: unknown }) => [r.document_id, [r.type_version, json(r.form_data)]]));
    expect(byId.get(hiddenData)).toEqual([1, { kind: 'a', detail: 'written while it showed' }]);
    expect(byId.get(shown)).toEqual([2, { kind: 'b', detail: 'still shown' }]);
    expect(byId.get(hiddenEmpty)).toEqual([2, { kind: 'a' }]);
  });

  it('judges a ticket as it is once locked: an edit that lands while the job waits for the row decides', async () => {
    const key = 'mig-lock';
    const documents = app.strapi.documents('plugin::ticketing.ticket-type');
    const count = { key: 'count', type: 'integer', label: label('Count'), rules: { minimum: 0, maximum: 100 } };
    const type = await documents.create({ data: { key, nameZh: '锁', nameEn: 'Lock', fields: [count], active: true } as never });
    const created = await api().post('/api/ticketing/tickets').set(as('admin')).send({ data: { type: key, form: { count: 5 } } });
    const id = created.body.data.documentId as string;
    await documents.update({ documentId: type.documentId, data: { fields: [{ ...count, rules: { minimum: 0, maximum: 10 } }] } as never });

    // another writer holds the row: the job must wait for it, then see what it wrote
    const writer = await db().transaction();
    try {
      await writer('ticketing_tickets').where({ document_id: id }).forUpdate().first();
      const started = await api().post(`/api/ticketing/ticket-types/${key}/migrations`).set(as('admin')).send({ from: 1, to: 2, dryRun: false });
      expect(started.status).toBe(202);
      await waitFor('the job to start', async () => (await api().get(`/api/jobs/${started.body.data.documentId}`).set(as('admin'))).body.data.status === 'running');
      await writer('ticketing_tickets').where({ document_id: id }).update({ form_data: JSON.stringify({ count: 50 }), version: 2 });
      await writer.commit();
      const job = await finished(started.body.data.documentId);
      expect(job.result.counts).toEqual({ total: 1, migrated: 0, kept: 1 });
    } finally {
      if (!writer.isCompleted()) await writer.rollback();
    }
    const row = await db()('ticketing_tickets').where({ document_id: id }).first();
    expect({ typeVersion: row.type_version, version: row.version, form: json(row.form_data) }).toEqual({ typeVersion: 1, version: 2, form: { count: 50 } });
    expect(await db()('ticketing_audit_logs').where({ entity_id: id, action: 'migrate' }).count({ n: '*' })).toEqual([{ n: '0' }]);
  });

  it.each(['viewer', 'handler', 'publisher'] as Role[])('%s may not see versions, migrate or read a report: 403', async (role) => {
    const versions = await api().get(`/api/ticketing/ticket-types/${TYPE}/versions`).set(as(role));
    expect(versions.status).toBe(403);
    expect(versions.body.error.message).toBe('Missing right ticket-types.migrate');
    const auditBefore = await auditCount();
    expect((await migrate({ from: 1, to: 2, dryRun: false }, role)).status).toBe(403);
    expect((await api().get(`/api/ticketing/ticket-types/${TYPE}/migrations/x/report`).set(as(role))).status).toBe(403);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('without credentials: 401', async () => {
    expect((await api().post(`/api/ticketing/ticket-types/${TYPE}/migrations`).send({ from: 1, to: 2, dryRun: true })).status).toBe(401);
  });

  it.each([
    ['an unknown type', 'no-such-type', { from: 1, to: 2, dryRun: true }, /Unknown ticket type "no-such-type"/],
    ['a from that is no version', TYPE, { from: 9, to: 2, dryRun: true }, /has no version 9/],
    ['a to that is no version', TYPE, { from: 1, to: 3, dryRun: true }, /has no version 3/],
    ['from equal to to', TYPE, { from: 2, to: 2, dryRun: true }, /both version 2/],
    ['a version that is no number', TYPE, { from: '1', to: 2, dryRun: true }, /from must be a version number/],
    ['no dryRun', TYPE, { from: 1, to: 2 }, /dryRun must be true or false/],
    ['a rename of an unknown field', TYPE, { from: 1, to: 2, renames: { nope: 'note' }, dryRun: true }, /"nope" is not a field of version 1/],
    ['a rename to an unknown field', TYPE, { from: 1, to: 2, renames: { old_note: 'nope' }, dryRun: true }, /"nope" is not a field of version 2/],
    ['a rename onto a kept field', TYPE, { from: 1, to: 2, renames: { old_note: 'site' }, dryRun: true }, /would overwrite field "site"/],
    ['a default for an unknown field', TYPE, { from: 1, to: 2, defaults: { nope: 1 }, dryRun: true }, /"nope" is not a field of version 2/],
    ['a default the field type cannot read', TYPE, { from: 1, to: 2, defaults: { region: 'west' }, dryRun: true }, /not a valid value of "region"/],
    ['a default the field rules refuse', TYPE, { from: 1, to: 2, defaults: { count: 11 }, dryRun: true }, /not a valid value of "count"/],
    ['an unknown key', TYPE, { from: 1, to: 2, dryRun: true, force: true }, /Unknown key\(s\) force/],
    ['a body that is no object', TYPE, [1, 2], /must be an object/],
  ])('%s: 400 naming it, no job', async (_what, key, body, message) => {
    const jobsBefore = Number((await db()('jobs_jobs').count({ n: '*' }))[0].n);
    const res = await api().post(`/api/ticketing/ticket-types/${key}/migrations`).set(as('admin')).send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(Number((await db()('jobs_jobs').count({ n: '*' }))[0].n)).toBe(jobsBefore);
  });
});

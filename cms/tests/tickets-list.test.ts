import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';
import { bsFaultForm, siteSurveyForm } from './helpers/tickets';

describe('tickets list: filters, sort, pagination, plans', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let token: string;
  const list = (query: string) => request(app.strapi.server.httpServer).get(`/api/ticketing/tickets?${query}`).set('Authorization', `Bearer ${token}`);
  const pcis = (res: request.Response) => res.body.data.map((t: { form: { pci: number } }) => t.form.pci);

  beforeAll(async () => {
    app = await startTestApp();
    token = await userToken(app.strapi, 'publisher');
    const post = (type: string, form: object) =>
      request(app.strapi.server.httpServer).post('/api/ticketing/tickets').set('Authorization', `Bearer ${token}`).send({ data: { type, form } });
    const rows: [number, string, string, string | undefined][] = [
      [100, 'n78', 'critical', '浦东一号站'],
      [200, 'n41', 'major', '浦东二号站'],
      [300, 'n78', 'minor', '徐汇_站'],
      [400, 'n1', 'critical', undefined],
      [500, 'n78', 'major', '静安100%站'],
    ];
    for (const [i, [pci, band, severity, site]] of rows.entries()) {
      const form: Record<string, unknown> = bsFaultForm({ pci, band, severity, site_name: site ?? 'x', occurred_at: `2026-11-0${i + 1} 08:00:00` });
      if (!site) form.reporter_phone = undefined;
      const res = await post('bs-fault', JSON.parse(JSON.stringify(form)));
      expect(res.status).toBe(201);
    }
    expect((await post('site-survey', siteSurveyForm())).status).toBe(201);
  });
  afterAll(async () => app?.stop());

  it('pages newest first with a separate total', async () => {
    const res = await list('type=bs-fault&pageSize=2');
    expect(res.status).toBe(200);
    expect(pcis(res)).toEqual([500, 400]);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 3, total: 5 });
    expect(pcis(await list('type=bs-fault&pageSize=2&page=3'))).toEqual([100]);
    expect((await list('')).body.meta.pagination.total).toBe(6);
    expect((await list('type=site-survey')).body.data[0].type).toBe('site-survey');
  });

  it.each([
    ['filters[form][pci]=300', [300]],
    ['filters[form][pci][$eq]=300', [300]],
    ['filters[form][pci][$ne]=300', [500, 400, 200, 100]],
    ['filters[form][pci][$in][0]=100&filters[form][pci][$in][1]=500', [500, 100]],
    ['filters[form][pci][$in]=100,200', [200, 100]],
    ['filters[form][pci][$lt]=300', [200, 100]],
    ['filters[form][pci][$lte]=300', [300, 200, 100]],
    ['filters[form][pci][$gt]=300', [500, 400]],
    ['filters[form][pci][$gte]=300&filters[form][pci][$lt]=500', [400, 300]],
    ['filters[form][band]=n78', [500, 300, 100]],
    ['filters[form][severity]=紧急', [400, 100]],
    ['filters[form][site_name][$contains]=浦东', [200, 100]],
    ['filters[form][site_name][$contains]=100%', [500]],
    ['filters[form][site_name][$contains]=_', [300]],
    ['filters[form][reporter_phone][$null]=true', [400]],
    ['filters[form][reporter_phone][$null]=false', [500, 300, 200, 100]],
    ['filters[form][occurred_at][$gte]=2026-11-04', [500, 400]],
    ['filters[form][occurred_at][$lt]=2026/11/02 12:00', [200, 100]],
    ['filters[form][longitude][$gt]=121.4&filters[form][pci][$lte]=200', [200, 100]],
  ])('type=bs-fault&%s', async (query, expected) => {
    const res = await list(`type=bs-fault&${query}`);
    expect(res.status).toBe(200);
    expect(pcis(res)).toEqual(expected);
    expect(res.body.meta.pagination.total).toBe(expected.length);
  });

  it('sorts by a form field or a timestamp', async () => {
    expect(pcis(await list('type=bs-fault&sort=pci:asc'))).toEqual([100, 200, 300, 400, 500]);
    expect(pcis(await list('type=bs-fault&sort=occurred_at:desc'))).toEqual([500, 400, 300, 200, 100]);
    expect(pcis(await list('type=bs-fault&sort=created_at:asc'))).toEqual([100, 200, 300, 400, 500]);
    expect(pcis(await list('type=bs-fault&status=draft&sort=updated_at:desc'))).toEqual([500, 400, 300, 200, 100]);
    expect((await list('type=bs-fault&status=closed')).body.data).toEqual([]);
  });

  it.each([
    ['pageSize=10000', /pageSize/],
    ['pageSize=0', /pageSize/],
    ['page=-1', /page/],
    ['type=nope', /nope/],
    ['status=lost', /lost/],
    ['filters[form][pci]=1', /needs type/],
    ['type=bs-fault&filters[form][colour]=red', /colour/],
    ['type=bs-fault&filters[form][pci][$regex]=1', /\$regex/],
    ['type=bs-fault&filters[form][pci][$contains]=1', /\$contains does not apply/],
    ['type=bs-fault&filters[form][pci]=abc', /pci/],
    ['type=bs-fault&filters[form][pci]=1 OR 1=1', /pci/],
    ['type=bs-fault&filters[form][severity]=panic', /severity/],
    ['type=bs-fault&filters[form][pci][$null]=maybe', /\$null/],
    ["type=bs-fault&filters[form][pci'); DROP TABLE ticketing_tickets; --]=1", /Unknown form field/],
    ["type=bs-fault&filters[form][pci][$eq'; DROP TABLE x; --]=1", /Unknown operator/],
    ["type=bs-fault&filters[form][site_name->>'x']=1", /Unknown form field/],
    ['type=bs-fault&filters[state]=draft', /Unknown filter/],
    ['type=bs-fault&sort=pci:sideways', /direction/],
    ["import=x'%20OR%201=1", /import/],
    ['type=bs-fault&sort=form_data', /Cannot sort/],
    ['type=bs-fault&filters[form][pci][$in]=', /pci/],
  ])('400 for %s', async (query, message) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('reports a total above the count limit as a lower bound', async () => {
    const tickets = app.strapi.plugin('ticketing').service('tickets');
    const config = app.strapi.config.get('plugin::ticketing') as { countLimit: number };
    const saved = config.countLimit;
    config.countLimit = 3;
    try {
      const capped = await tickets.list({ type: 'bs-fault', pageSize: '2' }, { kind: 'system', role: null });
      expect(capped.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3, totalIsLowerBound: true });
      const exact = await tickets.list({ type: 'bs-fault', filters: { form: { pci: { $lte: '200' } } } }, { kind: 'system', role: null });
      expect(exact.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
    } finally {
      config.countLimit = saved;
    }
  });

  it('treats hostile text as a plain value', async () => {
    const res = await list(`type=bs-fault&filters[form][site_name][$contains]=${encodeURIComponent("'; DROP TABLE ticketing_tickets; --")}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect((await list('type=bs-fault')).body.meta.pagination.total).toBe(5);
  });

  it('answers a form-field filter on 50,000 tickets from an index', async () => {
    const db = app.strapi.db.connection;
    await db.raw(`
      INSERT INTO ticketing_tickets (document_id, type_key, type_version, state, form_data, version, created_at, updated_at, published_at)
      SELECT 'bulk' || lpad(i::text, 20, '0'), 'bs-fault', 1, 'draft',
             jsonb_build_object('pci', i % 1008, 'site_name', '站点' || i, 'severity', (ARRAY['critical','major','minor'])[1 + i % 3],
                                'occurred_at', to_char(timestamp '2026-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS') || '+08:00'),
             1, now() - i * interval '1 second', now(), now()
      FROM generate_series(1, 50000) AS i`);
    await db.raw('ANALYZE ticketing_tickets');
    await app.strapi.plugin('ticketing').service('field-statistics').refresh();
    const tickets = app.strapi.plugin('ticketing').service('tickets');
    const plan = async (query: Record<string, unknown>) => {
      const { rows, count } = await tickets.listQueries(query);
      const explain = async (builder: { toSQL(): { toNative(): { sql: string; bindings: unknown[] } } }) => {
        const { sql, bindings } = builder.toSQL().toNative();
        const result = await db.raw(`EXPLAIN (FORMAT JSON) ${sql.replace(/\$(\d+)/g, '?')}`, bindings);
        return JSON.stringify(result.rows[0]['QUERY PLAN']);
      };
      return { page: await explain(rows), count: await explain(count) };
    };
    const pci = await plan({ type: 'bs-fault', filters: { form: { pci: { $eq: '387' } } } });
    expect(pci.page).toMatch(/"Index Name":"tkt_bs_fault_pci"/);
    expect(pci.page).not.toMatch(/"Node Type":"Seq Scan"/);
    expect(pci.count).toMatch(/"Index Name":"tkt_bs_fault_pci"/);
    const range = await plan({ type: 'bs-fault', filters: { form: { occurred_at: { $gte: '2026-01-20', $lt: '2026-01-21' } } } });
    expect(range.page).toMatch(/"Index Name":"tkt_bs_fault_occurred_at"/);
    // enum and number expressions carry statistics: the planner knows a third match, and the
    // capped count stops early instead of bitmap-scanning every match
    const broad = await plan({ type: 'bs-fault', filters: { form: { severity: { $eq: 'critical' } } } });
    const estimates = [...broad.count.matchAll(/"Plan Rows":(\d+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...estimates)).toBeGreaterThan(10_000);
    expect(broad.count).not.toMatch(/Bitmap Index Scan/);
    const sorted = await plan({ type: 'bs-fault', sort: 'pci:asc' });
    expect(sorted.page).toMatch(/"Index Name":"tkt_bs_fault_pci"/);
    // a filter on a field of many values (pci: 1,008) runs as a prepared statement, whose generic
    // plan (one for every value) must use the field's index as the plan for one value does;
    // a field of three values (severity) keeps a plan per value
    type Built = { toSQL(): { options?: { name?: string }; toNative(): { sql: string; bindings: unknown[] } } };
    const pciQuery = { type: 'bs-fault', filters: { form: { pci: { $eq: '387' } } } };
    const named = async (query: Record<string, unknown>) => {
      const { rows, count } = (await tickets.listQueries(query)) as { rows: Built; count: Built };
      return [rows.toSQL().options?.name, count.toSQL().options?.name];
    };
    expect((await named(pciQuery)).every((name) => typeof name === 'string')).toBe(true);
    expect(await named({ type: 'bs-fault', filters: { form: { severity: { $eq: 'critical' } } } })).toEqual([undefined, undefined]);
    expect(await named({ ...pciQuery, status: 'draft' })).toEqual([undefined, undefined]);
    const genericPlan = async (query: Record<string, unknown>) => {
      const { rows, count } = (await tickets.listQueries(query)) as { rows: Built; count: Built };
      return db.transaction(async (trx) => {
        await trx.raw('SET LOCAL plan_cache_mode = force_generic_plan');
        const explain = async (name: string, builder: Built) => {
          const { sql, bindings } = builder.toSQL().toNative();
          await trx.raw(`PREPARE ${name} AS ${sql}`);
          // EXECUTE's arguments are literals (parameters of the EXPLAIN itself are refused there)
          const args = bindings.length ? `(${bindings.map((b) => trx.raw('?', [b as string]).toQuery()).join(', ')})` : '';
          const result = await trx.raw(`EXPLAIN (FORMAT JSON) EXECUTE ${name}${args}`);
          await trx.raw(`DEALLOCATE ${name}`);
          return JSON.stringify(result.rows[0]['QUERY PLAN']);
        };
        return { page: await explain('page_plan', rows), count: await explain('count_plan', count) };
      });
    };
    const generic = await genericPlan(pciQuery);
    expect(generic.page).toMatch(/"Index Name":"tkt_bs_fault_pci"/);
    expect(generic.count).toMatch(/"Index Name":"tkt_bs_fault_pci"/);
    const newest = await genericPlan({ type: 'bs-fault' });
    expect(newest.page).toMatch(/"Index Name":"tkt_(type_)?created"/);
    expect(newest.page).not.toMatch(/"Node Type":"(Sort|Seq Scan)"/);
    // past PostgreSQL's five plans per value, whatever it keeps answers every value right
    for (let i = 0; i < 8; i++) {
      const value = [387, 5][i % 2];
      const res = await list(`type=bs-fault&filters[form][pci]=${value}&pageSize=5`);
      expect(res.body.meta.pagination.total).toBe(Math.floor((50000 - value) / 1008) + 1);
      expect(res.body.data.every((t: { form: { pci: number } }) => t.form.pci === value)).toBe(true);
    }
    const res = await list('type=bs-fault&filters[form][pci]=387&pageSize=5');
    expect(res.body.meta.pagination.total).toBe(Math.floor((50000 - 387) / 1008) + 1);
  });
});

/**
 * The writing floor: the same rows as ready-made ticket rows and audit rows, sent with
 * PostgreSQL COPY (pg-copy-streams) in 10,000-row chunks into the real tables with their
 * indexes — no reading, no checking. Prints one JSON line: rows, seconds, peak RSS (MB).
 * argv: databaseUrl rows
 */
const { randomBytes } = require('node:crypto');
const { pipeline } = require('node:stream/promises');
const { Readable } = require('node:stream');
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');

const CHUNK = 10_000;
const text = (v) => (v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
const line = (values) => `${values.map(text).join('\t')}\n`;

function form(i) {
  return {
    site_name: `浦东张江基站${String(i).padStart(6, '0')}`,
    gnb_id: 100000 + i,
    pci: i % 1008,
    nr_arfcn: 630000 + (i % 1000),
    band: 'n78',
    fault_type: 'cell_down',
    severity: ['critical', 'major', 'minor'][i % 3],
    occurred_at: '2026-11-30T08:15:00+08:00',
    longitude: 121.5,
    latitude: 31.2,
    reporter_phone: '13800138000',
  };
}

(async () => {
  const [url, count] = [process.argv[2], Number(process.argv[3])];
  const client = new Client({ connectionString: url });
  await client.connect();
  const now = new Date().toISOString();
  const started = process.hrtime.bigint();
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const tickets = [];
    const audits = [];
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const id = randomBytes(12).toString('hex');
      const f = form(i);
      tickets.push(line([id, 'bs-fault', 1, 'draft', JSON.stringify(f), 1, now, now, now, 'copy-floor', i]));
      const diff = Object.fromEntries(Object.entries(f).map(([key, value]) => [key, [null, value]]));
      audits.push(line([randomBytes(12).toString('hex'), 'ticket', id, 'import', 'system', null, null, JSON.stringify(diff), JSON.stringify({ job: 'copy-floor', row: i }), now, now, now]));
    }
    await client.query('BEGIN');
    await pipeline(
      Readable.from(tickets),
      client.query(copyFrom('COPY ticketing_tickets (document_id, type_key, type_version, state, form_data, version, created_at, updated_at, published_at, import_job, import_row) FROM STDIN')),
    );
    await pipeline(
      Readable.from(audits),
      client.query(copyFrom('COPY ticketing_audit_logs (document_id, entity_kind, entity_id, action, actor_kind, actor_id, actor_name, diff, meta, created_at, updated_at, published_at) FROM STDIN')),
    );
    await client.query('COMMIT');
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.end();
  console.log(JSON.stringify({ rows: count, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
})();

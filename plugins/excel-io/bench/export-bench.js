#!/usr/bin/env node
/**
 * `npm run bench:export -w strapi-plugin-excel-io [-- --rows 100000 --rounds 3]` (also the
 * second half of `npm run bench`)
 *
 * Seeds demo tickets until `--rows` of them are bs-fault, and prints side by side, per round:
 *  - floor:  exceljs' streaming WorkbookWriter (and a plain CSV write) of the same rows already
 *            in memory, in a child process (export-floor.js) — no database, no formatting;
 *  - export: our export end to end — POST-equivalent start in this process, the job run by a
 *            fresh `npm run worker` process (cursor, formatting, writing, storing) — timed from
 *            the request to the job's success; peak RSS is the worker's;
 *  - word:   a Word report of 50 tickets with 2 photos each (2400×1800 JPEGs), end to end.
 * Needs the built CMS (`npm run build:server`), PostgreSQL and Redis. Uses a database of its
 * own, dropped at the end; files go to a temporary local folder (no S3 needed).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { recordHeadlines } = require('../../../bench/headlines');
const { Client } = require('pg');
const { cmsDir, startWorker, rssMb } = require('./worker-process');
const sharp = require('sharp');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = arg('rows', 100_000);
const ROUNDS = arg('rounds', 3);
const WORD_TICKETS = 50;
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs, digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
const fmt = (n) => Math.round(n).toLocaleString('en');

/** A noisy photo-sized JPEG (noise compresses like a real scene does). */
async function photo(seed) {
  const width = 2400;
  const height = 1800;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + seed * 104729) % 251;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-bench-'));
  const dbName = `export_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const secret = () => randomBytes(16).toString('base64');
  const env = {
    ...process.env,
    ENV_PATH: '/dev/null',
    NODE_ENV: 'production',
    // a local run: /metrics may be open (production refuses to start so otherwise)
    METRICS_PUBLIC: 'true',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: `bench:${process.pid}:`,
    LOG_LEVEL: 'warn',
    STRAPI_TELEMETRY_DISABLED: 'true',
    UPLOADS_DIR: path.join(dir, 'uploads'),
    S3_ENDPOINT: '',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    JWT_SECRET: secret(),
    EXPORT_WORD_LIMIT: String(WORD_TICKETS),
  };
  await admin(`CREATE DATABASE "${dbName}"`);
  Object.assign(process.env, { ...env, WORKERS: 'off' });
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist'), autoReload: false, serveAdminPanel: false });
  await app.load();
  const results = { floorXlsx: [], floorCsv: [], xlsx: [], csv: [], word: [] };
  const actor = { kind: 'system', id: null, name: 'bench', role: 'admin', userId: null };
  try {
    const db = app.db.connection;
    const bsFault = async () => Number((await db('ticketing_tickets').where({ type_key: 'bs-fault' }).count({ n: '*' }))[0].n);
    console.log(`seeding demo tickets until ${fmt(ROWS)} are bs-fault…`);
    // about 3 in 4 demo tickets are bs-fault
    while ((await bsFault()) < ROWS) await app.plugin('ticketing').service('demo').tickets(Math.max(5000, Math.ceil((ROWS - (await bsFault())) / 0.74)), { seed: Date.now() % 100000 });
    const surplus = (await bsFault()) - ROWS;
    if (surplus > 0) await db.raw(`DELETE FROM ticketing_tickets WHERE id IN (SELECT id FROM ticketing_tickets WHERE type_key = 'bs-fault' ORDER BY id DESC LIMIT ${surplus})`);
    console.log(`${fmt(await bsFault())} bs-fault tickets; Word tickets with 2 photos each…`);

    const ctx = { actor, locale: 'zh-CN' };
    const photos = [await photo(1), await photo(2)];
    for (let i = 0; i < WORD_TICKETS; i++) {
      const ticket = await app.plugin('ticketing').service('tickets').create(
        { type: 'site-survey', form: { site_name: `BENCHWORD${i}`, address: '上海市浦东新区张江路1号', longitude: 121.5, latitude: 31.2, tower_height: 35, antenna_count: 6, power_supply: 'grid', survey_date: '2026-11-30', surveyor: '王工' } },
        ctx,
      );
      await app.plugin('ticketing').service('photos').upload(ticket.documentId, photos.map((bytes, k) => ({ name: `site-${k + 1}.jpg`, bytes })), ctx);
    }

    // as a database that has been in use is: hint bits and the visibility map set, statistics current
    await db.raw('VACUUM (ANALYZE) ticketing_tickets');

    // the floor's rows: the same tickets' values, in memory (numbers, texts, dates)
    const rowsFile = path.join(dir, 'rows.json');
    const stored = await db('ticketing_tickets').where({ type_key: 'bs-fault' }).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).select('document_id', 'state', 'form_data', 'created_at', 'updated_at');
    // the type's fields in its order, as the export's default columns are
    const keys = (await app.plugin('ticketing').service('ticket-types').definition('bs-fault')).fields.map((f) => f.key);
    const rows = stored.map((r) => {
      const form = typeof r.form_data === 'string' ? JSON.parse(r.form_data) : r.form_data;
      return [...keys.map((k) => (k === 'occurred_at' && form[k] ? new Date(form[k]).toISOString() : form[k] ?? null)), r.document_id, r.state, 'seed:demo', r.created_at.toISOString(), r.updated_at.toISOString()];
    });
    fs.writeFileSync(rowsFile, JSON.stringify({ headers: [...keys, 'id', 'status', 'creator', 'createdAt', 'updatedAt'], rows }));
    stored.length = 0;
    rows.length = 0;

    // the files the step before wrote (15–25 MB) are flushed first, not written back during the next timed step
    const settle = () => execFileSync('sync');
    const run = async (data) => {
      const worker = await startWorker({ ...env, WORKERS: 'inline' });
      const idleRssMb = rssMb(worker.pid, 'VmRSS');
      try {
        settle();
        const started = process.hrtime.bigint();
        const job = await app.plugin('excel-io').service('exports').start(data, actor, 'zh-CN');
        let record;
        for (;;) {
          record = await app.plugin('jobs').service('jobs').findOne(job.documentId, actor);
          if (['succeeded', 'failed', 'cancelled'].includes(record.status)) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (record.status !== 'succeeded') throw new Error(`export ${record.status}: ${record.error}`);
        return { rows: record.result.rows, seconds, bytes: record.result.bytes, peakRssMb: rssMb(worker.pid), idleRssMb };
      } finally {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.kill(process.env.BENCH_PROFILE_DIR ? 'SIGTERM' : 'SIGKILL');
        await exited;
      }
    };
    const floor = (format) => {
      settle();
      return JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'export-floor.js'), rowsFile, format, path.join(dir, `floor.${format}`)], { maxBuffer: 1 << 24 }).toString().trim().split('\n').pop());
    };

    for (let round = 1; round <= ROUNDS; round++) {
      results.floorXlsx.push(floor('xlsx'));
      results.floorCsv.push(floor('csv'));
      results.xlsx.push(await run({ ticketType: 'bs-fault', format: 'xlsx' }));
      results.csv.push(await run({ ticketType: 'bs-fault', format: 'csv' }));
      results.word.push(await run({ ticketType: 'site-survey', format: 'docx', filters: { form: { site_name: { $contains: 'BENCHWORD' } } } }));
      const last = (k) => results[k][results[k].length - 1];
      const rate = (r) => fmt(r.rows / r.seconds);
      console.log(
        `round ${round}: floor xlsx ${rate(last('floorXlsx'))} rows/s, csv ${rate(last('floorCsv'))} rows/s | ` +
          `export xlsx ${rate(last('xlsx'))} rows/s (${Math.round(last('xlsx').peakRssMb)} MB), csv ${rate(last('csv'))} rows/s (${Math.round(last('csv').peakRssMb)} MB) | ` +
          `word ${last('word').rows}×2 ${last('word').seconds.toFixed(1)} s (${Math.round(last('word').peakRssMb)} MB)`,
      );
    }
  } finally {
    await app.destroy();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${fmt(ROWS)} bs-fault rows, ${ROUNDS} rounds: median (range)`);
  console.log('| what | rows/s | seconds | peak RSS MB | of which the booted worker before the job | bytes |');
  console.log('|---|---|---|---|---|---|');
  const line = (label, list) => {
    const rates = list.map((r) => r.rows / r.seconds);
    const secs = list.map((r) => r.seconds);
    const rss = list.map((r) => r.peakRssMb);
    const idle = list.map((r) => r.idleRssMb ?? 0);
    console.log(
      `| ${label} | ${fmt(median(rates))} (${spread(rates)}) | ${median(secs).toFixed(1)} (${spread(secs, 1)}) | ${Math.round(median(rss))} (${spread(rss)}) | ${list[0].idleRssMb === undefined ? '—' : Math.round(median(idle))} | ${fmt(median(list.map((r) => r.bytes)))} |`,
    );
  };
  line('exceljs streaming write from memory (floor)', results.floorXlsx);
  line('our xlsx export end to end (worker)', results.xlsx);
  line('plain CSV write from memory (floor)', results.floorCsv);
  line('our CSV export end to end (worker)', results.csv);
  line(`Word report, ${WORD_TICKETS} tickets × 2 photos (worker)`, results.word);
  const rates = (list) => list.map((r) => r.rows / r.seconds);
  recordHeadlines([
    { area: 'Export', what: `xlsx rows/s, ${fmt(ROWS)} rows`, unit: 'rows/s', ours: rates(results.xlsx), baseline: rates(results.floorXlsx), baselineName: 'exceljs streaming write from memory alone', better: 'higher', goal: '15,000 rows/s' },
    { area: 'Export', what: `CSV rows/s, ${fmt(ROWS)} rows`, unit: 'rows/s', ours: rates(results.csv), baseline: rates(results.floorCsv), baselineName: 'plain CSV write from memory alone', better: 'higher', goal: '40,000 rows/s' },
  ]);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

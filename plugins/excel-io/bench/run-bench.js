#!/usr/bin/env node
/**
 * `npm run bench -w strapi-plugin-excel-io [-- --rows 100000 --rounds 3]`
 *
 * Generates a bs-fault workbook (~2 % bad rows) and prints, side by side, per round:
 *  - read:   exceljs' streaming WorkbookReader over the file alone (a child process);
 *  - copy:   PostgreSQL COPY of the same number of ticket + audit rows into the real tables alone;
 *  - import: our import end to end — the upload planned and stored by a CMS, the job run by a
 *            `npm run worker` process (reading, checking and inserting, with audit) — timed
 *            from the request to the job's success; peak RSS is the worker's.
 * Needs the built CMS (`npm run build:server`), PostgreSQL and Redis. Uses a database of its
 * own, dropped at the end; files go to a temporary local folder (no S3 needed).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');
const { cmsDir, startWorker, rssMb } = require('./worker-process');
const { writeBsFaultWorkbook } = require('./bs-fault-workbook');
const { recordHeadlines } = require('../../../bench/headlines');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = arg('rows', 100_000);
const ROUNDS = arg('rounds', 3);
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

/** Runs a node script to its end and returns the JSON line it prints. */
function runJson(script, argv, env = process.env) {
  const out = execFileSync(process.execPath, [path.join(__dirname, script), ...argv], { env, maxBuffer: 1 << 24 }).toString();
  return JSON.parse(out.trim().split('\n').pop());
}


const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.round(Math.min(...xs)).toLocaleString('en')}–${Math.round(Math.max(...xs)).toLocaleString('en')}`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'excel-bench-'));
  const file = path.join(dir, 'bs-fault.xlsx');
  const dbName = `excel_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
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
    IMPORT_MAX_BYTES: String(200 * 1024 * 1024),
  };
  console.log(`generating ${ROWS.toLocaleString('en')} bs-fault rows…`);
  const generated = await writeBsFaultWorkbook(file, ROWS);
  console.log(`${path.basename(file)}: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${generated.bad} bad rows (${((generated.bad / ROWS) * 100).toFixed(1)} %)`);
  await admin(`CREATE DATABASE "${dbName}"`);
  Object.assign(process.env, { ...env, WORKERS: 'off' });
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist'), autoReload: false, serveAdminPanel: false });
  await app.load();
  const results = { read: [], copy: [], import: [] };
  try {
    const db = app.db.connection;
    const clean = async () => {
      await db.raw('TRUNCATE ticketing_tickets, ticketing_audit_logs, excel_io_import_rows');
      await db.raw('VACUUM ANALYZE ticketing_tickets');
    };
    const actor = { kind: 'system', id: null, name: 'bench', role: 'admin', userId: null };
    for (let round = 1; round <= ROUNDS; round++) {
      const read = runJson('read-floor.js', [file]);
      results.read.push({ rowsPerSecond: read.rows / read.seconds, peakRssMb: read.peakRssMb });
      await clean();
      const copy = runJson('copy-floor.js', [env.DATABASE_URL, String(ROWS)], env);
      results.copy.push({ rowsPerSecond: copy.rows / copy.seconds, peakRssMb: copy.peakRssMb });
      await clean();
      const worker = await startWorker({ ...env, WORKERS: 'inline' });
      // what the worker holds before the import: Strapi with every plugin loaded
      const idleRssMb = rssMb(worker.pid, 'VmRSS');
      try {
        const started = process.hrtime.bigint();
        const upload = { filepath: file, originalFilename: 'bs-fault.xlsx', size: fs.statSync(file).size };
        const job = await app.plugin('excel-io').service('imports').start(upload, { ticketType: 'bs-fault' }, actor);
        let record;
        for (;;) {
          record = await app.plugin('jobs').service('jobs').findOne(job.documentId, actor);
          if (['succeeded', 'failed', 'cancelled'].includes(record.status)) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (record.status !== 'succeeded') throw new Error(`import ${record.status}: ${record.error}`);
        const { counts } = record.result;
        if (counts.created !== generated.valid || counts.rejected !== generated.bad) throw new Error(`import counted ${JSON.stringify(counts)}`);
        results.import.push({ rowsPerSecond: ROWS / seconds, peakRssMb: rssMb(worker.pid), idleRssMb });
      } finally {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.kill(process.env.BENCH_PROFILE_DIR ? 'SIGTERM' : 'SIGKILL');
        await exited;
      }
      const last = (k) => results[k][results[k].length - 1];
      console.log(
        `round ${round}: read ${Math.round(last('read').rowsPerSecond)} rows/s (${Math.round(last('read').peakRssMb)} MB) | ` +
          `COPY ${Math.round(last('copy').rowsPerSecond)} rows/s | import ${Math.round(last('import').rowsPerSecond)} rows/s (worker peak ${Math.round(last('import').peakRssMb)} MB, ${Math.round(last('import').idleRssMb)} MB before the job)`,
      );
    }
  } finally {
    await app.destroy();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${ROWS.toLocaleString('en')} rows, ${ROUNDS} rounds: median (range)`);
  console.log('| step | rows/s | peak RSS MB |');
  console.log('|---|---|---|');
  for (const [name, label] of [['read', 'exceljs streaming read alone'], ['copy', 'PostgreSQL COPY alone (tickets + audit)'], ['import', 'our import end to end (worker)']]) {
    const rates = results[name].map((r) => r.rowsPerSecond);
    const rss = results[name].map((r) => r.peakRssMb);
    console.log(`| ${label} | ${Math.round(median(rates)).toLocaleString('en')} (${spread(rates)}) | ${Math.round(median(rss))} (${spread(rss)}) |`);
  }
  const rate = (name) => results[name].map((r) => r.rowsPerSecond);
  const what = `rows/s, ${ROWS.toLocaleString('en')}-row xlsx`;
  recordHeadlines([
    { area: 'Import', what: `${what}, beside COPY alone`, unit: 'rows/s', ours: rate('import'), baseline: rate('copy'), baselineName: 'PostgreSQL COPY of the same rows alone', better: 'higher', goal: '10,000 rows/s' },
    { area: 'Import', what: `${what}, beside reading alone`, unit: 'rows/s', ours: rate('import'), baseline: rate('read'), baselineName: 'exceljs streaming read alone', better: 'higher' },
  ]);
  const idle = results.import.map((r) => r.idleRssMb);
  console.log(`worker RSS before the job (Strapi and its plugins loaded): ${Math.round(median(idle))} MB (${spread(idle)})`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

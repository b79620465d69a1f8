// The rival of the ticket API benchmark: bench/rival-strapi, the bs-fault type written as a
// plain Strapi 5 collection type (real columns, the filtered columns indexed), holding the very
// rows the CMS holds — copied from its database — and asked the same questions.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const { Client } = require('pg');
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');

const appDir = path.resolve(__dirname, '..', '..', '..', 'bench', 'rival-strapi');

const COLUMNS = 'document_id, site_name, gnb_id, pci, nr_arfcn, band, fault_type, severity, occurred_at, longitude, latitude, reporter_phone, description, state, created_at, updated_at, published_at';
// form values as the rival stores them: numbers as numbers, the moment in UTC as Strapi keeps it
const SELECT = `SELECT document_id, form_data->>'site_name', (form_data->>'gnb_id')::bigint, (form_data->>'pci')::int,
  (form_data->>'nr_arfcn')::int, form_data->>'band', form_data->>'fault_type', form_data->>'severity',
  (form_data->>'occurred_at')::timestamptz AT TIME ZONE 'UTC', (form_data->>'longitude')::float8,
  (form_data->>'latitude')::float8, form_data->>'reporter_phone', form_data->>'description', state,
  created_at, updated_at, created_at
  FROM ticketing_tickets WHERE type_key = 'bs-fault'`;

/** Copies the CMS database's bs-fault tickets into the rival's table; resolves to the row count. */
async function copyTickets(fromUrl, toUrl) {
  const source = new Client({ connectionString: fromUrl });
  const target = new Client({ connectionString: toUrl });
  await Promise.all([source.connect(), target.connect()]);
  try {
    await target.query('TRUNCATE bs_faults');
    await pipeline(source.query(copyTo(`COPY (${SELECT}) TO STDOUT`)), target.query(copyFrom(`COPY bs_faults (${COLUMNS}) FROM STDIN`)));
    await target.query('VACUUM (ANALYZE) bs_faults');
    const { rows } = await target.query('SELECT count(*)::int AS n FROM bs_faults');
    return rows[0].n;
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
}

/** Starts the rival on `port` with `env`; resolves to { token, pid, stop } once it listens. */
function startRival(env, port) {
  const child = spawn(process.execPath, [path.join(appDir, 'server.js')], {
    cwd: appDir,
    env: { ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the rival did not start within 60 s')), 60_000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.slice(-2000)}`));
    };
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const token = /api-token: (\S+)/.exec(output)?.[1];
      if (token && /^ready$/m.test(output)) {
        clearTimeout(timer);
        // started: its output and its exit are no longer a failed start
        child.off('exit', exitedEarly);
        child.stdout.removeAllListeners('data');
        child.stderr.removeAllListeners('data');
        child.stdout.resume();
        child.stderr.resume();
        resolve({
          token,
          pid: child.pid,
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    const exitedEarly = (code) => fail(new Error(`the rival exited (${code})`));
    child.once('exit', exitedEarly);
  });
}

module.exports = { copyTickets, startRival };

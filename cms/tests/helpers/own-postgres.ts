import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './strapi-process';

const run = promisify(execFile);
const BIN = '/usr/local/bin';
// PostgreSQL refuses to run as root (CI runs tests as root): there it runs as `postgres`
const asRoot = process.getuid?.() === 0;

async function pg(command: string, args: string[]): Promise<void> {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, command), ...args]] : [path.join(BIN, command), args];
  await run(file, argv, { timeout: 60_000 });
}

/**
 * A PostgreSQL cluster of the test's own (the installed initdb/pg_ctl, trust auth, user
 * `postgres`) on a free port, with its socket in its own folder: a test may stop and start it
 * without touching the machine's server. `database` is created empty.
 */
export async function startOwnPostgres(database = 'ticketing') {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-postgres-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = path.join(dir, 'data');
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const pgCtl = (...args: string[]) => pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), ...args]);
  // fsync off: the cluster is thrown away with the test, and its stops are clean ones
  const start = () => pgCtl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', 'start');
  await start();
  const url = `postgres://postgres@127.0.0.1:${port}`;
  const admin = new Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  return {
    port,
    /** The URL of `database` on this cluster. */
    url: `${url}/${database}`,
    /** Fast shutdown: open sessions are ended (57P01 admin_shutdown), as a restart in production does. */
    stop: () => pgCtl('-m', 'fast', '-w', 'stop'),
    /** Starts it again on the same port and data. */
    start,
    /** The server's log so far, for a failing test's message. */
    log: () => fs.readFileSync(path.join(dir, 'log'), 'utf8'),
    async destroy() {
      await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

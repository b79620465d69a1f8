import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { dropTestDatabase } from './helpers/database';
import { deleteRedisKeys } from './helpers/redis';
import { freePort } from './helpers/strapi-process';
import { openTerminal, runInTerminal, tail, waitForUrl, type TerminalCommand } from './helpers/terminal';

/**
 * The README's Quick start on a fresh clone, in the README's order and as a newcomer types it:
 * `npm start` (installs, writes cms/.env, builds, starts everything), `npm run seed:demo` in a
 * second terminal with nothing exported, then, with the platform stopped (Ctrl-C), `npm test`
 * for a file that starts a child CMS: the cms/.env npm start wrote names an s3rver that no
 * longer runs, and no test may read it. Minutes (a full `npm ci` and builds), not seconds.
 */

const repoRoot = path.resolve(__dirname, '..', '..');
const MINUTE = 60_000;
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** What this test reads of jest's `--json` results. */
interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: { name: string; status: string }[];
}

/** The newcomer's shell: the machine's basics, none of this test run's variables (NODE_ENV=test, NODE_OPTIONS …). */
function userShellEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TMPDIR', 'CI', 'PG_ADMIN_URL', 'REDIS_URL', 'STRAPI_TELEMETRY_DISABLED'];
  // npm's own setting, as in a ~/.npmrc: the install takes what the cache holds without asking the registry
  return { ...Object.fromEntries(keep.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]])), npm_config_prefer_offline: 'true' };
}

let workDir: string;
let clone: string;
let platform: TerminalCommand | undefined;
const databaseName = `ticketing_readme_${process.pid}_${randomBytes(4).toString('hex')}`;
const redisPrefix = `test:readme:${process.pid}:${randomBytes(4).toString('hex')}:`;
/** This machine's own choices (other engineers' platforms and tests share it): ports, a database, a Redis namespace. */
let machineSettings: Record<string, string>;
const log = (name: string) => path.join(workDir, `${name}.log`);

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-quick-start-'));
  clone = path.join(workDir, 'clone');
  execFileSync('git', ['clone', '--quiet', repoRoot, clone]);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${databaseName}`;
  machineSettings = {
    DATABASE_URL: databaseUrl.toString(),
    REDIS_PREFIX: redisPrefix,
    PORT: String(await freePort()),
    OCR_PORT: String(await freePort()),
    PORTAL_PORT: String(await freePort()),
    PORTAL_HOST: '127.0.0.1',
    S3_ENDPOINT: `http://127.0.0.1:${await freePort()}`,
  };
});

afterAll(async () => {
  await platform?.interrupt(30_000);
  await dropTestDatabase(databaseName);
  await deleteRedisKeys(redisPrefix);
  // the clone holds a full install: removing it takes minutes on a busy disk
  await fs.promises.rm(workDir, { recursive: true, force: true });
}, 10 * MINUTE);

describe('README Quick start on a fresh clone', () => {
  it('npm start serves the CMS and the portal on the ports of the environment, over the ones cms/.env names', async () => {
    expect(fs.existsSync(path.join(clone, 'node_modules'))).toBe(false);
    expect(fs.existsSync(path.join(clone, 'cms', '.env'))).toBe(false);
    platform = openTerminal('npm', ['start'], { cwd: clone, env: { ...userShellEnv(), ...machineSettings }, logFile: log('npm-start') });
    const started = platform;
    const waitOptions = { timeoutMs: 30 * MINUTE, alive: started.running, describe: started.output };
    await waitForUrl(`http://127.0.0.1:${machineSettings.PORT}/_ready`, { ...waitOptions, accept: (status) => status === 200 });
    await waitForUrl(`http://127.0.0.1:${machineSettings.PORTAL_PORT}/`, { ...waitOptions, accept: (status) => status === 200 });
    // the portal's /api reaches this CMS: a call without a login is refused by it
    expect((await fetch(`http://127.0.0.1:${machineSettings.PORTAL_PORT}/api/ticketing/me`)).status).toBe(401);

    const envFile = fs.readFileSync(path.join(clone, 'cms', '.env'), 'utf8');
    expect(envFile).toMatch(/^PORT=1337$/m);
    expect(envFile).toMatch(/^JWT_SECRET=\S+$/m);
  }, 35 * MINUTE);

  it('npm run seed:demo in a second terminal, with nothing exported, seeds the running CMS and starts no job workers', async () => {
    expect(platform?.running()).toBe(true);
    // the newcomer keeps this machine's settings in cms/.env (the defaults are taken here by
    // other platforms), so the second terminal needs no exports
    const envFile = path.join(clone, 'cms', '.env');
    const kept = fs.readFileSync(envFile, 'utf8').split('\n').filter((line) => !/^(DATABASE_URL|REDIS_PREFIX|S3_ENDPOINT)=/.test(line));
    const settings = ['DATABASE_URL', 'REDIS_PREFIX', 'S3_ENDPOINT'].map((name) => `${name}=${machineSettings[name]}`);
    fs.writeFileSync(envFile, [...kept, ...settings, ''].join('\n'));

    const seed = await runInTerminal('npm', ['run', 'seed:demo'], { cwd: clone, env: userShellEnv(), logFile: log('seed-demo'), timeoutMs: 10 * MINUTE });
    expect({ code: seed.code, output: tail(seed.output, 40) }).toEqual({ code: 0, output: expect.stringMatching(/users: created/) });
    expect(seed.output).not.toMatch(/workers running|workers will start/);

    // a seeded user signs in through the portal, on the CMS npm start runs
    const portal = `http://127.0.0.1:${machineSettings.PORTAL_PORT}`;
    const login = await fetch(`${portal}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'handler@example.com', password: 'Demo-Passw0rd' }),
    });
    expect(login.status).toBe(200);
    const { jwt } = (await login.json()) as { jwt: string };
    const me = await fetch(`${portal}/api/ticketing/me`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(((await me.json()) as { data: { role: string } }).data.role).toBe('handler');
  }, 12 * MINUTE);

  it('npm test, after npm start was stopped, passes a file that starts a child CMS (cms/.env names a dead s3rver)', async () => {
    await platform?.interrupt(60_000);
    expect(fs.readFileSync(path.join(clone, 'cms', '.env'), 'utf8')).toMatch(/^S3_ENDPOINT=http:\/\/127\.0\.0\.1:\d+$/m);
    const run = await runInTerminal('npm', ['test', '--', 'cms/tests/auth-rate-limit.test.ts'], {
      cwd: clone,
      env: userShellEnv(),
      logFile: log('npm-test'),
      timeoutMs: 20 * MINUTE,
    });
    expect(run.output.trim().split('\n').at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
    // The claim is about the jest file that starts a child CMS. npm test also runs the portal's
    // Vitest suite whatever the file filter; that suite never starts a CMS, and the run of the
    // whole repo counts it already.
    const results = JSON.parse(fs.readFileSync(path.join(clone, '.jest-results.json'), 'utf8')) as JestResults;
    const file = results.testResults.map((r) => ({ file: path.relative(clone, r.name), status: r.status }));
    expect({ file, failed: results.numFailedTests + results.numRuntimeErrorTestSuites, output: tail(run.output, 60) }).toEqual({
      file: [{ file: 'cms/tests/auth-rate-limit.test.ts', status: 'passed' }],
      failed: 0,
      output: expect.any(String),
    });
    expect(results.numPassedTests).toBeGreaterThan(0);
  }, 22 * MINUTE);
});

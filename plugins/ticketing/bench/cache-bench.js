#!/usr/bin/env node
// Ticket-type cache benchmark: the schema endpoint and ticket create, req/s with the per-process
// cache (announced over Redis) and without it (TYPE_CACHE_TTL_MS=0), in alternating rounds on a
// database of its own, each round a fresh `strapi start`.
// Usage: npm run bench:cache -w strapi-plugin-ticketing [-- --rounds 3 --seconds 5 --connections 8]
const { spawn, execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const autocannon = require('autocannon');
const { Client } = require('pg');

const repo = path.resolve(__dirname, '..', '..', '..');
const cms = path.join(repo, 'cms');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const rounds = Number(arg('rounds', '3'));
const seconds = Number(arg('seconds', '5'));
const connections = Number(arg('connections', '8'));
const port = Number(arg('port', '1341'));
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ticketing_cache_bench_${process.pid}`;
const secret = () => randomBytes(16).toString('base64');
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const env = {
  ...process.env,
  ENV_PATH: '/dev/null',
  DATABASE_URL: dbUrl,
  REDIS_PREFIX: `bench:${process.pid}:`,
  LOG_LEVEL: 'warn',
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  ENCRYPTION_KEY: secret(),
  JWT_SECRET: secret(),
  STRAPI_TELEMETRY_DISABLED: 'true',
  METRICS_PUBLIC: 'true',
  WORKERS: 'off',
};

async function admin(sql) {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function startCms(extraEnv) {
  const child = spawn('npx', ['strapi', 'start'], {
    cwd: cms,
    env: { ...env, ...extraEnv, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  };
  for (let i = 0; i < 240; i++) {
    await new Promise((r) => setTimeout(r, 500));
    try {
      if ((await fetch(`http://127.0.0.1:${port}/_ready`)).ok) return stop;
    } catch {
      // not listening yet
    }
  }
  await stop();
  throw new Error('the CMS did not become ready within 120 s');
}

function load(options) {
  return new Promise((resolve, reject) => {
    let failures = 0;
    const instance = autocannon({ connections, duration: seconds, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({ rps: result.requests.average, p95: result.latency.p97_5 ?? result.latency.p99, errors: failures + result.errors + result.timeouts });
    });
    instance.on('response', (_client, status) => {
      if (status >= 400) failures += 1;
    });
  });
}

const form = {
  site_name: '浦东张江基站01',
  gnb_id: 123456,
  pci: 387,
  nr_arfcn: 627264,
  band: 'n78',
  fault_type: 'cell_down',
  severity: 'critical',
  occurred_at: '2026-11-30T08:15:00+08:00',
  longitude: 121.47,
  latitude: 31.23,
  reporter_phone: '13800138000',
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  execFileSync('npm', ['run', 'build:server'], { cwd: repo, stdio: 'ignore' });
  console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)`);
  await admin(`CREATE DATABASE "${dbName}"`);
  const results = [];
  try {
    const seeded = execFileSync('node', [path.join(cms, 'scripts', 'seed-demo.js'), '--api-token', 'bench'], { env: { ...env, NODE_ENV: 'development' }, encoding: 'utf8' });
    const token = /api-token: (\S+)/.exec(seeded)[1];
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const base = `http://127.0.0.1:${port}/api/ticketing`;
    const requests = [
      ['schema', { url: `${base}/ticket-types/bs-fault/schema?locale=zh-CN`, headers }],
      ['create', { url: `${base}/tickets`, method: 'POST', headers, body: JSON.stringify({ data: { type: 'bs-fault', form } }) }],
    ];
    for (let round = 1; round <= rounds; round++) {
      for (const [mode, ttl] of [['cache', undefined], ['no cache', '0']]) {
        const stop = await startCms(ttl === undefined ? {} : { TYPE_CACHE_TTL_MS: ttl });
        try {
          for (const [name, options] of requests) {
            await load({ ...options, duration: 2 }); // warm-up, not measured
            const r = await load(options);
            results.push({ round, mode, name, ...r });
            console.log(`round ${round} ${mode.padEnd(8)} ${name.padEnd(7)} ${r.rps.toFixed(0).padStart(6)} req/s  p97.5 ${r.p95} ms  errors ${r.errors}`);
          }
        } finally {
          await stop();
        }
      }
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('\n| request | mode | req/s median | min–max over rounds | errors |\n|---|---|---|---|---|');
  for (const name of ['schema', 'create']) {
    for (const mode of ['cache', 'no cache']) {
      const rps = results.filter((r) => r.name === name && r.mode === mode).map((r) => r.rps);
      const errors = results.filter((r) => r.name === name && r.mode === mode).reduce((s, r) => s + r.errors, 0);
      console.log(`| ${name} | ${mode} | ${median(rps).toFixed(0)} | ${Math.min(...rps).toFixed(0)}–${Math.max(...rps).toFixed(0)} | ${errors} |`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

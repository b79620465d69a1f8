#!/usr/bin/env node
// Ticket API benchmark: seeds a database of its own with demo tickets, starts the CMS as
// `strapi start` (production), and drives create / get / filtered list with autocannon.
// Usage: npm run bench -w strapi-plugin-ticketing [-- --sizes 100000,1000000 --seconds 10]
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
const { randomBytes } = require('node:crypto');
const autocannon = require('autocannon');
const { Client } = require('pg');

const repo = path.resolve(__dirname, '..', '..', '..');
const cms = path.join(repo, 'cms');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const sizes = arg('sizes', '100000,1000000').split(',').map(Number);
const seconds = Number(arg('seconds', '10'));
const connections = Number(arg('connections', '10'));
const port = Number(arg('port', '1339'));
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ticketing_bench_${process.pid}`;
const secret = () => randomBytes(16).toString('base64');

const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const env = {
  ...process.env,
  // the bench's CMS and seed read no env file: a developer's cms/.env (npm start's s3rver, ports)
  // must not decide where this run's photos go or whether it starts
  ENV_PATH: '/dev/null',
  DATABASE_URL: dbUrl,
  LOG_LEVEL: 'warn',
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  ENCRYPTION_KEY: secret(),
  JWT_SECRET: secret(),
  STRAPI_TELEMETRY_DISABLED: 'true',
  // a local run: /metrics may be open (production refuses to start so otherwise)
  METRICS_PUBLIC: 'true',
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

function seed(args) {
  const out = execFileSync('node', [path.join(cms, 'scripts', 'seed-demo.js'), ...args], { env: { ...env, NODE_ENV: 'development' }, encoding: 'utf8' });
  process.stdout.write(out.split('\n').filter((l) => /^(tickets|users)/.test(l)).map((l) => `  ${l}\n`).join(''));
  return out;
}

async function startCms() {
  try {
    await fetch(`http://127.0.0.1:${port}/_health`);
    throw new Error(`port ${port} is taken: stop what listens there or pass --port`);
  } catch (error) {
    if (String(error.message).startsWith('port ')) throw error;
  }
  // its own process group, so that stopping it stops npx's child (the Strapi server) too
  const child = spawn('npx', ['strapi', 'start'], {
    cwd: cms,
    env: { ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
    detached: true,
  });
  child.stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    try {
      if ((await fetch(`http://127.0.0.1:${port}/_ready`)).ok) return child;
    } catch {
      // not listening yet
    }
  }
  child.stop();
  throw new Error('the CMS did not become ready within 60 s');
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** One autocannon run; latencies are collected per response so p95 can be reported. */
function load(name, options) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let failures = 0;
    const instance = autocannon({ connections, duration: seconds, ...options }, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      resolve({
        name,
        rps: result.requests.average,
        p50: Math.round(percentile(latencies, 50)),
        p95: Math.round(percentile(latencies, 95)),
        p99: Math.round(percentile(latencies, 99)),
        errors: failures + result.errors + result.timeouts,
      });
    });
    instance.on('response', (_client, status, _bytes, time) => {
      latencies.push(time);
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

async function main() {
  if (!fs.existsSync(path.join(cms, 'dist', 'build'))) execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  else execFileSync('npm', ['run', 'build:server'], { cwd: repo, stdio: 'ignore' });
  await admin(`CREATE DATABASE "${dbName}"`);
  const rows = [];
  try {
    const token = /api-token: (\S+)/.exec(seed(['--api-token', 'bench']))[1];
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let seeded = 0;
    for (const size of sizes) {
      console.log(`seeding to ${size} tickets`);
      seed(['--tickets', String(size - seeded)]);
      seeded = size;
      const c = new Client({ connectionString: dbUrl });
      await c.connect();
      await c.query('ANALYZE');
      await c.end();
      const cmsProcess = await startCms();
      try {
        const base = `http://127.0.0.1:${port}/api/ticketing/tickets`;
        const listPath = `${base}?type=bs-fault&filters[form][pci]=387&pageSize=25`;
        const first = await (await fetch(listPath, { headers })).json();
        if (!first.data?.length) throw new Error(`the list answered ${JSON.stringify(first).slice(0, 300)}`);
        const one = first.data[0].documentId;
        for (const [name, options] of [
          ['create', { url: base, method: 'POST', headers, body: JSON.stringify({ data: { type: 'bs-fault', form } }) }],
          ['get', { url: `${base}/${one}`, headers }],
          ['list pci=387 + total', { url: listPath, headers }],
          ['list severity=critical, newest', { url: `${base}?type=bs-fault&filters[form][severity]=critical&pageSize=25`, headers }],
        ]) {
          // warm-up (JIT, connection pool, caches), not measured
          await load(name, { ...options, duration: 2 });
          const r = await load(name, options);
          rows.push({ tickets: size, ...r });
          console.log(`  ${name.padEnd(32)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  errors ${r.errors}`);
        }
      } finally {
        const exited = new Promise((r) => cmsProcess.once('exit', r));
        cmsProcess.stop();
        await exited;
      }
    }
  } finally {
    if (!process.argv.includes('--keep')) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
  console.log(`\n| tickets | request | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.tickets.toLocaleString('en')} | ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

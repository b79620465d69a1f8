#!/usr/bin/env node
// Ticket API benchmark: seeds a database of its own with demo tickets, starts the CMS as
// `strapi start` (production), and drives create / get / filtered list with autocannon; then
// asks the rival (bench/rival-strapi: bs-fault as a plain Strapi collection type holding the
// same rows) the same questions with the same settings, each server alone on the machine.
// Each server runs as `--processes` processes (default 1; deploy/ runs two per machine);
// the connections are shared out among them, as a load balancer in front of them would.
// Usage: npm run bench -w strapi-plugin-ticketing [-- --sizes 100000,1000000 --seconds 10
//        --processes 2 --no-rival --no-build --json <file>]
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
const { randomBytes } = require('node:crypto');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { copyTickets, startRival } = require('./rival');
const { recordHeadlines } = require('../../../bench/headlines');

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
const processes = Number(arg('processes', '1'));
const withRival = !process.argv.includes('--no-rival');
const jsonPath = arg('json');
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ticketing_bench_${process.pid}`;
const rivalDbName = `ticketing_bench_rival_${process.pid}`;
const secret = () => randomBytes(16).toString('base64');

const urlOf = (name) => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
};
const dbUrl = urlOf(dbName);
const rivalDbUrl = urlOf(rivalDbName);
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

async function listening(at) {
  try {
    await fetch(`http://127.0.0.1:${at}/_health`);
    return true;
  } catch {
    return false;
  }
}

/** One `strapi start` (production) on port `at`; resolves once it is ready. */
async function startCms(at) {
  if (await listening(at)) throw new Error(`port ${at} is taken: stop what listens there or pass --port`);
  // its own process group, so that stopping it stops npx's child (the Strapi server) too
  // strapi's own bin under this node (not npx): the pid is the server's, whose CPU time is read
  const child = spawn(process.execPath, [path.join(repo, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: cms,
    env: { ...env, NODE_ENV: 'production', PORT: String(at), HOST: '127.0.0.1' },
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
      if ((await fetch(`http://127.0.0.1:${at}/_ready`)).ok) return child;
    } catch {
      // not listening yet
    }
  }
  child.stop();
  throw new Error('the CMS did not become ready within 60 s');
}

/** Stops the given processes and waits until each has exited. */
async function stopAll(children) {
  const exited = children.map((child) => new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r())));
  for (const child of children) child.stop();
  await Promise.all(exited);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** CPU time (user + system) a process has used so far, in ms; Linux's /proc, 100 ticks a second. */
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time of every PostgreSQL process on this machine so far, in ms (its backends come and go). */
function postgresCpuMs() {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes('(postgres)')) total += cpuMs(pid);
    } catch {
      // exited while we looked
    }
  }
  return total;
}

/** One autocannon instance against one server; resolves to its result and each response's latency. */
function cannon(options, share) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let failures = 0;
    const instance = autocannon({ ...options, connections: share }, (error, result) => (error ? reject(error) : resolve({ result, latencies, failures })));
    instance.on('response', (_client, status, _bytes, time) => {
      latencies.push(time);
      if (status >= 400) failures += 1;
    });
  });
}

/**
 * One load run: the connections shared out among `origins` (one server process each), all at
 * once; latencies are collected per response so p95 can be reported. With `serverPids`, the
 * servers' CPU time per request too (and PostgreSQL's): unlike req/s it hardly moves with what
 * else the machine is doing, so it shows the per-request work even on a busy machine.
 */
async function load(name, request, origins, serverPids = [], duration = seconds) {
  const cpuBefore = serverPids.map(cpuMs);
  const postgresBefore = postgresCpuMs();
  const runs = await Promise.all(
    origins.map((origin, i) => {
      // 10 connections over 3 servers: 4, 3, 3
      const share = Math.floor(connections / origins.length) + (i < connections % origins.length ? 1 : 0);
      return cannon({ ...request, url: origin + request.path, duration }, share);
    }),
  );
  const total = runs.reduce((sum, r) => sum + r.result.requests.total, 0);
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const serverCpu = serverPids.reduce((sum, pid, i) => sum + cpuMs(pid) - cpuBefore[i], 0);
  return {
    name,
    rps: runs.reduce((sum, r) => sum + r.result.requests.average, 0),
    cpuMsPerRequest: serverPids.length ? serverCpu / total : null,
    postgresCpuMsPerRequest: serverPids.length ? (postgresCpuMs() - postgresBefore) / total : null,
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    errors: runs.reduce((sum, r) => sum + r.failures + r.result.errors + r.result.timeouts, 0),
  };
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

/** Runs each request's load once for warm-up and once measured; prints and returns the rows. */
async function measure(server, tickets, requests, origins, serverPids) {
  const rows = [];
  for (const [name, request] of requests) {
    // warm-up (JIT, connection pool, caches), not measured
    await load(name, request, origins, [], 2);
    const r = { server, tickets, processes: origins.length, ...(await load(name, request, origins, serverPids)) };
    rows.push(r);
    console.log(
      `  ${server.padEnd(6)} ${name.padEnd(32)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  CPU ${r.cpuMsPerRequest?.toFixed(2)} ms/request (PostgreSQL ${r.postgresCpuMsPerRequest?.toFixed(2)})  errors ${r.errors}`,
    );
  }
  return rows;
}

const originsOf = (first) => Array.from({ length: processes }, (_, i) => `http://127.0.0.1:${first + i}`);

async function benchCms(size, headers) {
  const origins = originsOf(port);
  const servers = [];
  try {
    // one after another: each boot syncs the schema, which two at once would race on
    for (let i = 0; i < processes; i++) servers.push(await startCms(port + i));
    const base = '/api/ticketing/tickets';
    const listPath = `${base}?type=bs-fault&filters[form][pci]=387&pageSize=25`;
    const first = await (await fetch(origins[0] + listPath, { headers })).json();
    if (!first.data?.length) throw new Error(`the list answered ${JSON.stringify(first).slice(0, 300)}`);
    return await measure(
      'ours',
      size,
      [
        ['create', { path: base, method: 'POST', headers, body: JSON.stringify({ data: { type: 'bs-fault', form } }) }],
        ['get', { path: `${base}/${first.data[0].documentId}`, headers }],
        ['list pci=387 + total', { path: listPath, headers }],
        ['list severity=critical, newest', { path: `${base}?type=bs-fault&filters[form][severity]=critical&pageSize=25`, headers }],
      ],
      origins,
      servers.map((s) => s.pid),
    );
  } finally {
    await stopAll(servers);
  }
}

async function benchRival(size) {
  const first = port + processes;
  const origins = originsOf(first);
  const rivals = [];
  try {
    for (let i = 0; i < processes; i++) rivals.push(await startRival({ ...env, DATABASE_URL: rivalDbUrl }, first + i));
    const copied = await copyTickets(dbUrl, rivalDbUrl);
    console.log(`  rival holds the same ${copied} bs-fault rows`);
    // every process's token is in the one database: any of them serves every process
    const headers = { authorization: `Bearer ${rivals[0].token}`, 'content-type': 'application/json' };
    const base = '/api/bs-faults';
    const listPath = `${base}?filters[pci][$eq]=387&pagination[pageSize]=25&sort=createdAt:desc`;
    const listed = await (await fetch(origins[0] + listPath, { headers })).json();
    if (!listed.data?.length) throw new Error(`the rival's list answered ${JSON.stringify(listed).slice(0, 300)}`);
    return await measure(
      'rival',
      size,
      [
        ['create', { path: base, method: 'POST', headers, body: JSON.stringify({ data: form }) }],
        ['get', { path: `${base}/${listed.data[0].documentId}`, headers }],
        ['list pci=387 + total', { path: listPath, headers }],
        ['list severity=critical, newest', { path: `${base}?filters[severity][$eq]=critical&pagination[pageSize]=25&sort=createdAt:desc`, headers }],
      ],
      origins,
      rivals.map((r) => r.pid),
    );
  } finally {
    await Promise.all(rivals.map((r) => r.stop()));
  }
}

const cpu = (r) => (r.cpuMsPerRequest === null ? '—' : r.cpuMsPerRequest.toFixed(2));
const pgCpu = (r) => (r.postgresCpuMsPerRequest === null ? '—' : r.postgresCpuMsPerRequest.toFixed(2));
const ratio = (ours, rival) => (rival ? ours / rival : null);

/** Our figure beside the rival's for each size and request. */
function compare(rows) {
  const pairs = [];
  for (const r of rows.filter((x) => x.server === 'ours')) {
    const rival = rows.find((x) => x.server === 'rival' && x.tickets === r.tickets && x.name === r.name);
    pairs.push({ tickets: r.tickets, name: r.name, ours: r, rival: rival ?? null, rpsRatio: rival ? ratio(r.rps, rival.rps) : null });
  }
  return pairs;
}

async function main() {
  // --no-build: the caller built already (the root bench builds once for every package)
  if (!process.argv.includes('--no-build')) {
    if (!fs.existsSync(path.join(cms, 'dist', 'build'))) execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
    else execFileSync('npm', ['run', 'build:server'], { cwd: repo, stdio: 'ignore' });
  }
  await admin(`CREATE DATABASE "${dbName}"`);
  if (withRival) await admin(`CREATE DATABASE "${rivalDbName}"`);
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
      // as the rival's copy is (and autovacuum would be by then): index-only scans need the visibility map
      await c.query('VACUUM (ANALYZE)');
      await c.end();
      rows.push(...(await benchCms(size, headers)));
      // the rival runs after the CMS has stopped: each server alone on the machine
      if (withRival) rows.push(...(await benchRival(size)));
    }
  } finally {
    if (!process.argv.includes('--keep')) {
      await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin(`DROP DATABASE IF EXISTS "${rivalDbName}" WITH (FORCE)`);
    }
  }
  const pairs = compare(rows);
  console.log(`\n${processes} process${processes === 1 ? '' : 'es'} per server, ${connections} connections shared among them, ${seconds} s per request`);
  console.log(`\n| tickets | request | ours req/s | rival req/s | ratio | ours p95 ms | rival p95 ms | server CPU ms/request (ours/rival) | PostgreSQL CPU ms/request (ours/rival) | errors (ours/rival) |\n|---|---|---|---|---|---|---|---|---|---|`);
  for (const p of pairs) {
    const rv = p.rival;
    console.log(
      `| ${p.tickets.toLocaleString('en')} | ${p.name} | ${p.ours.rps.toFixed(0)} | ${rv ? rv.rps.toFixed(0) : '—'} | ${p.rpsRatio ? `${p.rpsRatio.toFixed(2)}×` : '—'} | ${p.ours.p95} | ${rv ? rv.p95 : '—'} | ${cpu(p.ours)}/${rv ? cpu(rv) : '—'} | ${pgCpu(p.ours)}/${rv ? pgCpu(rv) : '—'} | ${p.ours.errors}/${rv ? rv.errors : '—'} |`,
    );
  }
  if (jsonPath) fs.writeFileSync(jsonPath, JSON.stringify({ connections, seconds, processes, pairs }, null, 2));
  const baselineName = `the same type as a plain Strapi collection type, ${processes} process${processes === 1 ? '' : 'es'} as ours`;
  recordHeadlines(
    pairs
      .filter((p) => p.rival)
      .flatMap((p) => [
        { area: 'API', what: `${p.name}, ${p.tickets.toLocaleString('en')} tickets, req/s at ${connections} connections`, unit: 'req/s', ours: [p.ours.rps], baseline: [p.rival.rps], baselineName, better: 'higher', goal: p.name === 'create' ? '≥ 1×' : p.name.startsWith('list pci') && p.tickets >= 1e6 ? '≥ 3×' : undefined },
        ...(p.ours.cpuMsPerRequest !== null && p.rival.cpuMsPerRequest !== null
          ? [{ area: 'API', what: `${p.name}, ${p.tickets.toLocaleString('en')} tickets, server CPU per request`, unit: 'ms', ours: [p.ours.cpuMsPerRequest], baseline: [p.rival.cpuMsPerRequest], baselineName, better: 'lower' }]
          : []),
        ...(p.name.startsWith('list pci') ? [{ area: 'API', what: `${p.name}, ${p.tickets.toLocaleString('en')} tickets, p95`, unit: 'ms', ours: [p.ours.p95], baseline: [p.rival.p95], baselineName, better: 'lower', goal: p.tickets >= 1e6 ? 'ours ≤ 30 ms' : undefined }] : []),
      ]),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

#!/usr/bin/env node
// `npm run bench` at the root: every package's benchmark, one after another (each alone on the
// machine), then docs/benchmarks.md — the headline ratios first (ours ÷ the baseline measured
// in the same run), the machine and its load, then each benchmark's own tables.
// `npm run bench -- --quick` runs small sizes to check the command, not to quote; `--no-build`
// skips the build when the caller has just built.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ratioCells, machineLines, tablesOf } = require('./report');

const repo = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const output = path.join(repo, quick ? 'docs/benchmarks-quick.md' : 'docs/benchmarks.md');
const headlinesFile = path.join(os.tmpdir(), `bench-headlines-${process.pid}.jsonl`);

/** Each benchmark: its title, the command (run from the repo root) and why it is there. */
const BENCHES = [
  {
    title: 'Ticket API beside the same type as a plain Strapi collection type',
    argv: ['node', 'plugins/ticketing/bench/run-bench.js', '--no-build', ...(quick ? ['--sizes', '5000', '--seconds', '3'] : ['--sizes', '100000,1000000', '--seconds', '10'])],
  },
  {
    title: 'Excel import beside exceljs reading and PostgreSQL COPY alone',
    argv: ['node', 'plugins/excel-io/bench/run-bench.js', '--rows', quick ? '5000' : '100000', '--rounds', quick ? '1' : '3'],
  },
  {
    title: 'Excel, CSV and Word export beside exceljs writing alone',
    argv: ['node', 'plugins/excel-io/bench/export-bench.js', '--rows', quick ? '5000' : '100000', '--rounds', quick ? '1' : '3'],
  },
  {
    title: 'OCR service beside @gutenye/ocr-node on the same models',
    argv: ['npm', 'run', 'bench', '-w', 'ocr-service'],
    env: quick ? { OCR_BENCH_ROUNDS: '1' } : {},
  },
  { title: 'OCR field suggestions on the dev photos', argv: ['npm', 'run', 'bench', '-w', 'strapi-plugin-ocr'] },
  { title: 'Form input in the portal (Chromium)', argv: ['npm', 'run', 'bench', '-w', 'portal'] },
  {
    title: 'Soak: steady mixed traffic on two CMS and two worker processes behind nginx',
    argv: ['bash', 'scripts/soak.sh', '--no-build'],
    env: quick ? { SOAK_SECONDS: '60', SOAK_WARM_UP_SECONDS: '20' } : {},
  },
];

function run(argv, env) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: repo, env: { ...process.env, ...env, BENCH_HEADLINES_FILE: headlinesFile } });
    let text = '';
    const keep = (chunk) => {
      text += chunk;
      process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code) => resolve({ code, text }));
  });
}

async function main() {
  const started = new Date();
  // --no-build: the caller built already (the packages' benches all read the built code)
  if (!process.argv.includes('--no-build')) {
    execFileSync('npm', ['run', 'build:server'], { cwd: repo, stdio: 'inherit' });
    execFileSync('npm', ['run', 'build', '-w', 'portal'], { cwd: repo, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  fs.rmSync(headlinesFile, { force: true });
  const sections = [];
  for (const bench of BENCHES) {
    const loadBefore = os.loadavg()[0];
    const began = Date.now();
    console.log(`\n== ${bench.title}: ${bench.argv.join(' ')}`);
    const { code, text } = await run(bench.argv, bench.env ?? {});
    sections.push({ ...bench, code, text, loadBefore, loadAfter: os.loadavg()[0], seconds: (Date.now() - began) / 1000 });
  }
  const headlines = fs.existsSync(headlinesFile)
    ? fs.readFileSync(headlinesFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
    : [];
  fs.rmSync(headlinesFile, { force: true });
  const md = [
    `# Benchmarks${quick ? ' (quick run: small sizes, one round — a check of the command, not figures to quote)' : ''}`,
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${started.toISOString()}. Every figure of ours stands beside its baseline measured in the same run on the same machine, each engine alone; ratios are ours ÷ baseline, per round where there are rounds (median, range in brackets).`,
    '',
    '## Headline ratios',
    '',
    '| area | what | ours | baseline | ours ÷ baseline | better when | goal |',
    '|---|---|---|---|---|---|---|',
    ...headlines.map((h) => `| ${h.area} | ${h.what} | ${ratioCells(h).join(' | ')} | ${h.better} | ${h.goal ?? ''} |`),
    '',
    '## Machine',
    '',
    ...machineLines(repo),
    '',
    ...sections.flatMap((s) => [
      `## ${s.title}`,
      '',
      `\`${s.argv.join(' ')}\` — exit ${s.code}, ${s.seconds.toFixed(0)} s, 1-minute load average ${s.loadBefore.toFixed(2)} before and ${s.loadAfter.toFixed(2)} after.`,
      '',
      ...tablesOf(s.text),
      '',
    ]),
  ].join('\n');
  fs.writeFileSync(output, md);
  console.log(`\nwrote ${path.relative(repo, output)}`);
  process.exitCode = sections.some((s) => s.code !== 0) ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// The pieces of docs/benchmarks.md that are not plain text: ratio cells, the machine, tables.
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const { median } = require('./headlines');

const number = (v, unit) => `${v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(v >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ''}`;
/** `median (min–max)`, or the one value. */
function spread(xs, unit) {
  if (xs.length === 1) return number(xs[0], unit);
  return `${number(median(xs), unit)} (${number(Math.min(...xs))}–${number(Math.max(...xs))})`;
}

/** Ours, the baseline (named) and the ratio, taken round by round when both have rounds. */
function ratioCells(h) {
  const ratios = h.ours.length === h.baseline.length ? h.ours.map((o, i) => o / h.baseline[i]) : [median(h.ours) / median(h.baseline)];
  return [spread(h.ours, h.unit), `${spread(h.baseline, h.unit)} — ${h.baselineName}`, `${spread(ratios)}×`];
}

const safe = (argv) => {
  try {
    return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

function machineLines(repo) {
  return [
    `- CPU: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism()} cores; memory ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    `- Node.js ${process.version}; ${safe(['psql', '--version'])}; ${safe(['redis-server', '--version']).split(' ').slice(0, 3).join(' ')}`,
    `- commit ${safe(['git', '-C', repo, 'rev-parse', '--short', 'HEAD'])}${safe(['git', '-C', repo, 'status', '--porcelain']) ? ' with uncommitted changes' : ''}`,
  ];
}

/** The markdown tables a benchmark printed, each with the line that introduces it. */
function tablesOf(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
    const intro = lines[i - 1]?.trim();
    if (intro) out.push(intro, '');
    while (i < lines.length && lines[i].startsWith('|')) out.push(lines[i++]);
    out.push('');
  }
  return out.length ? out : ['(no table printed: see the command\'s own output)'];
}

module.exports = { ratioCells, machineLines, tablesOf };

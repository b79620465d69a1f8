// Headline figures of one benchmark for the root `npm run bench`: each a figure of ours beside
// its baseline from the same run. A bench run alone (no BENCH_HEADLINES_FILE) records nothing.
const fs = require('node:fs');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Appends one headline per entry, as a JSON line: { area, what, unit, ours: number[],
 * baseline: number[], baselineName, better: 'higher' | 'lower', goal? }. Several numbers are
 * rounds; the ratio is taken round by round so load that comes and goes shows as its spread.
 */
function recordHeadlines(entries) {
  const file = process.env.BENCH_HEADLINES_FILE;
  if (!file) return;
  fs.appendFileSync(file, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
}

module.exports = { recordHeadlines, median };

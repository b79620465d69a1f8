import fs from 'node:fs';
import type { RoundSpeed } from './bench-report';

const baselineName = '@gutenye/ocr-node 1.4.8, same models, alone';

/**
 * The figures the root `npm run bench` puts first in docs/benchmarks.md (JSON lines in
 * BENCH_HEADLINES_FILE, the shape bench/headlines.js documents); nothing when run alone.
 */
export function recordHeadlines(ours: RoundSpeed[], theirs: RoundSpeed[], batch: number): void {
  const file = process.env.BENCH_HEADLINES_FILE;
  if (!file) return;
  const entries = [
    { area: 'OCR', what: 'images/s, 1 per call', unit: 'img/s', ours: ours.map((s) => s.ips1), baseline: theirs.map((s) => s.ips1), baselineName, better: 'higher', goal: '≥ 2×' },
    { area: 'OCR', what: `images/s, ${batch} per call (baseline 1 per call)`, unit: 'img/s', ours: ours.map((s) => s.ips8 ?? 0), baseline: theirs.map((s) => s.ips1), baselineName, better: 'higher' },
    { area: 'OCR', what: 'median ms per photo, 1 per call', unit: 'ms', ours: ours.map((s) => s.medianMs), baseline: theirs.map((s) => s.medianMs), baselineName, better: 'lower', goal: 'ours ≤ 300 ms' },
  ];
  fs.appendFileSync(file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

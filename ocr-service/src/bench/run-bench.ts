import { fork } from 'node:child_process';
import os from 'node:os';
import { benchDir, loadBenchCorpus } from './bench-corpus';
import { measureEngine, type RoundMeasure } from './bench-child';
import { recordHeadlines } from './bench-headlines';
import { printSummary, roundSpeed, scoreAccuracy, type RoundSpeed } from './bench-report';

const BATCH = 8;
type Which = 'ours' | 'theirs';

/** Runs one engine in a fresh child process and waits for it to exit before resolving. */
function runAlone(which: Which, threads: number): Promise<RoundMeasure> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--engine', which, String(threads)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: RoundMeasure | null = null;
    child.on('message', (m) => (result = m as RoundMeasure));
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`${which} bench process exited with ${code}`))));
  });
}

/**
 * Parent: `OCR_BENCH_ROUNDS` rounds (default 3); in each, ours then theirs (the order flips
 * every round), each engine alone in its own process with the same images and thread count.
 * Ratios are taken within a round, so load that comes and goes shows up as their spread.
 */
async function parent(): Promise<void> {
  const dir = benchDir();
  const corpus = loadBenchCorpus(dir);
  const rounds = Number(process.env.OCR_BENCH_ROUNDS || 3);
  const threads = Number(process.env.OCR_INTRA_OP_THREADS || os.availableParallelism());
  const load = () => os.loadavg().map((v) => v.toFixed(2)).join(' ');
  console.log(`corpus: ${dir} (${corpus.length} images); node ${process.version}; ${os.availableParallelism()} cores; ${threads} intra-op threads each; ${rounds} rounds`);
  console.log(`load average before: ${load()}`);
  const speeds: Record<Which, RoundSpeed[]> = { ours: [], theirs: [] };
  const first: Partial<Record<Which, RoundMeasure>> = {};
  const rss: Record<Which, number> = { ours: 0, theirs: 0 };
  for (let r = 0; r < rounds; r++) {
    const order: Which[] = r % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
    for (const which of order) {
      const m = await runAlone(which, threads);
      first[which] ??= m;
      rss[which] = Math.max(rss[which], m.peakRssMb);
      const s = roundSpeed(m);
      speeds[which].push(s);
      const b8 = s.ips8 ? `, ${s.ips8.toFixed(2)} images/s at ${BATCH} per call` : '';
      console.log(`round ${r + 1} ${which}: ${s.ips1.toFixed(2)} images/s at 1 per call${b8}; median ${s.medianMs.toFixed(0)} ms, p95 ${s.p95Ms.toFixed(0)} ms (load ${load()})`);
    }
  }
  console.log(`load average after: ${load()}`);
  const acc = [scoreAccuracy(corpus, first.ours!.lines), scoreAccuracy(corpus, first.theirs!.lines)] as const;
  printSummary([acc[0], acc[1]], speeds.ours, speeds.theirs, [rss.ours, rss.theirs], BATCH);
  recordHeadlines(speeds.ours, speeds.theirs, BATCH);
}

/** Child: measure one engine, hand the figures to the parent, exit. */
async function child(which: Which, threads: number): Promise<void> {
  const m = await measureEngine(which, threads, BATCH);
  await new Promise<void>((resolve) => process.send!(m, () => resolve()));
  process.disconnect();
}

const idx = process.argv.indexOf('--engine');
const main = idx >= 0 ? child(process.argv[idx + 1] as Which, Number(process.argv[idx + 2])) : parent();
main.catch((err) => {
  console.error(err);
  process.exit(1);
});

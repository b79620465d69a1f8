import { execFileSync } from 'node:child_process';
import { matchBoxes } from '../eval/box-matching';
import { corpusCer, pageErrors } from '../eval/text-metrics';
import { sortReadingOrder } from '../pipeline/reading-order';
import { benchDir, loadBenchCorpus, type BenchImage } from './bench-corpus';
import { createOurEngine, createTheirEngine, type BenchEngine, type BenchLine } from './bench-engines';

/** What one engine's child process reports. */
interface EngineReport {
  engine: string;
  images: number;
  cer: number;
  /** CER after re-sorting the engine's lines with our reading-order sorter (order-neutral). */
  cerSorted: number;
  boxRecall: number;
  medianMs: number;
  p95Ms: number;
  ips1: number;
  ips8: number;
  peakRssMb: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** Runs one engine over the corpus: a warm-up, batch 1 (sequential), then batch 8 (8 at a time). */
async function benchEngine(engine: BenchEngine, corpus: BenchImage[]): Promise<EngineReport> {
  for (const img of corpus.slice(0, 2)) await engine.recognise(img.data);
  const times: number[] = [];
  const outputs: BenchLine[][] = [];
  const t1 = performance.now();
  for (const img of corpus) {
    const s = performance.now();
    outputs.push(await engine.recognise(img.data));
    times.push(performance.now() - s);
  }
  const seconds1 = (performance.now() - t1) / 1000;
  const t8 = performance.now();
  for (let i = 0; i < corpus.length; i += 8) {
    await Promise.all(corpus.slice(i, i + 8).map((img) => engine.recognise(img.data)));
  }
  const seconds8 = (performance.now() - t8) / 1000;
  const asReturned = corpus.map((img, i) => pageErrors(img.truth.lines.map((l) => l.text), outputs[i].map((l) => l.text)));
  const resorted = corpus.map((img, i) =>
    pageErrors(
      img.truth.lines.map((l) => l.text),
      sortReadingOrder(outputs[i], (l) => l.box).map((l) => l.text),
    ),
  );
  let truthLines = 0;
  let hits = 0;
  corpus.forEach((img, i) => {
    const m = matchBoxes(img.truth.lines.map((l) => l.box), outputs[i].map((l) => l.box));
    truthLines += m.length;
    hits += m.filter((x) => x.iou >= 0.5).length;
  });
  times.sort((a, b) => a - b);
  return {
    engine: engine.name,
    images: corpus.length,
    cer: corpusCer(asReturned),
    cerSorted: corpusCer(resorted),
    boxRecall: hits / truthLines,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    ips1: corpus.length / seconds1,
    ips8: corpus.length / seconds8,
    // maxRSS is in kilobytes and covers this child process's whole life.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Child mode: `run-bench.js --engine ours|theirs` prints one JSON report. */
async function child(which: string): Promise<void> {
  const corpus = loadBenchCorpus(benchDir());
  const engine = which === 'ours' ? await createOurEngine() : await createTheirEngine();
  const report = await benchEngine(engine, corpus);
  process.stdout.write(JSON.stringify(report) + '\n');
}

/** Parent mode: each engine in a fresh process (so peak RSS is its own), ours first, then the table. */
function parent(): void {
  const dir = benchDir();
  const n = loadBenchCorpus(dir).length;
  console.log(`corpus: ${dir} (${n} images); node ${process.version}; OCR_INTRA_OP_THREADS=${process.env.OCR_INTRA_OP_THREADS ?? 'default'}`);
  const run = (which: string): EngineReport =>
    JSON.parse(execFileSync(process.execPath, [__filename, '--engine', which], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!);
  const ours = run('ours');
  const theirs = run('theirs');
  const f = (v: number, d = 2) => v.toFixed(d);
  const rows: [string, (r: EngineReport) => string, string][] = [
    ['CER (page, lines as returned)', (r) => f(r.cer, 4), f(ours.cer / Math.max(theirs.cer, 1e-9), 2)],
    ['CER (lines re-sorted in reading order)', (r) => f(r.cerSorted, 4), f(ours.cerSorted / Math.max(theirs.cerSorted, 1e-9), 2)],
    ['truth lines with box IoU ≥ 0.5', (r) => `${f(100 * r.boxRecall, 1)} %`, f(ours.boxRecall / theirs.boxRecall, 2)],
    ['median ms/image (batch 1)', (r) => f(r.medianMs, 0), f(ours.medianMs / theirs.medianMs, 2)],
    ['p95 ms/image (batch 1)', (r) => f(r.p95Ms, 0), f(ours.p95Ms / theirs.p95Ms, 2)],
    ['images/s, batch 1', (r) => f(r.ips1), f(ours.ips1 / theirs.ips1, 2)],
    ['images/s, batch 8', (r) => f(r.ips8), f(ours.ips8 / theirs.ips8, 2)],
    ['peak RSS, MB', (r) => f(r.peakRssMb, 0), f(ours.peakRssMb / theirs.peakRssMb, 2)],
  ];
  console.log('\n| metric | ours | @gutenye/ocr-node 1.4.8 | ours / theirs |\n|---|---|---|---|');
  for (const [label, get, ratio] of rows) console.log(`| ${label} | ${get(ours)} | ${get(theirs)} | ${ratio} |`);
}

const idx = process.argv.indexOf('--engine');
if (idx >= 0) {
  child(process.argv[idx + 1]).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  parent();
}

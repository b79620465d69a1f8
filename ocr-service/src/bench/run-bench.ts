import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { matchBoxes } from '../eval/box-matching';
import { corpusCer, pageErrors } from '../eval/text-metrics';
import { sortReadingOrder } from '../pipeline/reading-order';
import { benchDir, loadBenchCorpus, type BenchImage } from './bench-corpus';
import { createOurEngine, createTheirEngine, type BenchEngine, type BenchLine } from './bench-engines';

/** Parent → child commands and the child's answers (over the fork IPC channel). */
type Command = { cmd: 'one'; index: number } | { cmd: 'many'; start: number; count: number } | { cmd: 'rss' };
type Answer = { ms: number; lines?: BenchLine[]; rssMb?: number };

/** One engine's figures. */
interface EngineReport {
  cer: number;
  cerSorted: number;
  boxRecall: number;
  medianMs: number;
  p95Ms: number;
  ips1: number;
  ips8: number;
  peakRssMb: number;
}

const BATCH = 8;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** Child mode: load the corpus and one engine, then serve timed commands until disconnected. */
async function child(which: string): Promise<void> {
  const corpus = loadBenchCorpus(benchDir());
  const engine: BenchEngine = which === 'ours' ? await createOurEngine() : await createTheirEngine();
  for (const img of corpus.slice(0, 2)) await engine.recognise(img.data); // warm-up
  process.on('message', async (m: Command) => {
    let answer: Answer;
    if (m.cmd === 'one') {
      const s = performance.now();
      const lines = await engine.recognise(corpus[m.index].data);
      answer = { ms: performance.now() - s, lines };
    } else if (m.cmd === 'many') {
      const s = performance.now();
      await Promise.all(corpus.slice(m.start, m.start + m.count).map((img) => engine.recognise(img.data)));
      answer = { ms: performance.now() - s };
    } else {
      // maxRSS is in kilobytes and covers this child's whole life.
      answer = { ms: 0, rssMb: process.resourceUsage().maxRSS / 1024 };
    }
    process.send!(answer);
  });
  process.send!({ ms: 0 });
}

/** Starts a child for one engine; `ask` sends a command and resolves with the child's answer. */
function spawnEngine(which: string): { ask: (c: Command) => Promise<Answer>; child: ChildProcess; ready: Promise<Answer> } {
  const c = fork(__filename, ['--engine', which], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // One question at a time, so one pending answer.
  let pending: { resolve: (a: Answer) => void; reject: (e: Error) => void } | null = null;
  const next = () => new Promise<Answer>((resolve, reject) => (pending = { resolve, reject }));
  c.on('message', (a) => pending?.resolve(a as Answer));
  c.on('exit', (code) => pending?.reject(new Error(`${which} bench process exited with ${code}`)));
  const ready = next();
  return {
    child: c,
    ready,
    ask: (cmd) => {
      const p = next();
      c.send(cmd);
      return p;
    },
  };
}

function score(corpus: BenchImage[], outputs: BenchLine[][], times: number[], seconds8: number, rssMb: number): EngineReport {
  const truthText = (img: BenchImage) => img.truth.lines.map((l) => l.text);
  const asReturned = corpus.map((img, i) => pageErrors(truthText(img), outputs[i].map((l) => l.text)));
  const resorted = corpus.map((img, i) =>
    pageErrors(truthText(img), sortReadingOrder(outputs[i], (l) => l.box).map((l) => l.text)),
  );
  let truthLines = 0;
  let hits = 0;
  corpus.forEach((img, i) => {
    const m = matchBoxes(img.truth.lines.map((l) => l.box), outputs[i].map((l) => l.box));
    truthLines += m.length;
    hits += m.filter((x) => x.iou >= 0.5).length;
  });
  const sorted = [...times].sort((a, b) => a - b);
  return {
    cer: corpusCer(asReturned),
    cerSorted: corpusCer(resorted),
    boxRecall: hits / truthLines,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    ips1: corpus.length / (times.reduce((a, b) => a + b, 0) / 1000),
    ips8: corpus.length / seconds8,
    peakRssMb: rssMb,
  };
}

/**
 * Parent mode: both engines live in their own processes (so peak RSS is each one's own) and
 * take turns image by image (batch 1) and chunk by chunk (batch 8), ours first each time, so
 * load from other work on the machine falls on both alike.
 */
async function parent(): Promise<void> {
  const dir = benchDir();
  const corpus = loadBenchCorpus(dir);
  const load = () => os.loadavg().map((v) => v.toFixed(2)).join(' ');
  console.log(`corpus: ${dir} (${corpus.length} images); node ${process.version}; ${os.availableParallelism()} cores`);
  console.log(`load average before: ${load()}`);
  const engines = [spawnEngine('ours'), spawnEngine('theirs')];
  await Promise.all(engines.map((e) => e.ready));
  const outputs: BenchLine[][][] = [[], []];
  const times: number[][] = [[], []];
  const many = [0, 0];
  for (let i = 0; i < corpus.length; i++) {
    for (let e = 0; e < 2; e++) {
      const a = await engines[e].ask({ cmd: 'one', index: i });
      outputs[e].push(a.lines ?? []);
      times[e].push(a.ms);
    }
  }
  for (let start = 0; start < corpus.length; start += BATCH) {
    for (let e = 0; e < 2; e++) many[e] += (await engines[e].ask({ cmd: 'many', start, count: BATCH })).ms / 1000;
  }
  const rss = await Promise.all(engines.map((e) => e.ask({ cmd: 'rss' })));
  engines.forEach((e) => e.child.disconnect());
  console.log(`load average after: ${load()}`);
  const [ours, theirs] = [0, 1].map((e) => score(corpus, outputs[e], times[e], many[e], rss[e].rssMb ?? 0));
  printTable(ours, theirs);
}

function printTable(ours: EngineReport, theirs: EngineReport): void {
  const f = (v: number, d = 2) => v.toFixed(d);
  const ratio = (a: number, b: number) => (b > 0 ? f(a / b) : '–');
  const rows: [string, (r: EngineReport) => string, string][] = [
    ['CER (page, lines as returned)', (r) => f(r.cer, 4), ratio(ours.cer, theirs.cer)],
    ['CER (lines re-sorted in reading order)', (r) => f(r.cerSorted, 4), ratio(ours.cerSorted, theirs.cerSorted)],
    ['truth lines with box IoU ≥ 0.5', (r) => `${f(100 * r.boxRecall, 1)} %`, ratio(ours.boxRecall, theirs.boxRecall)],
    ['median ms/image (batch 1)', (r) => f(r.medianMs, 0), ratio(ours.medianMs, theirs.medianMs)],
    ['p95 ms/image (batch 1)', (r) => f(r.p95Ms, 0), ratio(ours.p95Ms, theirs.p95Ms)],
    ['images/s, batch 1', (r) => f(r.ips1), ratio(ours.ips1, theirs.ips1)],
    [`images/s, batch ${BATCH}`, (r) => f(r.ips8), ratio(ours.ips8, theirs.ips8)],
    ['peak RSS, MB', (r) => f(r.peakRssMb, 0), ratio(ours.peakRssMb, theirs.peakRssMb)],
  ];
  console.log('\n| metric | ours | @gutenye/ocr-node 1.4.8 | ours / theirs |\n|---|---|---|---|');
  for (const [label, get, r] of rows) console.log(`| ${label} | ${get(ours)} | ${get(theirs)} | ${r} |`);
}

const idx = process.argv.indexOf('--engine');
const main = idx >= 0 ? child(process.argv[idx + 1]) : parent();
main.catch((err) => {
  console.error(err);
  process.exit(1);
});

import { benchDir, loadBenchCorpus } from './bench-corpus';
import { createOurEngine, createTheirEngine, type BenchLine } from './bench-engines';

/** What one engine's process measured in one round. */
export interface RoundMeasure {
  /** ms per image, one image per call, in corpus order. */
  perImageMs: number[];
  /** Seconds for the whole corpus in calls of `batch` images (ours only). */
  batchSeconds?: number;
  lines: BenchLine[][];
  peakRssMb: number;
}

/**
 * One engine alone in this process: load, warm up on the first images (both call shapes), then
 * time the corpus one image per call, then (ours) in calls of `batch` images. The parent runs
 * one such process at a time, so no idle engine's threads share the CPU with the measured one.
 */
export async function measureEngine(which: 'ours' | 'theirs', threads: number, batch: number): Promise<RoundMeasure> {
  const corpus = loadBenchCorpus(benchDir()).map((img) => img.data);
  const engine = which === 'ours' ? await createOurEngine(threads) : await createTheirEngine(threads);
  for (const img of corpus.slice(0, 2)) await engine.recognise([img]);
  if (which === 'ours') await engine.recognise(corpus.slice(0, batch));
  const perImageMs: number[] = [];
  const lines: BenchLine[][] = [];
  for (const img of corpus) {
    const s = performance.now();
    lines.push((await engine.recognise([img]))[0]);
    perImageMs.push(performance.now() - s);
  }
  let batchSeconds: number | undefined;
  if (which === 'ours') {
    const s = performance.now();
    for (let start = 0; start < corpus.length; start += batch) await engine.recognise(corpus.slice(start, start + batch));
    batchSeconds = (performance.now() - s) / 1000;
  }
  await engine.close();
  // maxRSS is in kilobytes and covers this process's whole life.
  return { perImageMs, batchSeconds, lines, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

import { matchBoxes } from '../eval/box-matching';
import { corpusCer, pageErrors } from '../eval/text-metrics';
import { sortReadingOrder } from '../pipeline/reading-order';
import type { BenchImage } from './bench-corpus';
import type { RoundMeasure } from './bench-child';
import type { BenchLine } from './bench-engines';

/** Accuracy of one engine's output on the corpus (identical every round: read from the first). */
export interface Accuracy {
  cer: number;
  cerSorted: number;
  boxRecall: number;
}

/** Speed of one engine in one round. */
export interface RoundSpeed {
  ips1: number;
  medianMs: number;
  p95Ms: number;
  ips8?: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 0.5);

/** CER as returned, CER after our reading-order sort, share of truth lines found with IoU ≥ 0.5. */
export function scoreAccuracy(corpus: readonly BenchImage[], outputs: readonly BenchLine[][]): Accuracy {
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
  return { cer: corpusCer(asReturned), cerSorted: corpusCer(resorted), boxRecall: hits / truthLines };
}

/** Throughput and latency of one round's measure. */
export function roundSpeed(m: RoundMeasure): RoundSpeed {
  const sorted = [...m.perImageMs].sort((a, b) => a - b);
  const n = m.perImageMs.length;
  return {
    ips1: n / (m.perImageMs.reduce((a, b) => a + b, 0) / 1000),
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    ips8: m.batchSeconds ? n / m.batchSeconds : undefined,
  };
}

/** `median (min–max)` of a series, for the table. */
export function spread(xs: number[], digits: number): string {
  const f = (v: number) => v.toFixed(digits);
  return xs.length > 1 ? `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : f(xs[0]);
}

/** The README table: accuracy once, speed as median (min–max) over rounds, ratios taken per round. */
export function printSummary(
  acc: [Accuracy, Accuracy],
  ours: RoundSpeed[],
  theirs: RoundSpeed[],
  rssMb: [number, number],
  batch: number,
): void {
  const f = (v: number, d = 2) => v.toFixed(d);
  const perRound = (get: (s: RoundSpeed) => number) => ours.map((o, r) => get(o) / get(theirs[r]));
  const rows: [string, string, string, string][] = [
    ['CER (page, lines as returned)', f(acc[0].cer, 4), f(acc[1].cer, 4), f(acc[0].cer / acc[1].cer)],
    ['CER (lines re-sorted in reading order)', f(acc[0].cerSorted, 4), f(acc[1].cerSorted, 4), f(acc[0].cerSorted / acc[1].cerSorted)],
    ['truth lines with box IoU ≥ 0.5', `${f(100 * acc[0].boxRecall, 1)} %`, `${f(100 * acc[1].boxRecall, 1)} %`, f(acc[0].boxRecall / acc[1].boxRecall)],
    ['images/s, 1 per call', spread(ours.map((s) => s.ips1), 2), spread(theirs.map((s) => s.ips1), 2), spread(perRound((s) => s.ips1), 2)],
    [
      `images/s, ${batch} per call (theirs: 1 per call)`,
      spread(ours.map((s) => s.ips8 ?? 0), 2),
      spread(theirs.map((s) => s.ips1), 2),
      spread(ours.map((o, r) => (o.ips8 ?? 0) / theirs[r].ips1), 2),
    ],
    ['median ms/photo, 1 per call', spread(ours.map((s) => s.medianMs), 0), spread(theirs.map((s) => s.medianMs), 0), spread(perRound((s) => s.medianMs), 2)],
    ['p95 ms/photo, 1 per call', spread(ours.map((s) => s.p95Ms), 0), spread(theirs.map((s) => s.p95Ms), 0), spread(perRound((s) => s.p95Ms), 2)],
    ['peak RSS, MB', f(rssMb[0], 0), f(rssMb[1], 0), f(rssMb[0] / rssMb[1])],
  ];
  console.log('\n| metric | ours | @gutenye/ocr-node 1.4.8 | ours / theirs |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

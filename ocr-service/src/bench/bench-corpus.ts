import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TruthPage } from '../eval/truth-file';

/** One benchmark image: encoded bytes plus its truth. */
export interface BenchImage {
  name: string;
  data: Buffer;
  truth: TruthPage;
}

/**
 * Where the ocr-dev corpus lives: `OCR_BENCH_DIR`, else the repo's `datasets/ocr-dev`
 * (this file runs from `ocr-service/dist/bench/`, the repo root is three levels up).
 */
export function benchDir(env = process.env): string {
  if (env.OCR_BENCH_DIR) return path.resolve(env.OCR_BENCH_DIR);
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  return path.join(repoRoot, 'datasets', 'ocr-dev');
}

/** Loads every `*.jpg` with its `*.json` truth, sorted by name, into memory. */
export function loadBenchCorpus(dir: string): BenchImage[] {
  const names = readdirSync(dir)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .sort();
  if (names.length === 0) throw new Error(`no images in ${dir} (set OCR_BENCH_DIR)`);
  return names.map((name) => ({
    name,
    data: readFileSync(path.join(dir, name)),
    truth: JSON.parse(readFileSync(path.join(dir, name.replace(/\.[^.]+$/, '.json')), 'utf8')) as TruthPage,
  }));
}

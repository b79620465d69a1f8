import { readFile } from 'node:fs/promises';
import type { Quad } from '../geometry';

/** One line of an ocr-dev truth JSON (datasets/ocr-dev/README.md at the repo root). */
export interface TruthLine {
  text: string;
  box: Quad;
  row: number;
  col: number;
}

/** An ocr-dev truth file. */
export interface TruthPage {
  image: string;
  width: number;
  height: number;
  scene: string;
  lines: TruthLine[];
}

/** Reads one truth JSON. */
export async function readTruth(jsonPath: string): Promise<TruthPage> {
  return JSON.parse(await readFile(jsonPath, 'utf8')) as TruthPage;
}

import type { PipelineOverrides } from '../config/pipeline-config';
import { HttpError } from './http-errors';

/**
 * Parses `POST /v1/ocr` query options: `minConfidence` (0–1), `cls` (true|false|1|0) and
 * `maxSide` (32–4096, the detector's longest side). Unknown keys are ignored. Pure.
 */
export function parseOcrQuery(query: Record<string, unknown>): PipelineOverrides {
  const out: PipelineOverrides = {};
  const get = (k: string): string | undefined => {
    const v = query[k];
    if (v === undefined) return undefined;
    return Array.isArray(v) ? String(v[v.length - 1]) : String(v);
  };
  const minConfidence = get('minConfidence');
  if (minConfidence !== undefined) {
    const v = Number(minConfidence);
    if (minConfidence === '' || !Number.isFinite(v) || v < 0 || v > 1) {
      throw new HttpError(400, 'bad_query', 'minConfidence must be a number from 0 to 1');
    }
    out.minConfidence = v;
  }
  const cls = get('cls');
  if (cls !== undefined) {
    if (/^(true|1)$/i.test(cls)) out.cls = true;
    else if (/^(false|0)$/i.test(cls)) out.cls = false;
    else throw new HttpError(400, 'bad_query', 'cls must be true or false');
  }
  const maxSide = get('maxSide');
  if (maxSide !== undefined) {
    const v = Number(maxSide);
    if (!Number.isInteger(v) || v < 32 || v > 4096) {
      throw new HttpError(400, 'bad_query', 'maxSide must be an integer from 32 to 4096');
    }
    out.maxSide = v;
  }
  return out;
}

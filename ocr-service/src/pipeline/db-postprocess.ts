import type { PipelineConfig } from '../config/pipeline-config';
import {
  connectedComponents,
  meanInsidePolygon,
  minAreaRect,
  rectCorners,
  unclipRect,
  type Point,
  type Quad,
} from '../geometry';

/** A detected text box in original-image pixels with its mean text probability. */
export interface DetectedBox {
  quad: Quad;
  score: number;
}

/**
 * DB post-processing (PaddleOCR `DBPostProcess`, score mode "fast"): binarise the probability
 * map, take each blob's min-area rectangle, drop small or low-scoring ones, grow ("unclip")
 * the rest and scale them to the original image. Pure.
 */
export function dbPostprocess(
  prob: Float32Array,
  mapWidth: number,
  mapHeight: number,
  imageWidth: number,
  imageHeight: number,
  cfg: PipelineConfig['det'],
): DetectedBox[] {
  const bitmap = new Uint8Array(prob.length);
  for (let i = 0; i < prob.length; i++) bitmap[i] = prob[i] > cfg.binaryThreshold ? 1 : 0;
  const components = connectedComponents(bitmap, mapWidth, mapHeight, cfg.maxCandidates);
  const sx = imageWidth / mapWidth;
  const sy = imageHeight / mapHeight;
  const boxes: DetectedBox[] = [];
  for (const comp of components) {
    if (comp.border.length < 4) continue;
    const rect = minAreaRect(comp.border);
    if (Math.min(rect.width, rect.height) < cfg.minBoxSide) continue;
    const score = meanInsidePolygon(prob, mapWidth, mapHeight, rectCorners(rect));
    if (score < cfg.boxThreshold) continue;
    const grown = unclipRect(rect, cfg.unclipRatio);
    if (Math.min(grown.width, grown.height) < cfg.minBoxSide + 2) continue;
    const quad = rectCorners(grown).map(
      ([x, y]): Point => [clamp(Math.round(x * sx), 0, imageWidth), clamp(Math.round(y * sy), 0, imageHeight)],
    ) as Quad;
    boxes.push({ quad, score });
  }
  return boxes;
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

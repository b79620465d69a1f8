import { polygonIou, type Quad } from '../geometry';

/**
 * For each truth box, the index of the best-overlapping predicted box and that IoU (−1 and 0
 * when nothing overlaps). Greedy per truth line; enough for scoring line detection.
 */
export function matchBoxes(truth: readonly Quad[], predicted: readonly Quad[]): { index: number; iou: number }[] {
  return truth.map((t) => {
    let best = { index: -1, iou: 0 };
    predicted.forEach((p, index) => {
      const iou = polygonIou(t, p);
      if (iou > best.iou) best = { index, iou };
    });
    return best;
  });
}

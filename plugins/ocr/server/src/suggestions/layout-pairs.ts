import { overlap, rectHeight, rectWidth, type Rect } from './geometry';

/** A piece of a page for pairing: a bare label, a possible value, or a line already read (`other`). */
export interface LayoutUnit {
  rect: Rect;
  role: 'label' | 'value' | 'other';
}

/** A value found for a bare label by position: right of it in the same row, or else under it in its column. */
export interface LayoutLink {
  label: number;
  value: number;
  kind: 'right' | 'below';
  /** 0.8–1: how well the two line up. */
  fit: number;
}

// Table cells can sit far apart; a value further right than this many label heights is another column.
const MAX_RIGHT_GAP = 30;
// A stacked value sits within a couple of line heights under its label (header row → data row too).
const MAX_BELOW_GAP = 3;

const height = (r: Rect): number => Math.max(1, rectHeight(r));
const centerY = (r: Rect): number => (r.y0 + r.y1) / 2;

/** True when two rectangles share at least half of the shorter one's height: one printed row. */
export function sameRow(a: Rect, b: Rect): boolean {
  return overlap(a.y0, a.y1, b.y0, b.y1) >= 0.5 * Math.min(height(a), height(b));
}

function nearest(units: readonly LayoutUnit[], from: number, distanceTo: (u: LayoutUnit) => number | null): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  units.forEach((unit, i) => {
    if (i === from) return;
    const d = distanceTo(unit);
    if (d !== null && d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

function rightOf(units: readonly LayoutUnit[], i: number): LayoutLink | null {
  const label = units[i].rect;
  const h = height(label);
  const j = nearest(units, i, ({ rect }) => {
    if (!sameRow(label, rect) || rect.x0 < label.x1 - 0.25 * h) return null;
    const gap = rect.x0 - label.x1;
    return gap <= MAX_RIGHT_GAP * h ? gap : null;
  });
  // The nearest cell to the right is the value, or there is none (a header row's next header).
  if (j === null || units[j].role !== 'value') return null;
  const misalign = Math.abs(centerY(units[j].rect) - centerY(label)) / h;
  return { label: i, value: j, kind: 'right', fit: 1 - 0.2 * Math.min(1, misalign) };
}

function below(units: readonly LayoutUnit[], i: number): LayoutLink | null {
  const label = units[i].rect;
  const h = height(label);
  const columnOverlap = (r: Rect): number => overlap(label.x0, label.x1, r.x0, r.x1) / Math.max(1, Math.min(rectWidth(label), rectWidth(r)));
  const j = nearest(units, i, ({ rect }) => {
    if (rect.y0 < label.y1 - 0.3 * h || sameRow(label, rect)) return null;
    const aligned = columnOverlap(rect) > 0 || Math.abs(rect.x0 - label.x0) <= 1.5 * h;
    const gap = Math.max(0, rect.y0 - label.y1);
    // Within the same gap, the cell most squarely under the label is nearer.
    return aligned && gap <= MAX_BELOW_GAP * h ? gap - 0.01 * columnOverlap(rect) : null;
  });
  if (j === null || units[j].role !== 'value') return null;
  return { label: i, value: j, kind: 'below', fit: 0.8 + 0.2 * Math.min(1, columnOverlap(units[j].rect)) };
}

/**
 * The value of each bare label of one page: the cell right of it in its row, else the line under
 * it in its column. A row's value is never traded for the line under it: that is the next row.
 */
export function layoutLinks(units: readonly LayoutUnit[]): LayoutLink[] {
  const links: LayoutLink[] = [];
  units.forEach((unit, i) => {
    if (unit.role !== 'label') return;
    const link = rightOf(units, i) ?? below(units, i);
    if (link) links.push(link);
  });
  return links;
}

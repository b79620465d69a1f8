import type { Quad } from '../geometry';

interface Placed<T> {
  item: T;
  /** Centre after de-skewing by the page's dominant text angle. */
  cx: number;
  cy: number;
  /** Text height (mean of the two short sides). */
  h: number;
}

/**
 * Sorts boxes into reading order: top-to-bottom rows, left-to-right within a row.
 *
 * Rows are found on de-skewed centres: the page's dominant text angle (median over clearly
 * horizontal boxes) is undone first, so two cells of one table row 500 px apart on a 3°-tilted
 * photo still share a row. A box joins the current row when its vertical extent overlaps the
 * row's by at least `rowOverlap` of the smaller height. Pure; returns a new array.
 */
export function sortReadingOrder<T>(items: readonly T[], quadOf: (t: T) => Quad, rowOverlap = 0.5): T[] {
  if (items.length < 2) return [...items];
  const angle = dominantAngle(items.map(quadOf));
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const placed: Placed<T>[] = items.map((item) => {
    const q = quadOf(item);
    const mx = (q[0][0] + q[1][0] + q[2][0] + q[3][0]) / 4;
    const my = (q[0][1] + q[1][1] + q[2][1] + q[3][1]) / 4;
    const h = (Math.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1]) + Math.hypot(q[2][0] - q[1][0], q[2][1] - q[1][1])) / 2;
    return { item, cx: mx * cos - my * sin, cy: mx * sin + my * cos, h };
  });
  placed.sort((a, b) => a.cy - b.cy);
  const rows: { top: number; bottom: number; members: Placed<T>[] }[] = [];
  for (const p of placed) {
    const top = p.cy - p.h / 2;
    const bottom = p.cy + p.h / 2;
    const row = rows[rows.length - 1];
    if (row) {
      const overlap = Math.min(bottom, row.bottom) - Math.max(top, row.top);
      const rowH = row.bottom - row.top;
      if (overlap >= rowOverlap * Math.min(p.h, rowH)) {
        row.members.push(p);
        // Keep the row band as the members' mean extent so one tall box cannot swallow the next row.
        const n = row.members.length;
        row.top += (top - row.top) / n;
        row.bottom += (bottom - row.bottom) / n;
        continue;
      }
    }
    rows.push({ top, bottom, members: [p] });
  }
  return rows.flatMap((r) => r.members.sort((a, b) => a.cx - b.cx).map((p) => p.item));
}

/** Median baseline angle (radians) of boxes at least twice as wide as tall; 0 when none. */
export function dominantAngle(quads: readonly Quad[]): number {
  const angles: number[] = [];
  for (const q of quads) {
    const w = Math.hypot(q[1][0] - q[0][0], q[1][1] - q[0][1]);
    const h = Math.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1]);
    if (w < 2 * h) continue;
    angles.push(Math.atan2(q[1][1] - q[0][1], q[1][0] - q[0][0]));
  }
  if (angles.length === 0) return 0;
  angles.sort((a, b) => a - b);
  const mid = angles.length >> 1;
  return angles.length % 2 ? angles[mid] : (angles[mid - 1] + angles[mid]) / 2;
}

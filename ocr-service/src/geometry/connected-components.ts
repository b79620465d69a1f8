import type { Point } from './point';

/** One 8-connected blob of a binary map: its border pixels and pixel count. */
export interface Component {
  /** Pixels of the blob with a 4-neighbour outside it: enough for the hull, far fewer points. */
  border: Point[];
  size: number;
}

/**
 * Labels 8-connected foreground blobs of a binary `width × height` map (non-zero = on) with an
 * explicit stack, so huge blobs cannot overflow the call stack. This stands in for OpenCV's
 * `findContours(RETR_LIST)` in DB post-processing: only outer borders matter, because every
 * box is a min-area rectangle of its blob's convex hull.
 */
export function connectedComponents(
  map: Uint8Array,
  width: number,
  height: number,
  maxComponents = Infinity,
): Component[] {
  const visited = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const components: Component[] = [];
  for (let start = 0; start < map.length; start++) {
    if (!map[start] || visited[start]) continue;
    if (components.length >= maxComponents) break;
    let top = 0;
    stack[top++] = start;
    visited[start] = 1;
    const border: Point[] = [];
    let size = 0;
    while (top > 0) {
      const idx = stack[--top];
      size++;
      const x = idx % width;
      const y = (idx - x) / width;
      const onEdge =
        x === 0 || y === 0 || x === width - 1 || y === height - 1 ||
        !map[idx - 1] || !map[idx + 1] || !map[idx - width] || !map[idx + width];
      if (onEdge) border.push([x, y]);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if ((dx === 0 && dy === 0) || nx < 0 || nx >= width) continue;
          const n = ny * width + nx;
          if (map[n] && !visited[n]) {
            visited[n] = 1;
            stack[top++] = n;
          }
        }
      }
    }
    components.push({ border, size });
  }
  return components;
}

/** Detector input size for an image, both sides multiples of `multiple`, and the scale behind it. */
export interface DetSize {
  width: number;
  height: number;
  scale: number;
}

/** Sides rounded to the nearest multiple of the network stride (at least one stride). Pure. */
export function detSizeAt(width: number, height: number, scale: number, multiple: number): DetSize {
  const round = (v: number) => Math.max(Math.round(v / multiple) * multiple, multiple);
  return { width: round(width * scale), height: round(height * scale), scale };
}

/**
 * Picks the detector input size: scale down so the longest side is ≤ maxSide, scale up so the
 * shortest is ≥ minSide (without breaking maxSide or scaling up more than maxUpscale), then round each side to the nearest
 * multiple of the network stride (at least one stride). Pure.
 */
export function detInputSize(
  width: number,
  height: number,
  opts: { maxSide: number; minSide: number; maxUpscale: number; multiple: number },
): DetSize {
  let ratio = 1;
  const longest = Math.max(width, height);
  const shortest = Math.min(width, height);
  if (longest * ratio > opts.maxSide) ratio = opts.maxSide / longest;
  if (shortest * ratio < opts.minSide) {
    ratio = Math.min(opts.minSide / shortest, opts.maxSide / longest, Math.max(opts.maxUpscale, ratio));
  }
  return detSizeAt(width, height, ratio, opts.multiple);
}

/**
 * Whether a first detector pass at `probeScale` saw text too small to trust: the
 * `textHeightQuantile` of its boxes' heights (image pixels) is under `minTextHeight` detector
 * pixels, or it found no box at all. Small text at low resolution comes back as merged cells
 * and inflated boxes, so the caller then detects again at full size. Pure.
 */
export function needsFullPass(
  textHeights: readonly number[],
  probeScale: number,
  opts: { minTextHeight: number; textHeightQuantile: number },
): boolean {
  if (textHeights.length === 0) return true;
  const sorted = [...textHeights].sort((a, b) => a - b);
  const small = sorted[Math.floor(opts.textHeightQuantile * (sorted.length - 1))];
  return small * probeScale < opts.minTextHeight;
}

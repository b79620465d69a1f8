/** Detector input size for an image, both sides multiples of `multiple`. */
export interface DetSize {
  width: number;
  height: number;
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
  const round = (v: number) => Math.max(Math.round(v / opts.multiple) * opts.multiple, opts.multiple);
  return { width: round(width * ratio), height: round(height * ratio) };
}

/** Columns are never narrower or wider than these (in Excel's character widths). */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** How wide a text shows in Excel's units: CJK and other wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return width;
}

/** A column width that fits its widest sample text, within bounds. */
export const fittedWidth = (widest: number) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest) + 2));

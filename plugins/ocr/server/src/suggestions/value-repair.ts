/** A rewrite of OCR text that a field type refused, tried only after the text as read failed. */
export interface ValueRepair {
  name: string;
  apply(raw: string): string | null;
}

// OCR reads `1` as `l`, `I` or `|` and `0` as `O`; only where the glyph touches a digit or
// stands in a short token like `nl` (band n1) is the reading plausibly a digit.
const DIGIT_LOOKALIKES: Record<string, string> = { l: '1', I: '1', '|': '1', O: '0', o: '0' };

/** Repairs tried in order; each alone, then all together. */
export const VALUE_REPAIRS: readonly ValueRepair[] = [
  {
    // `2025/01/2009:13:32`: OCR drops the space between the date and the time.
    name: 'date-time-space',
    apply: (raw) => {
      const fixed = raw.replace(/^(.*\d)(\d{2}[:：]\d{2}(?:[:：]\d{2})?)$/u, (all, date: string, time: string) =>
        /\d{4}[-/.年]\d{1,2}[-/.月]\d{2}$/u.test(date.trim()) ? `${date} ${time}` : all);
      return fixed === raw ? null : fixed;
    },
  },
  {
    name: 'digit-lookalikes',
    apply: (raw) => {
      if (raw.length > 24) return null;
      const fixed = raw.replace(/[lIO|o](?=\d|$)|(?<=\d)[lIO|o]/g, (c) => DIGIT_LOOKALIKES[c]);
      return fixed === raw ? null : fixed;
    },
  },
  {
    // `24 (m)`, `113.9（°）`: a bracketed unit after a number.
    name: 'bracketed-unit',
    apply: (raw) => {
      const fixed = raw.replace(/^(.*\d)\s*[(（[]\s*([^()（）[\]]{1,6})\s*[)）\]]$/u, '$1 $2');
      return fixed === raw ? null : fixed;
    },
  },
];

/** The repaired readings of `raw`, most specific first, without duplicates or `raw` itself. */
export function repairVariants(raw: string): string[] {
  const variants: string[] = [];
  let all = raw;
  for (const repair of VALUE_REPAIRS) {
    const one = repair.apply(raw);
    if (one !== null) variants.push(one);
    all = repair.apply(all) ?? all;
  }
  if (all !== raw) variants.push(all);
  return [...new Set(variants)].filter((v) => v !== raw);
}

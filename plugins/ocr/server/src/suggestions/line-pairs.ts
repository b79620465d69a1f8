import type { LabelMatch, LabelMatcher } from './label-matcher';
import { normalizeLabel } from './label-normalizer';
import { contentStart, isBoundary, lineChars, type LineChars } from './line-chars';
import type { SuggestionField } from './types';

/** Code-point positions `[start, end)` in a line. */
export interface Span {
  start: number;
  end: number;
}

/** How a value follows its label in a line: `站点名称：X`, `站点名称 X`, or glued `站点名称X`. */
export type Separator = 'colon' | 'space' | 'none';

/** A label and its value found in one line. */
export interface LinePair<F extends SuggestionField = SuggestionField> {
  match: LabelMatch<F>;
  label: Span;
  value: Span;
  /** The value's text as printed (trimmed of separators). */
  raw: string;
  separator: Separator;
}

/** A label standing alone in a line, its value elsewhere (table cell, stacked form, header row). */
export interface LineLabel<F extends SuggestionField = SuggestionField> {
  match: LabelMatch<F>;
  label: Span;
}

/** What one line holds: pairs, or bare labels, or neither (a value or noise). */
export interface LineReading<F extends SuggestionField = SuggestionField> {
  chars: string[];
  pairs: LinePair<F>[];
  labels: LineLabel<F>[];
}

/** What reading a line needs besides the text. */
export interface LineReaderContext<F extends SuggestionField> {
  matcher: LabelMatcher<F>;
  /** True when `raw` is a valid value of `field` (used to decide doubtful splits). */
  parses(field: F, raw: string): boolean;
  /** True for free-text fields, whose value may contain any words, so a split inside needs more proof. */
  isFreeText(field: F): boolean;
}

type Found<F extends SuggestionField> = LineLabel<F>;

// A printed label is short; looking further than this for its end only costs time.
const RAW_LABEL_SLACK = 16;

function slice(line: LineChars, start: number, end: number): string {
  return line.chars.slice(start, end).join('');
}

/** The value part `[start, end)` without spaces, a leading colon or dash, or trailing delimiters. */
function cleanValue(line: LineChars, start: number, end: number): Span {
  const c = line.classes;
  let s = start;
  let e = end;
  while (s < e && (c[s] === 'space' || c[s] === 'colon')) s++;
  // A dash followed by a space separates (`站点名称 - X`); glued to digits it is a minus sign.
  if (s + 1 < e && /^[-–—]$/.test(line.chars[s]) && c[s + 1] === 'space') s += 2;
  while (s < e && c[s] === 'space') s++;
  while (e > s && (c[e - 1] === 'space' || c[e - 1] === 'delim')) e--;
  return { start: s, end: e };
}

/**
 * The longest exact label starting at `start`, its end moved back over trailing separators.
 * `insideWord` lets it end inside a Latin word (`Severityminor`, where OCR lost the space).
 */
function longestExact<F extends SuggestionField>(
  line: LineChars,
  start: number,
  ctx: LineReaderContext<F>,
  insideWord = false,
): Found<F> | null {
  const limit = Math.min(line.chars.length, start + ctx.matcher.maxLabelLength + RAW_LABEL_SLACK);
  let found: Found<F> | null = null;
  for (let end = start + 1; end <= limit; end++) {
    if ((!insideWord && !isBoundary(line, end)) || line.classes[end - 1] === 'space') continue;
    const match = ctx.matcher.exact(slice(line, start, end));
    if (match) found = { match, label: { start, end } };
  }
  if (!found) return null;
  let end = found.label.end;
  while (end > start && ['space', 'colon', 'delim'].includes(line.classes[end - 1])) end--;
  return { match: found.match, label: { start, end } };
}

/** The separator after a label ending at `end`, and where the value starts. */
function separatorAfter(line: LineChars, end: number): { separator: Separator; valueStart: number } {
  let i = end;
  while (line.classes[i] === 'space') i++;
  if (line.classes[i] === 'colon') return { separator: 'colon', valueStart: i + 1 };
  return { separator: i > end ? 'space' : 'none', valueStart: i };
}

/** A fuzzy label at the line start, ending before the first colon or a space (or the whole line). */
function fuzzyStart<F extends SuggestionField>(line: LineChars, start: number, ctx: LineReaderContext<F>): Found<F> | null {
  const ends: number[] = [];
  const colon = line.classes.indexOf('colon', start);
  if (colon > start) ends.push(colon);
  for (let i = start + 1; i < line.chars.length && ends.length < 6; i++) {
    if (line.classes[i] === 'space' && line.classes[i - 1] !== 'space' && (colon < 0 || i < colon)) ends.push(i);
  }
  ends.push(line.chars.length);
  let best: Found<F> | null = null;
  for (const end of ends) {
    const match = ctx.matcher.fuzzy(slice(line, start, end));
    if (match && (!best || match.quality >= best.match.quality)) best = { match, label: { start, end } };
  }
  if (!best) return null;
  const trimmed = cleanValue(line, best.label.start, best.label.end);
  return { match: best.match, label: { start: best.label.start, end: Math.max(trimmed.end, best.label.start + 1) } };
}

// A label glued to a Latin value must be long enough not to be the start of an ordinary word.
const MIN_GLUED_WORD_LABEL = 5;

/**
 * A label whose Latin value OCR glued to it (`Severityminor`, `DescriptionGPS…`): taken when the
 * rest is a valid value, and for free text only at a lower → upper case change.
 */
function gluedWordLabel<F extends SuggestionField>(line: LineChars, start: number, ctx: LineReaderContext<F>): Found<F> | null {
  const found = longestExact(line, start, ctx, true);
  if (!found || isBoundary(line, found.label.end)) return null;
  const end = found.label.end;
  if (normalizeLabel(line.chars.slice(start, end).join('')).length < MIN_GLUED_WORD_LABEL) return null;
  const rest = line.chars.slice(end).join('').trim();
  if (ctx.isFreeText(found.match.field)) {
    return /\p{Ll}/u.test(line.chars[end - 1]) && /\p{Lu}/u.test(line.chars[end]) ? found : null;
  }
  return ctx.parses(found.match.field, rest) ? found : null;
}

/** The label a line starts with: the longest exact one, unless a fuzzy one reaches a colon further on. */
function startLabel<F extends SuggestionField>(line: LineChars, start: number, ctx: LineReaderContext<F>): Found<F> | null {
  const exact = longestExact(line, start, ctx);
  if (exact && separatorAfter(line, exact.label.end).separator === 'colon') return exact;
  // `Site nane: X` starts with the alias `site`, but the whole `Site nane` is the label.
  const fuzzy = fuzzyStart(line, start, ctx);
  if (!exact) return fuzzy ?? gluedWordLabel(line, start, ctx);
  // Only a colon proves where a longer label ends; a space might be inside the value.
  return fuzzy && fuzzy.label.end > exact.label.end && separatorAfter(line, fuzzy.label.end).separator === 'colon'
    ? fuzzy
    : exact;
}

/** Labels separated by spaces or delimiters filling the whole line: a header row read as one line. */
function labelSequence<F extends SuggestionField>(line: LineChars, start: number, ctx: LineReaderContext<F>): Found<F>[] {
  const labels: Found<F>[] = [];
  let i = start;
  for (;;) {
    while (i < line.chars.length && ['space', 'colon', 'delim'].includes(line.classes[i])) i++;
    if (i >= line.chars.length) break;
    const found = longestExact(line, i, ctx);
    if (!found) return [];
    const next = line.classes[found.label.end];
    if (next !== undefined && !['space', 'colon', 'delim'].includes(next)) return [];
    labels.push(found);
    i = found.label.end;
  }
  return labels.length >= 2 ? labels : [];
}

/** How firmly a label starting mid-line at `i` is cut off from the value before it. */
function boundaryBefore(line: LineChars, i: number): 'strong' | 'weak' | null {
  const c = line.classes;
  if (c[i - 1] === 'delim') return 'strong';
  if (c[i - 1] === 'digit') return 'weak';
  if (c[i - 1] !== 'space') return null;
  let j = i - 1;
  while (j > 0 && c[j - 1] === 'space') j--;
  return i - j >= 2 || c[j - 1] === 'delim' ? 'strong' : 'weak';
}

/** The pairs from `label` to the end of the line: its value runs until the next accepted label. */
function pairsFrom<F extends SuggestionField>(
  line: LineChars,
  label: Found<F>,
  ctx: LineReaderContext<F>,
  seen: ReadonlySet<F>,
): LinePair<F>[] {
  const { separator, valueStart } = separatorAfter(line, label.label.end);
  const n = line.chars.length;
  const own = (end: number): LinePair<F> => {
    const value = cleanValue(line, valueStart, end);
    return { match: label.match, label: label.label, value, raw: slice(line, value.start, value.end), separator };
  };
  const taken = new Set([...seen, label.match.field]);
  for (let i = valueStart + 1; i < n; i++) {
    if (['space', 'colon', 'delim'].includes(line.classes[i]) || !isBoundary(line, i)) continue;
    const boundary = boundaryBefore(line, i);
    if (!boundary) continue;
    const next = longestExact(line, i, ctx);
    if (!next || taken.has(next.match.field)) continue;
    const before = own(i);
    const after = separatorAfter(line, next.label.end);
    if (before.raw === '' || cleanValue(line, after.valueStart, n).start >= n) continue;
    const rest = pairsFrom(line, next, ctx, taken);
    // Inside free text a label-like word is usually just a word: cut only on firm evidence.
    if (ctx.isFreeText(label.match.field)) {
      if (boundary === 'weak' && after.separator !== 'colon') continue;
      if (!ctx.parses(next.match.field, rest[0].raw)) continue;
    }
    return [before, ...rest];
  }
  return [own(n)];
}

/**
 * Reads one printed line: `label：value`, `label: value`, `label value` and glued `labelvalue`,
 * several pairs in a row (`经度 113.9 纬度 22.5`, `PCI: 1  Band: n78`), a bare label, or a row of
 * bare labels. A line that starts with no label holds no pair.
 */
export function readLine<F extends SuggestionField>(text: string, ctx: LineReaderContext<F>): LineReading<F> {
  const line = lineChars(text);
  const start = contentStart(text);
  const empty: LineReading<F> = { chars: line.chars, pairs: [], labels: [] };
  const sequence = labelSequence(line, start, ctx);
  if (sequence.length) return { ...empty, labels: sequence };
  const label = startLabel(line, start, ctx);
  if (!label) return empty;
  const { valueStart } = separatorAfter(line, label.label.end);
  if (cleanValue(line, valueStart, line.chars.length).start >= line.chars.length) return { ...empty, labels: [label] };
  return { ...empty, pairs: pairsFrom(line, label, ctx, new Set()) };
}

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

/** True where a Latin word meets CJK or digits (`Sxte name渝北…`): a label may end there. */
function scriptChange(line: LineChars, i: number): boolean {
  const [before, after] = [line.classes[i - 1], line.classes[i]];
  return (before === 'latin' && (after === 'cjk' || after === 'digit')) || (before === 'cjk' && after === 'latin');
}

/**
 * A fuzzy label at the line start, ending before the first colon, a space, a change of script, or
 * at the line end (a bare label).
 */
function fuzzyStart<F extends SuggestionField>(line: LineChars, start: number, ctx: LineReaderContext<F>): Found<F> | null {
  const ends: number[] = [];
  const colon = line.classes.indexOf('colon', start);
  if (colon > start) ends.push(colon);
  for (let i = start + 1; i < line.chars.length && ends.length < 8; i++) {
    if (colon >= 0 && i >= colon) break;
    if ((line.classes[i] === 'space' && line.classes[i - 1] !== 'space') || scriptChange(line, i)) ends.push(i);
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

// A label glued to a Latin value must be long enough not to be the start of an ordinary word;
// free text, which any word parses as, needs a longer one.
const MIN_GLUED_WORD_LABEL = 4;
const MIN_GLUED_WORD_LABEL_FREE_TEXT = 5;

const restAfter = (line: LineChars, end: number): string =>
  line.chars.slice(separatorAfter(line, end).valueStart).join('').trim();

/**
 * A label whose Latin value OCR glued to it (`Severityminor`, `Bandn3`, `DescriptionGPS…`): taken
 * when the rest is a valid value, and for free text only at a lower → upper case change.
 */
function gluedWordLabel<F extends SuggestionField>(line: LineChars, start: number, ctx: LineReaderContext<F>): Found<F> | null {
  const found = longestExact(line, start, ctx, true);
  if (!found || isBoundary(line, found.label.end)) return null;
  const end = found.label.end;
  const freeText = ctx.isFreeText(found.match.field);
  const length = normalizeLabel(line.chars.slice(start, end).join('')).length;
  if (length < (freeText ? MIN_GLUED_WORD_LABEL_FREE_TEXT : MIN_GLUED_WORD_LABEL)) return null;
  if (freeText) return /\p{Ll}/u.test(line.chars[end - 1]) && /\p{Lu}/u.test(line.chars[end]) ? found : null;
  return ctx.parses(found.match.field, restAfter(line, end)) ? found : null;
}

// A misread word extends a label only when the whole is nearly the label (one slip in 8 letters).
const MIN_EXTENSION_QUALITY = 0.8;
// A word this long between a label and a colon is more label, not yet the value.
const MAX_LABEL_TAIL = 6;

/**
 * True when a word without digits sits between a label and the line's first colon (`Site ID: 3345`,
 * `站点名称编号：…`): the printed label is longer than the one found, and is another field's.
 */
function labelRunsOnToColon(line: LineChars, end: number): boolean {
  const colon = line.classes.indexOf('colon', end);
  if (colon < 0) return false;
  const tail = line.chars.slice(end, colon).join('').trim();
  return tail !== '' && !/[\s\d]/u.test(tail) && normalizeLabel(tail).length <= MAX_LABEL_TAIL;
}

/**
 * The label a line starts with: the longest exact one, unless a fuzzy one reaches a colon further
 * on, or a longer label glued to its value explains a value the short one cannot parse.
 */
function startLabel<F extends SuggestionField>(line: LineChars, start: number, ctx: LineReaderContext<F>): Found<F> | null {
  const exact = longestExact(line, start, ctx);
  if (exact && separatorAfter(line, exact.label.end).separator === 'colon') return exact;
  // `Site nane: X` starts with the alias `site`, but the whole `Site nane` is the label.
  // Only a colon proves where a longer label ends; a space might be inside the value.
  const fuzzy = fuzzyStart(line, start, ctx);
  if (fuzzy && (!exact || fuzzy.label.end > exact.label.end) && separatorAfter(line, fuzzy.label.end).separator === 'colon') {
    return fuzzy;
  }
  // A label glued to a valid value explains the line better than a loose match of all of it.
  if (!exact) return gluedWordLabel(line, start, ctx) ?? fuzzy;
  if (labelRunsOnToColon(line, exact.label.end)) return null;
  const parses = ctx.parses(exact.match.field, restAfter(line, exact.label.end));
  // `NR band n79`: a structured value that parses settles it.
  if (parses && !ctx.isFreeText(exact.match.field)) return exact;
  // `Site namx 成都…`: the alias `site` plus a misread word is the label `Site name`, not a value.
  if (fuzzy && fuzzy.match.field === exact.match.field && fuzzy.label.end > exact.label.end) {
    const words = line.chars.slice(exact.label.end, fuzzy.label.end).join('');
    const next = line.classes[fuzzy.label.end];
    const latinWords = /^[\s\p{Script=Latin}]+$/u.test(words) && next !== 'latin' && next !== 'digit';
    if (latinWords && fuzzy.match.quality >= MIN_EXTENSION_QUALITY) return fuzzy;
    // `基站名杯` alone in a cell: the alias `基站名` and one stray character is `基站名称` misread.
    const strayChar = fuzzy.label.end === line.chars.length && Array.from(words).length === 1 && line.classes[exact.label.end] === 'cjk';
    if (strayChar) return fuzzy;
  }
  // `Power supplysolar` starts with the alias `power`, but `supplysolar` is no power supply.
  if (parses) return exact;
  const glued = gluedWordLabel(line, start, ctx);
  return glued && glued.label.end > exact.label.end ? glued : exact;
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

import type { LabelMatch, LabelMatcher } from './label-matcher';
import { normalizeLabel } from './label-normalizer';
import { isBoundary, type LineChars } from './line-chars';
import type { SuggestionField } from './types';

/** Code-point positions `[start, end)` in a line. */
export interface Span {
  start: number;
  end: number;
}

/** How a value follows its label in a line: `站点名称：X`, `站点名称 X`, or glued `站点名称X`. */
export type Separator = 'colon' | 'space' | 'none';

/** A label found in a line. */
export interface LineLabel<F extends SuggestionField = SuggestionField> {
  match: LabelMatch<F>;
  label: Span;
}

/** What reading a line needs besides the text. */
export interface LineReaderContext<F extends SuggestionField> {
  matcher: LabelMatcher<F>;
  /** True when `raw` is a valid value of `field` (used to decide doubtful splits). */
  parses(field: F, raw: string): boolean;
  /** True for free-text fields, whose value may contain any words, so a split inside needs more proof. */
  isFreeText(field: F): boolean;
}

// A printed label is short; looking further than this for its end only costs time.
const RAW_LABEL_SLACK = 16;
const SEPARATING: ReadonlySet<string> = new Set(['space', 'colon', 'delim']);

/**
 * One line being read, with the label lookups it needs memoised: reading tries the same start
 * positions again for each way of splitting the line.
 */
/** A plus or minus sign, which glued to digits belongs to the number. */
const SIGN = /^[-+–−]$/u;

export class LineScan<F extends SuggestionField> {
  private readonly exactCache = new Map<string, LineLabel<F> | null>();

  constructor(
    readonly line: LineChars,
    readonly ctx: LineReaderContext<F>,
  ) {}

  get length(): number {
    return this.line.chars.length;
  }

  /** The printed text of `[start, end)`. */
  text(start: number, end: number): string {
    return this.line.chars.slice(start, end).join('');
  }

  /** True when the character at `i` is a space, colon or delimiter. */
  separates(i: number): boolean {
    return SEPARATING.has(this.line.classes[i]);
  }

  /** The value part `[start, end)` without spaces, a leading colon or dash, or trailing delimiters. */
  cleanValue(start: number, end: number): Span {
    const c = this.line.classes;
    let s = start;
    let e = end;
    while (s < e && (c[s] === 'space' || c[s] === 'colon')) s++;
    // A dash followed by a space separates (`站点名称 - X`); glued to digits it is a minus sign.
    if (s + 1 < e && /^[-–—]$/.test(this.line.chars[s]) && c[s + 1] === 'space') s += 2;
    while (s < e && c[s] === 'space') s++;
    while (e > s && (c[e - 1] === 'space' || c[e - 1] === 'delim')) e--;
    return { start: s, end: e };
  }

  /** The separator after a label ending at `end`, and where the value starts. */
  separatorAfter(end: number): { separator: Separator; valueStart: number } {
    let i = end;
    while (this.line.classes[i] === 'space') i++;
    if (this.line.classes[i] === 'colon') return { separator: 'colon', valueStart: i + 1 };
    return { separator: i > end ? 'space' : 'none', valueStart: i };
  }

  /** The whole rest of the line after a label ending at `end`, trimmed. */
  restAfter(end: number): string {
    return this.text(this.separatorAfter(end).valueStart, this.length).trim();
  }

  /**
   * The longest exact label starting at `start`, its end moved back over trailing separators.
   * `insideWord` lets it end inside a Latin word (`Severityminor`, where OCR lost the space).
   */
  exactAt(start: number, insideWord = false): LineLabel<F> | null {
    const key = `${start}:${insideWord}`;
    if (!this.exactCache.has(key)) this.exactCache.set(key, this.findExact(start, insideWord));
    return this.exactCache.get(key) ?? null;
  }

  private findExact(start: number, insideWord: boolean): LineLabel<F> | null {
    const limit = Math.min(this.length, start + this.ctx.matcher.maxLabelLength + RAW_LABEL_SLACK);
    let found: LineLabel<F> | null = null;
    for (let end = start + 1; end <= limit; end++) {
      if ((!insideWord && !isBoundary(this.line, end)) || this.line.classes[end - 1] === 'space') continue;
      // labels match without punctuation, so `经度：-` would match too and eat the value's minus sign
      if (SIGN.test(this.line.chars[end - 1]) && this.line.classes[end] === 'digit') continue;
      const match = this.ctx.matcher.exact(this.text(start, end));
      if (match) found = { match, label: { start, end } };
    }
    if (!found) return null;
    let end = found.label.end;
    while (end > start && this.separates(end - 1)) end--;
    return { match: found.match, label: { start, end } };
  }
}

/** True where a Latin word meets CJK or digits (`Sxte name渝北…`): a label may end there. */
function scriptChange<F extends SuggestionField>({ line }: LineScan<F>, i: number): boolean {
  const [before, after] = [line.classes[i - 1], line.classes[i]];
  return (before === 'latin' && (after === 'cjk' || after === 'digit')) || (before === 'cjk' && after === 'latin');
}

/**
 * A fuzzy label at the line start, ending before the first colon, a space, a change of script, or
 * at the line end (a bare label).
 */
function fuzzyStart<F extends SuggestionField>(scan: LineScan<F>, start: number): LineLabel<F> | null {
  const classes = scan.line.classes;
  const ends: number[] = [];
  const colon = classes.indexOf('colon', start);
  if (colon > start) ends.push(colon);
  for (let i = start + 1; i < scan.length && ends.length < 8; i++) {
    if (colon >= 0 && i >= colon) break;
    if ((classes[i] === 'space' && classes[i - 1] !== 'space') || scriptChange(scan, i)) ends.push(i);
  }
  ends.push(scan.length);
  let best: LineLabel<F> | null = null;
  for (const end of ends) {
    const match = scan.ctx.matcher.fuzzy(scan.text(start, end));
    if (match && (!best || match.quality >= best.match.quality)) best = { match, label: { start, end } };
  }
  if (!best) return null;
  const trimmed = scan.cleanValue(best.label.start, best.label.end);
  return { match: best.match, label: { start: best.label.start, end: Math.max(trimmed.end, best.label.start + 1) } };
}

// A label glued to a Latin value must be long enough not to be the start of an ordinary word;
// free text, which any word parses as, needs a longer one.
const MIN_GLUED_WORD_LABEL = 4;
const MIN_GLUED_WORD_LABEL_FREE_TEXT = 5;

/**
 * A label whose Latin value OCR glued to it (`Severityminor`, `Bandn3`, `DescriptionGPS…`): taken
 * when the rest is a valid value, and for free text only at a lower → upper case change.
 */
function gluedWordLabel<F extends SuggestionField>(scan: LineScan<F>, start: number): LineLabel<F> | null {
  const found = scan.exactAt(start, true);
  if (!found || isBoundary(scan.line, found.label.end)) return null;
  const end = found.label.end;
  const freeText = scan.ctx.isFreeText(found.match.field);
  const length = normalizeLabel(scan.text(start, end)).length;
  if (length < (freeText ? MIN_GLUED_WORD_LABEL_FREE_TEXT : MIN_GLUED_WORD_LABEL)) return null;
  const chars = scan.line.chars;
  if (freeText) return /\p{Ll}/u.test(chars[end - 1]) && /\p{Lu}/u.test(chars[end]) ? found : null;
  return scan.ctx.parses(found.match.field, scan.restAfter(end)) ? found : null;
}

// A misread word extends a label only when the whole is nearly the label (one slip in 8 letters).
const MIN_EXTENSION_QUALITY = 0.8;
// A word this long between a label and a colon is more label, not yet the value.
const MAX_LABEL_TAIL = 6;

/**
 * True when a short word runs on from a label to the line's first colon, glued to it
 * (`站点名称编号：…`) or a Latin word after a Latin label (`Site ID: 3345`): the printed label is
 * longer than the one found, and is another field's. (`站点名称 南京路：东段` is a value with a colon.)
 */
function labelRunsOnToColon<F extends SuggestionField>(scan: LineScan<F>, end: number): boolean {
  const colon = scan.line.classes.indexOf('colon', end);
  if (colon < 0) return false;
  const tail = scan.text(end, colon).trim();
  if (tail === '' || /[\s\d]/u.test(tail) || normalizeLabel(tail).length > MAX_LABEL_TAIL) return false;
  const glued = scan.line.classes[end] !== 'space';
  return glued || (scan.line.classes[end - 1] === 'latin' && /^\p{Script=Latin}+$/u.test(tail));
}

/** True when `fuzzy` is `exact` plus a misread word or character of the same field's label. */
function misreadExtension<F extends SuggestionField>(scan: LineScan<F>, exact: LineLabel<F>, fuzzy: LineLabel<F> | null): boolean {
  if (!fuzzy || fuzzy.match.field !== exact.match.field || fuzzy.label.end <= exact.label.end) return false;
  const words = scan.text(exact.label.end, fuzzy.label.end);
  const next = scan.line.classes[fuzzy.label.end];
  // `Site namx 成都…`: the alias `site` plus a misread word is the label `Site name`, not a value.
  const latinWords = /^[\s\p{Script=Latin}]+$/u.test(words) && next !== 'latin' && next !== 'digit';
  if (latinWords) return fuzzy.match.quality >= MIN_EXTENSION_QUALITY;
  // `基站名杯` alone in a cell: the alias `基站名` and one stray character is `基站名称` misread.
  return fuzzy.label.end === scan.length && Array.from(words).length === 1 && scan.line.classes[exact.label.end] === 'cjk';
}

/**
 * The label a line starts with: the longest exact one, unless a fuzzy one reaches a colon further
 * on, or a longer (misread or glued) label explains the line better.
 */
export function startLabel<F extends SuggestionField>(scan: LineScan<F>, start: number): LineLabel<F> | null {
  const exact = scan.exactAt(start);
  if (exact && scan.separatorAfter(exact.label.end).separator === 'colon') return exact;
  // `Site nane: X` starts with the alias `site`, but the whole `Site nane` is the label.
  // Only a colon proves where a longer label ends; a space might be inside the value.
  const fuzzy = fuzzyStart(scan, start);
  if (fuzzy && (!exact || fuzzy.label.end > exact.label.end) && scan.separatorAfter(fuzzy.label.end).separator === 'colon') {
    return fuzzy;
  }
  // A label glued to a valid value explains the line better than a loose match of all of it.
  if (!exact) return gluedWordLabel(scan, start) ?? fuzzy;
  if (labelRunsOnToColon(scan, exact.label.end)) return null;
  const parses = scan.ctx.parses(exact.match.field, scan.restAfter(exact.label.end));
  // `NR band n79`: a structured value that parses settles it.
  if (parses && !scan.ctx.isFreeText(exact.match.field)) return exact;
  if (misreadExtension(scan, exact, fuzzy)) return fuzzy;
  // `Power supplysolar` starts with the alias `power`, but `supplysolar` is no power supply.
  if (parses) return exact;
  const glued = gluedWordLabel(scan, start);
  return glued && glued.label.end > exact.label.end ? glued : exact;
}

/** Labels separated by spaces or delimiters filling the whole line: a header row read as one line. */
export function labelSequence<F extends SuggestionField>(scan: LineScan<F>, start: number): LineLabel<F>[] {
  const labels: LineLabel<F>[] = [];
  let i = start;
  for (;;) {
    while (i < scan.length && scan.separates(i)) i++;
    if (i >= scan.length) break;
    const found = scan.exactAt(i);
    if (!found) return [];
    if (found.label.end < scan.length && !scan.separates(found.label.end)) return [];
    labels.push(found);
    i = found.label.end;
  }
  return labels.length >= 2 ? labels : [];
}

import { labelSequence, LineScan, startLabel, type LineLabel, type LineReaderContext, type Separator, type Span } from './label-spans';
import { contentStart, isBoundary, lineChars } from './line-chars';
import type { SuggestionField } from './types';

export type { LineLabel, LineReaderContext, Separator, Span } from './label-spans';

/** A label and its value found in one line. */
export interface LinePair<F extends SuggestionField = SuggestionField> {
  match: LineLabel<F>['match'];
  label: Span;
  value: Span;
  /** The value's text as printed (trimmed of separators). */
  raw: string;
  separator: Separator;
}

/** What one line holds: pairs, or bare labels, or neither (a value or noise). */
export interface LineReading<F extends SuggestionField = SuggestionField> {
  chars: string[];
  pairs: LinePair<F>[];
  labels: LineLabel<F>[];
}

/** How firmly a label starting mid-line at `i` is cut off from the value before it. */
function boundaryBefore<F extends SuggestionField>({ line }: LineScan<F>, i: number): 'strong' | 'weak' | null {
  const c = line.classes;
  if (c[i - 1] === 'delim') return 'strong';
  if (c[i - 1] === 'digit') return 'weak';
  if (c[i - 1] !== 'space') return null;
  let j = i - 1;
  while (j > 0 && c[j - 1] === 'space') j--;
  return i - j >= 2 || c[j - 1] === 'delim' ? 'strong' : 'weak';
}

/** The pairs from `label` to the end of the line: its value runs until the next accepted label. */
function pairsFrom<F extends SuggestionField>(scan: LineScan<F>, label: LineLabel<F>, seen: ReadonlySet<F>): LinePair<F>[] {
  const { separator, valueStart } = scan.separatorAfter(label.label.end);
  const n = scan.length;
  const own = (end: number): LinePair<F> => {
    const value = scan.cleanValue(valueStart, end);
    return { match: label.match, label: label.label, value, raw: scan.text(value.start, value.end), separator };
  };
  const taken = new Set([...seen, label.match.field]);
  const freeText = scan.ctx.isFreeText(label.match.field);
  for (let i = valueStart + 1; i < n; i++) {
    if (scan.separates(i) || !isBoundary(scan.line, i)) continue;
    const boundary = boundaryBefore(scan, i);
    if (!boundary) continue;
    const next = scan.exactAt(i);
    if (!next || taken.has(next.match.field)) continue;
    const after = scan.separatorAfter(next.label.end);
    // Inside free text a label-like word is usually just a word: cut only on firm evidence.
    if (freeText && boundary === 'weak' && after.separator !== 'colon') continue;
    const before = own(i);
    if (before.raw === '' || scan.cleanValue(after.valueStart, n).start >= n) continue;
    const rest = pairsFrom(scan, next, taken);
    if (freeText && !scan.ctx.parses(next.match.field, rest[0].raw)) continue;
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
  const scan = new LineScan(lineChars(text), ctx);
  const start = contentStart(text);
  const empty: LineReading<F> = { chars: scan.line.chars, pairs: [], labels: [] };
  const sequence = labelSequence(scan, start);
  if (sequence.length) return { ...empty, labels: sequence };
  const label = startLabel(scan, start);
  if (!label) return empty;
  const { valueStart } = scan.separatorAfter(label.label.end);
  if (scan.cleanValue(valueStart, scan.length).start >= scan.length) return { ...empty, labels: [label] };
  return { ...empty, pairs: pairsFrom(scan, label, new Set()) };
}

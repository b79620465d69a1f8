import { weakestChar } from './char-confidence';
import { charSpanFractions, fromFrame, pageAngle, subQuad, toFrame, unionRect, type Rect } from './geometry';
import { layoutLinks, type LayoutUnit } from './layout-pairs';
import type { LabelMatch } from './label-matcher';
import { readLine, type LineReaderContext, type LineReading, type Separator } from './line-pairs';
import type { OcrLineInput, Quad, SuggestionField } from './types';

/** One way of reading a value for a field off a page, before candidates compete. */
export interface Candidate<F extends SuggestionField = SuggestionField> {
  match: LabelMatch<F>;
  raw: string;
  /** Lines of the page, label first. */
  lines: number[];
  box: Quad;
  /** OCR confidence of the lines involved (the lowest). */
  ocr: number;
  /** The weakest character confidence of the value's characters in its line; null when unknown. */
  weakestChar: number | null;
  /** How sure the layout makes the pairing, 0–1. */
  layout: number;
  /** Set when the value is a line of its own that only one label may take. */
  valueKey: string | null;
}

// A colon states the pairing; a space nearly does; glued text (`站址勘察信息表`) may be a title.
const SEPARATOR_CERTAINTY: Record<Separator, number> = { colon: 1, space: 0.97, none: 0.85 };
const LAYOUT_CERTAINTY = { right: 0.95, below: 0.9 } as const;

const confidenceOf = (line: OcrLineInput): number =>
  typeof line.confidence === 'number' && Number.isFinite(line.confidence) ? Math.min(1, Math.max(0, line.confidence)) : 1;

const isQuad = (box: unknown): boolean =>
  Array.isArray(box) && box.length === 4 && box.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]));

/** Where the value of a line standing alone as a value lies, in code points: trimmed, without a colon left from its label. */
function standaloneSpan(text: string): { start: number; end: number } {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  const space = (c: string) => c.trim() === '';
  while (start < end && space(chars[start])) start++;
  if (start < end && /^[:：=]$/u.test(chars[start])) {
    start++;
    while (start < end && space(chars[start])) start++;
  }
  while (end > start && space(chars[end - 1])) end--;
  while (end > start && /^[,;，；、|]$/u.test(chars[end - 1])) end--;
  while (end > start && space(chars[end - 1])) end--;
  return { start, end };
}

/** The value text of a line standing alone as a value: trimmed, without a colon left from its label. */
function standaloneValue(text: string): string {
  const { start, end } = standaloneSpan(text);
  return Array.from(text).slice(start, end).join('');
}

/**
 * True when a line's pairs are doubtful: no colon, and no value parses (`电话无法接通` in a table
 * cell starts with the label `电话`). Such a line may still be another label's value.
 */
function doubtfulPairs<F extends SuggestionField>(reading: LineReading<F>, ctx: LineReaderContext<F>): boolean {
  return reading.pairs.length > 0 && reading.pairs.every((p) => p.separator !== 'colon' && !ctx.parses(p.match.field, p.raw));
}

function inlineCandidates<F extends SuggestionField>(
  reading: LineReading<F>,
  line: OcrLineInput,
  index: number,
  valueKey: string | null,
): Candidate<F>[] {
  return reading.pairs.map((pair) => {
    const [from, to] = charSpanFractions(reading.chars, pair.label.start, pair.value.end);
    // A line holding one pair is its own box; one of several gets its share of the line.
    const box = reading.pairs.length === 1 ? line.box : subQuad(line.box, from, to);
    return {
      match: pair.match,
      raw: pair.raw,
      lines: [index],
      box,
      ocr: confidenceOf(line),
      weakestChar: weakestChar(line, pair.value.start, pair.value.end),
      layout: SEPARATOR_CERTAINTY[pair.separator],
      valueKey,
    };
  });
}

interface PageUnit<F extends SuggestionField> extends LayoutUnit {
  line: number;
  match?: LabelMatch<F>;
}

function pageUnits<F extends SuggestionField>(
  lines: readonly OcrLineInput[],
  readings: LineReading<F>[],
  doubtful: boolean[],
  angle: number,
): PageUnit<F>[] {
  const units: PageUnit<F>[] = [];
  lines.forEach((line, index) => {
    const reading = readings[index];
    const rect = toFrame(line.box, angle);
    // A line without a usable box can still hold pairs, but has no place in the layout.
    if (!isQuad(line.box)) units.push({ rect, role: 'other', line: index });
    else if (reading.pairs.length) units.push({ rect, role: doubtful[index] ? 'value' : 'other', line: index });
    else if (reading.labels.length === 1) units.push({ rect, role: 'label', line: index, match: reading.labels[0].match });
    else if (reading.labels.length > 1) {
      // A header row read as one line: each label gets its share of the line, to find its column.
      for (const label of reading.labels) {
        const [from, to] = charSpanFractions(reading.chars, label.label.start, label.label.end);
        units.push({ rect: toFrame(subQuad(line.box, from, to), angle), role: 'label', line: index, match: label.match });
      }
    } else units.push({ rect, role: standaloneValue(line.text) ? 'value' : 'other', line: index });
  });
  return units;
}

/**
 * Every candidate value of one page: pairs read inside lines, and bare labels paired by position
 * with a value line to their right (table row) or under them (stacked form, header row).
 */
export function pageCandidates<F extends SuggestionField>(
  lines: readonly OcrLineInput[],
  ctx: LineReaderContext<F>,
  pageKey: string,
): Candidate<F>[] {
  const readings = lines.map((line) => readLine(line.text, ctx));
  const doubtful = readings.map((reading) => doubtfulPairs(reading, ctx));
  // A doubtful line's own pairs and a label's claim on it as a value compete for the same line.
  const candidates = lines.flatMap((line, index) =>
    inlineCandidates(readings[index], line, index, doubtful[index] ? `${pageKey}:${index}` : null),
  );
  const angle = pageAngle(lines.map((l) => l.box).filter(isQuad));
  const units = pageUnits(lines, readings, doubtful, angle);
  for (const link of layoutLinks(units)) {
    const label = units[link.label];
    const value = units[link.value];
    if (!label.match) continue;
    const rects: Rect[] = [label.rect, value.rect];
    const span = standaloneSpan(lines[value.line].text);
    candidates.push({
      match: label.match,
      raw: standaloneValue(lines[value.line].text),
      lines: [label.line, value.line],
      box: fromFrame(unionRect(rects), angle),
      ocr: Math.min(confidenceOf(lines[label.line]), confidenceOf(lines[value.line])),
      weakestChar: weakestChar(lines[value.line], span.start, span.end),
      layout: LAYOUT_CERTAINTY[link.kind] * link.fit,
      valueKey: `${pageKey}:${value.line}`,
    });
  }
  return candidates;
}

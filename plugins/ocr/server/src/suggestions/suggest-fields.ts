import { LabelMatcher } from './label-matcher';
import type { LineReaderContext } from './line-pairs';
import { pageCandidates, type Candidate } from './page-candidates';
import type { Leftover, SuggestInput, SuggestionField, SuggestResult, Suggestion, UnparsedSuggestion } from './types';
import { createValueReader, type ValueReading } from './value-reader';

// A value that only parsed after an OCR repair is likelier to be wrong.
const REPAIRED_CERTAINTY = 0.9;

interface Scored<F extends SuggestionField> extends Candidate<F> {
  page: number;
  fieldIndex: number;
  reading: Exclude<ValueReading, { status: 'blank' }>;
  score: number;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const round4 = (n: number): number => Math.round(n * 10000) / 10000;

/** Deterministic order of competing candidates: parsed first, then score, then page and line order. */
function compareCandidates<F extends SuggestionField>(a: Scored<F>, b: Scored<F>): number {
  const parsed = Number(b.reading.status === 'ok') - Number(a.reading.status === 'ok');
  return parsed || b.score - a.score || a.page - b.page || a.lines[0] - b.lines[0] || a.fieldIndex - b.fieldIndex;
}

/** Keeps the best candidate per field, each value line used once; parsed values before refused ones. */
function selectCandidates<F extends SuggestionField>(candidates: Scored<F>[]): Scored<F>[] {
  const fieldsTaken = new Set<number>();
  const valuesTaken = new Set<string>();
  const chosen: Scored<F>[] = [];
  for (const candidate of [...candidates].sort(compareCandidates)) {
    if (fieldsTaken.has(candidate.fieldIndex)) continue;
    if (candidate.valueKey !== null && valuesTaken.has(candidate.valueKey)) continue;
    fieldsTaken.add(candidate.fieldIndex);
    if (candidate.valueKey !== null) valuesTaken.add(candidate.valueKey);
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.fieldIndex - b.fieldIndex);
}

/**
 * Proposes at most one canonical value per field from the OCR lines of a ticket's photos: pairs
 * from labels and values in a line, table rows, stacked forms and header rows; values parsed by
 * the field type's `parse` and `check` (refused ones go to `meta.unparsed`); lines that fed nothing are
 * `meta.leftovers`. Each value carries its weakest character's OCR confidence, and is `unsure`
 * below `unsureBelow`.
 */
export function suggestFields<F extends SuggestionField, I>(input: SuggestInput<F, I>): SuggestResult<I> {
  const { fields, images, unsureBelow = 0 } = input;
  const matcher = new LabelMatcher(fields);
  const read = createValueReader(input.reader);
  const ctx: LineReaderContext<F> = {
    matcher,
    parses: (field, raw) => read(field, raw).status === 'ok',
    isFreeText: (field) => input.reader.isFreeText(field),
  };
  const fieldIndex = new Map(fields.map((f, i) => [f, i]));

  const scored: Scored<F>[] = [];
  images.forEach((image, page) => {
    for (const candidate of pageCandidates(image.lines, ctx, String(page))) {
      const reading = read(candidate.match.field, candidate.raw);
      if (reading.status === 'blank') continue;
      const repaired = reading.status === 'ok' && reading.repaired ? REPAIRED_CERTAINTY : 1;
      const score = candidate.ocr * candidate.match.quality * candidate.layout * repaired;
      scored.push({ ...candidate, page, fieldIndex: fieldIndex.get(candidate.match.field) ?? 0, reading, score });
    }
  });

  const data: Suggestion<I>[] = [];
  const unparsed: UnparsedSuggestion<I>[] = [];
  const used = images.map(() => new Set<number>());
  for (const c of selectCandidates(scored)) {
    const source = { image: images[c.page].image, lines: c.lines, box: c.box };
    const field = c.match.field.key;
    if (c.reading.status === 'ok') {
      const minCharConfidence = c.weakestChar === null ? null : round4(c.weakestChar);
      const unsure = minCharConfidence !== null && minCharConfidence < unsureBelow;
      data.push({ field, value: c.reading.value, raw: c.raw, confidence: round3(c.score), minCharConfidence, unsure, source });
    }
    else unparsed.push({ field, raw: c.raw, error: c.reading.error, source });
    c.lines.forEach((line) => used[c.page].add(line));
  }

  const leftovers: Leftover<I>[] = images.flatMap((image, page) =>
    image.lines.flatMap((line, index) =>
      used[page].has(index) || line.text.trim() === '' ? [] : [{ image: image.image, line: index, text: line.text }],
    ),
  );
  return { data, meta: { unparsed, leftovers } };
}

import Fuse from 'fuse.js';
import { editDistance } from './edit-distance';
import { foldConfusables, normalizeLabel } from './label-normalizer';
import type { SuggestionField } from './types';

/** How a text was recognised as a field's label. */
export type MatchKind = 'exact' | 'folded' | 'fuzzy';

/** A text recognised as the label of `field`; `quality` is 1 for an exact match, less when fuzzy. */
export interface LabelMatch<F extends SuggestionField = SuggestionField> {
  field: F;
  kind: MatchKind;
  quality: number;
}

// A label, the key and the aliases all name the field; when two fields share a text, a label
// beats a key beats an alias, and a tie leaves the text to nobody.
const PRIORITY = { label: 0, key: 1, alias: 2 } as const;
const FOLDED_QUALITY = 0.95;
// Fuse only preselects; the decision below is an edit distance the tests can reason about.
const FUSE_THRESHOLD = 0.4;
// Fuzzy matching needs a few characters to be meaningful (`lat` vs `lot` would be a guess).
const MIN_FUZZY_LENGTH = 4;

interface Entry<F> {
  field: F;
  priority: number;
}

/** Edits a fuzzy label may have: one per three characters beyond the first (4 → 1, 7 → 2, 10 → 3). */
export function allowedEdits(length: number): number {
  return Math.max(0, Math.floor((length - 1) / 3));
}

function addEntry<F>(map: Map<string, Entry<F> | null>, text: string, entry: Entry<F>): void {
  if (text === '') return;
  const existing = map.get(text);
  if (existing === undefined || (existing !== null && entry.priority < existing.priority)) {
    map.set(text, entry);
  } else if (existing !== null && entry.priority === existing.priority && existing.field !== entry.field) {
    map.set(text, null);
  }
}

/**
 * Recognises field labels: exact after normalisation on the labels (every locale), the key and
 * the aliases; then the same with OCR look-alike glyphs folded; then fuzzily (fuse.js preselects,
 * a strict edit-distance bound decides) so `小区名称` is not taken for `站点名称`.
 */
export class LabelMatcher<F extends SuggestionField = SuggestionField> {
  private readonly exactMap = new Map<string, Entry<F> | null>();
  private readonly foldedMap = new Map<string, Entry<F> | null>();
  private readonly fuse: Fuse<{ text: string; field: F }>;
  /** The longest normalised label, to bound how far callers look for one. */
  readonly maxLabelLength: number;

  constructor(fields: readonly F[]) {
    const texts: { text: string; field: F }[] = [];
    for (const field of fields) {
      const named: [string, number][] = [
        ...Object.values(field.label).map((t): [string, number] => [t, PRIORITY.label]),
        [field.key, PRIORITY.key],
        ...(field.aliases ?? []).map((t): [string, number] => [t, PRIORITY.alias]),
      ];
      for (const [text, priority] of named) {
        const normalized = normalizeLabel(text);
        addEntry(this.exactMap, normalized, { field, priority });
        addEntry(this.foldedMap, foldConfusables(normalized), { field, priority });
        if (normalized !== '') texts.push({ text: foldConfusables(normalized), field });
      }
    }
    this.maxLabelLength = Math.max(0, ...texts.map((t) => Array.from(t.text).length));
    this.fuse = new Fuse(texts, {
      keys: ['text'],
      includeScore: true,
      isCaseSensitive: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: FUSE_THRESHOLD,
    });
  }

  /** The field whose label is `text` after normalisation (or after folding look-alike glyphs). */
  exact(text: string): LabelMatch<F> | null {
    const normalized = normalizeLabel(text);
    if (normalized === '') return null;
    const exact = this.exactMap.get(normalized);
    if (exact) return { field: exact.field, kind: 'exact', quality: 1 };
    if (exact === null) return null;
    const folded = this.foldedMap.get(foldConfusables(normalized));
    return folded ? { field: folded.field, kind: 'folded', quality: FOLDED_QUALITY } : null;
  }

  /** The one field whose label is within the edit bound of `text`; null when none or several are. */
  fuzzy(text: string): LabelMatch<F> | null {
    const query = foldConfusables(normalizeLabel(text));
    const length = Array.from(query).length;
    if (length < MIN_FUZZY_LENGTH || length > this.maxLabelLength + 3) return null;
    const best = new Map<F, number>();
    for (const hit of this.fuse.search(query)) {
      const span = Math.max(length, Array.from(hit.item.text).length);
      const distance = editDistance(query, hit.item.text);
      // The text is a label as it stands: `exact` decides, never a near neighbour of it.
      if (distance === 0) return null;
      if (distance > allowedEdits(span)) continue;
      const similarity = 1 - distance / span;
      best.set(hit.item.field, Math.max(best.get(hit.item.field) ?? 0, similarity));
    }
    const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0) return null;
    // Two fields equally close: the text could be either, so it is neither.
    if (ranked.length > 1 && ranked[1][1] === ranked[0][1]) return null;
    return { field: ranked[0][0], kind: 'fuzzy', quality: ranked[0][1] * FOLDED_QUALITY };
  }

  /** Exact (or folded) first, then fuzzy. */
  match(text: string): LabelMatch<F> | null {
    return this.exact(text) ?? this.fuzzy(text);
  }
}

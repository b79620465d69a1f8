import Fuse from 'fuse.js';
import type { FieldDefinition } from '../clients/ticketing-plugin';
import { editDistance } from './edit-distance';
import { normalizeHeader } from './normalize-header';

/** How a header was recognised: the field's key or a label, an alias, a near spelling of one, or one with a qualifier. */
export type MatchKind = 'exact' | 'alias' | 'fuzzy' | 'qualified';

/** A field a header names, with the match's confidence (1 for a key or label). */
export interface HeaderMatch {
  field: string;
  kind: MatchKind;
  score: number;
}

const ALIAS_SCORE = 0.95;
// a fuzzy match is never as sure as a named one
const FUZZY_CEILING = 0.9;
// fuse only preselects candidates; the edit-distance bound below decides
const FUSE_THRESHOLD = 0.45;
const MAX_FUZZY_LENGTH = 64;
// `故障发生时间`, `Fault description`: a whole name at the start or end of a longer header
const QUALIFIED_SCORE = 0.8;
const QUALIFIED_SHARE = 0.5;
const MIN_QUALIFIED_LATIN = 6;
const MIN_QUALIFIED_CJK = 2;
const CJK = /\p{Script=Han}/u;

interface Name {
  text: string;
  field: string;
  kind: Exclude<MatchKind, 'fuzzy'>;
}

/**
 * Edits a fuzzy header may have: one per three characters beyond the first (4 → 1, 7 → 2,
 * 10 → 3). `Lattitude` and `Desciption` are one edit from their field; `小区名称` is two from
 * `站点名称` and `恢复时间` two from `发生时间`, so look-alike columns stay unmapped.
 */
export function allowedEdits(length: number): number {
  return Math.max(0, Math.floor((length - 1) / 3));
}

const digitsOf = (text: string) => text.replace(/\D+/g, '');

/**
 * Matches header cells to a ticket type's fields: exact on the key, both labels and the aliases
 * after normalisation, then fuzzily (fuse.js preselects, an edit-distance bound decides), then
 * a whole name with a qualifier around it. A
 * header whose digits differ from a name's (`备注2`) is another column, never a near spelling.
 */
export class HeaderMatcher {
  private readonly exact = new Map<string, HeaderMatch | null>();
  private readonly fuse: Fuse<Name>;

  constructor(readonly fields: FieldDefinition[]) {
    const names: Name[] = [];
    for (const field of fields) {
      const named: [string, Name['kind']][] = [
        [field.key, 'exact'],
        ...Object.values(field.label).map((t): [string, Name['kind']] => [t, 'exact']),
        ...(field.aliases ?? []).map((t): [string, Name['kind']] => [t, 'alias']),
      ];
      for (const [raw, kind] of named) {
        const text = normalizeHeader(raw);
        if (!text) continue;
        names.push({ text, field: field.key, kind });
        const match: HeaderMatch = { field: field.key, kind, score: kind === 'exact' ? 1 : ALIAS_SCORE };
        const existing = this.exact.get(text);
        // two fields sharing a name: the better kind wins, a tie leaves the name to nobody
        if (existing === undefined || (existing && match.score > existing.score)) this.exact.set(text, match);
        else if (existing && existing.field !== match.field && existing.score === match.score) this.exact.set(text, null);
      }
    }
    this.fuse = new Fuse(names, {
      keys: ['text'],
      includeScore: true,
      isCaseSensitive: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: FUSE_THRESHOLD,
    });
  }

  /** The field a header names, or null. */
  match(header: string): HeaderMatch | null {
    const text = normalizeHeader(header);
    if (!text) return null;
    const exact = this.exact.get(text);
    if (exact !== undefined) return exact;
    if (text.length > MAX_FUZZY_LENGTH) return null;
    let best: { field: string; edits: number; length: number } | null = null;
    let tie = false;
    for (const hit of this.fuse.search(text)) {
      const name = hit.item;
      if (digitsOf(name.text) !== digitsOf(text)) continue;
      // bounded by the shorter text: a longer header with words added is not a near spelling
      const length = Math.min(Array.from(text).length, Array.from(name.text).length);
      const edits = editDistance(text, name.text);
      if (edits === 0 || edits > allowedEdits(length)) continue;
      if (!best || edits < best.edits) {
        best = { field: name.field, edits, length };
        tie = false;
      } else if (edits === best.edits && name.field !== best.field) tie = true;
    }
    if (best && !tie) return { field: best.field, kind: 'fuzzy', score: Math.round(FUZZY_CEILING * (1 - best.edits / best.length) * 100) / 100 };
    return tie ? null : this.qualified(text);
  }

  /**
   * A header that is a field's name with a qualifier before or after it (`故障发生时间`,
   * `Fault description`, `站点经度`): the name must be at least half the header, long enough to
   * mean something (two Chinese characters, six Latin ones: `time` in `Recovery time` is not
   * enough), and name one field only. Digits must agree, as for near spellings.
   */
  private qualified(text: string): HeaderMatch | null {
    const length = Array.from(text).length;
    let found: { field: string; length: number } | null = null;
    let tie = false;
    for (const [name, match] of this.exact) {
      if (!match || name === text || !(text.startsWith(name) || text.endsWith(name))) continue;
      const nameLength = Array.from(name).length;
      const minimum = CJK.test(name) ? MIN_QUALIFIED_CJK : MIN_QUALIFIED_LATIN;
      if (nameLength < minimum || nameLength / length < QUALIFIED_SHARE || digitsOf(name) !== digitsOf(text)) continue;
      if (!found || nameLength > found.length) {
        tie = false;
        found = { field: match.field, length: nameLength };
      } else if (nameLength === found.length && match.field !== found.field) tie = true;
    }
    return found && !tie ? { field: found.field, kind: 'qualified', score: QUALIFIED_SCORE } : null;
  }
}

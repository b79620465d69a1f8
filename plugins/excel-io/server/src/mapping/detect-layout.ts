import type { TypeDefinition } from '../clients/ticketing-plugin';
import type { SheetHead } from '../reading/spreadsheet';
import { HeaderMatcher } from './header-matcher';
import { findHeaderRow, type HeaderGuess } from './layout';

/** A second type fitting this close to the best makes the choice the user's. */
const AMBIGUOUS_RATIO = 0.85;

/** Where the data is: the ticket type, its sheet and header row, and how the others fitted. */
export interface Layout {
  definition: TypeDefinition;
  matcher: HeaderMatcher;
  sheet: SheetHead;
  header: HeaderGuess;
  /** Every sheet looked at for the chosen type, with its fit (0 when no header row was found). */
  sheets: { name: string; fit: number; headerRow: number | null }[];
  /** Every type looked at, best first. */
  candidates: { ticketType: string; fit: number }[];
}

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; reason: 'no-match' | 'ambiguous'; candidates: { ticketType: string; fit: number }[] };

interface TypeFit {
  definition: TypeDefinition;
  matcher: HeaderMatcher;
  best: { sheet: SheetHead; header: HeaderGuess } | null;
  sheets: Layout['sheets'];
}

function fitType(definition: TypeDefinition, heads: SheetHead[]): TypeFit {
  const matcher = new HeaderMatcher(definition.fields);
  let best: TypeFit['best'] = null;
  const sheets: Layout['sheets'] = [];
  for (const sheet of heads) {
    const header = findHeaderRow(sheet.rows, matcher, definition.fields);
    sheets.push({ name: sheet.name, fit: header?.fit ?? 0, headerRow: header?.row ?? null });
    // the sheet whose header fits best; the first on a tie
    if (header && (!best || header.fit > best.header.fit)) best = { sheet, header };
  }
  return { definition, matcher, best, sheets };
}

/**
 * Finds the ticket type, sheet and header row of a file from the first rows of each sheet: per
 * type the sheet whose header row names the most of its fields; across types the best fit,
 * unless a second type fits nearly as well (then the caller must name the type).
 */
export function detectLayout(heads: SheetHead[], types: TypeDefinition[]): LayoutResult {
  const fits = types.map((definition) => fitType(definition, heads));
  const candidates = fits
    .map((f) => ({ ticketType: f.definition.key, fit: f.best?.header.fit ?? 0 }))
    .sort((a, b) => b.fit - a.fit);
  const [first, second] = candidates;
  if (!first || first.fit <= 0) return { ok: false, reason: 'no-match', candidates };
  if (second && second.fit > 0 && second.fit >= first.fit * AMBIGUOUS_RATIO) return { ok: false, reason: 'ambiguous', candidates };
  const chosen = fits.find((f) => f.definition.key === first.ticketType) as TypeFit;
  const best = chosen.best as NonNullable<TypeFit['best']>;
  return {
    ok: true,
    layout: { definition: chosen.definition, matcher: chosen.matcher, sheet: best.sheet, header: best.header, sheets: chosen.sheets, candidates },
  };
}

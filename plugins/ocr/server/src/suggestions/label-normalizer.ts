// A unit in brackets at the end of a label: `经度(°)`, `塔高（m）`, `Height [m]`, `物理小区标识(PCI)`.
// NFKC has already turned full-width parentheses into ASCII ones; 【】 have no compatibility form.
const TRAILING_BRACKETED = /\s*[([{【〔][^()[\]{}【】〔〕]{0,12}[)\]}】〕]$/u;
const TRAILING_SEPARATORS = /[\s:=∶]+$/u;
// Everything that is not part of a label's identity: spaces, punctuation (`-`, `_`, `.`), symbols (`°`).
const NOISE = /[\s\p{P}\p{S}]+/gu;

/**
 * The comparable form of a label: NFKC (full-width → half-width), lower case, without a trailing
 * colon or bracketed unit, without whitespace and punctuation (`Tower height (m):` → `towerheight`).
 */
export function normalizeLabel(text: string): string {
  let label = text.normalize('NFKC').toLowerCase().replace(TRAILING_SEPARATORS, '');
  // Strip once: `Height [m]` is a label with a unit, `(m)` alone would be no label at all.
  const stripped = label.replace(TRAILING_BRACKETED, '');
  if (stripped.replace(NOISE, '') !== '') label = stripped;
  return label.replace(NOISE, '');
}

// Glyphs OCR confuses in Latin labels (`PCl` for `PCI`, `0` for `O`); both sides are folded alike.
const CONFUSABLES: Record<string, string> = { l: 'i', '1': 'i', '|': 'i', '0': 'o' };

/** A normalised label with OCR look-alike glyphs folded together (`pcl` → `pci`). */
export function foldConfusables(normalized: string): string {
  return normalized.replace(/[l1|0]/g, (c) => CONFUSABLES[c]);
}

// A unit in brackets at the end of a header: `经度(°)`, `塔高（m）`, `Height [m]`, `经度 【°】`.
// NFKC has already turned full-width brackets into ASCII ones; 【】〔〕 have no compatibility form.
const TRAILING_UNIT = /\s*[([{【〔][^()[\]{}【】〔〕]{0,12}[)\]}】〕]\s*$/u;
// Marks of a required column (`*站点名称`, `故障级别*`) and trailing separators (`站点名称：`).
const EDGE_MARKS = /^[\s*＊※]+|[\s*＊※:：=]+$/gu;
// Everything that is not part of a header's identity: whitespace (line breaks inside a cell too), punctuation, symbols.
const NOISE = /[\s\p{P}\p{S}]+/gu;

/**
 * The comparable form of a header cell: NFKC (full-width forms → half-width), lower case,
 * without required-marks, a trailing bracketed unit, whitespace and punctuation
 * (` *Tower height (m)` → `towerheight`, `联系 电话` → `联系电话`, `fault_type` → `faulttype`).
 */
export function normalizeHeader(text: string): string {
  let header = text.normalize('NFKC').toLowerCase().replace(EDGE_MARKS, '');
  // strip one unit: `(m)` alone would then be no header at all, so keep it in that case
  const stripped = header.replace(TRAILING_UNIT, '').replace(EDGE_MARKS, '');
  if (stripped.replace(NOISE, '') !== '') header = stripped;
  return header.replace(NOISE, '');
}

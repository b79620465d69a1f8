const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * Text the platform refuses at the door: PostgreSQL cannot store NUL in text or jsonb (its
 * error would escape as a 500), and a lone UTF-16 surrogate is no character at all (it would
 * be stored as U+FFFD, a silent change of what the client sent).
 */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate';
  return null;
}

/** Where in `value` the first refused string (or object key) is, and why; null when there is none. */
export function findHostileText(value: unknown, at = ''): { at: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { at: at || '(value)', problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findHostileText(value[i], `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) return { at: `${at}${at ? '.' : ''}${JSON.stringify(key).slice(1, -1)} (a key)`, problem };
      const found = findHostileText(item, at ? `${at}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

// Bidi embeddings, overrides and isolates, and the marks: they make `invoice‮gpj.exe` show as `invoiceexe.jpg`
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// C0 and C1 controls (a tab or line break in a file name is no more honest)
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * A file name as the platform keeps it: bidi and control characters removed, so the name shows
 * what the file is; a name left empty becomes `file`.
 */
export function safeFileName(name: string): string {
  const cleaned = name.replace(BIDI_CONTROLS, '').replace(CONTROLS, '').replace(LONE_SURROGATES, '').trim();
  return cleaned || 'file';
}

import { InvalidError } from 'strapi-plugin-access';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../field-types';

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/**
 * The locale a request asks for: `?locale=` (which must be one we ship, else 400),
 * then the first supported `Accept-Language` entry, then zh-CN.
 */
export function requestLocale(query: Record<string, unknown>, acceptLanguage?: string): Locale {
  const asked = query.locale;
  if (asked !== undefined) {
    if (typeof asked === 'string' && isLocale(asked)) return asked;
    throw new InvalidError(`Unknown locale "${String(asked)}"; use one of ${LOCALES.join(', ')}`);
  }
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    const match = LOCALES.find((l) => l.toLowerCase() === tag || l.split('-')[0] === tag.split('-')[0]);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

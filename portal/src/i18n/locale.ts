import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-cn';

/** The languages of the portal; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'portal.locale';

const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** The remembered language, zh-CN when none (or an unknown one) is stored. */
export function storedLocale(storage: Pick<Storage, 'getItem'>): Locale {
  const value = storage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}

export function rememberLocale(storage: Pick<Storage, 'setItem'>, locale: Locale): void {
  storage.setItem(STORAGE_KEY, locale);
}

/** A translator for `locale`: the text of `key` with `{name}` placeholders filled from `values`. */
export function translator(locale: Locale) {
  const messages = MESSAGES[locale];
  return (key: MessageKey, values: Record<string, string | number> = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A function translating keys of the portal. */
export type Translate = ReturnType<typeof translator>;

// the API client sends the UI language with every request; it reads it from here
let current: Locale = DEFAULT_LOCALE;
export const currentLocale = (): Locale => current;
export const setCurrentLocale = (locale: Locale) => {
  current = locale;
};

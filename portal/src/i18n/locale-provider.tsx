import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { rememberLocale, setCurrentLocale, storedLocale, translator, type Locale, type Translate } from './locale';

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

const ANTD_LOCALES = { 'zh-CN': zhCNAntd, en: enUS } as const;
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Applies `locale` everywhere outside React: dayjs, the <html lang>, the API client. */
function applyLocale(locale: Locale) {
  dayjs.locale(DAYJS_LOCALES[locale]);
  document.documentElement.lang = locale;
  document.title = translator(locale)('app.title');
  setCurrentLocale(locale);
}

/** The UI language (remembered in localStorage) for antd, dayjs, the API and the portal's texts. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale(window.localStorage);
    applyLocale(initial);
    return initial;
  });
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(window.localStorage, next);
    applyLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale, t: translator(locale) }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={{ token: { colorPrimary: '#1d5fbf' } }}>
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

/** The UI language, its setter and the translator. */
export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside <LocaleProvider>');
  return value;
}

/** The translator alone. */
export const useT = () => useLocale().t;

import { describe, expect, it } from 'vitest';
import { en } from './en';
import { rememberLocale, storedLocale, translator } from './locale';
import { zhCN } from './zh-cn';

describe('languages', () => {
  it('starts in Chinese and remembers a switch to English; an unknown stored value means Chinese', () => {
    expect(storedLocale(window.localStorage)).toBe('zh-CN');
    rememberLocale(window.localStorage, 'en');
    expect(storedLocale(window.localStorage)).toBe('en');
    window.localStorage.setItem('portal.locale', 'fr');
    expect(storedLocale(window.localStorage)).toBe('zh-CN');
  });

  it('fills placeholders, and leaves an unknown key or value visible rather than blank', () => {
    expect(translator('zh-CN')('list.total', { total: '1,000' })).toBe('共 1,000 条');
    expect(translator('en')('list.total', { total: 3 })).toBe('3 tickets');
    expect(translator('en')('form.version', {})).toBe('Version {version}');
    expect(translator('en')('history.action.export' as never)).toBe('history.action.export');
  });

  it('has every text in both languages, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[])
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(zhCN[key])]);
  });
});

import { describe, expect, it } from 'vitest';
import { migrationBody, versionChanges } from './migration-plan';
import type { TypeVersion } from './version-types';

const field = (key: string, required = false) => ({ key, type: 'string', label: { 'zh-CN': key, en: key }, required });
const version = (n: number, fields: ReturnType<typeof field>[]): TypeVersion => ({ version: n, createdAt: '', current: false, tickets: 0, fields });

describe('the migration form', () => {
  it('sends complete renames and non-blank defaults only', () => {
    const body = migrationBody(
      { from: 1, to: 2, renames: [{ from: 'a', to: 'b' }, { from: 'c' }], defaults: [{ field: 'x', value: ' 紧急 ' }, { field: 'y', value: '  ' }, { value: '1' }] },
      false,
    );
    expect(body).toEqual({ from: 1, to: 2, renames: { a: 'b' }, defaults: { x: '紧急' }, dryRun: false });
    expect(migrationBody({ from: 1 }, true)).toBeNull();
  });

  it('names the fields a version pair removes, adds and newly requires', () => {
    const from = version(1, [field('site', true), field('gone'), field('optional')]);
    const to = version(2, [field('site', true), field('optional', true), field('fresh'), field('region', true)]);
    expect(versionChanges(from, to)).toEqual({ removed: ['gone'], added: ['fresh', 'region'], newlyRequired: ['optional', 'region'] });
    expect(versionChanges(from, undefined)).toEqual({ removed: [], added: [], newlyRequired: [] });
  });
});

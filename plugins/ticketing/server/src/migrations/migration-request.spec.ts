import { buildPlan, MigrationRequestError, requestBody, requestedVersions } from './migration-request';
import type { FieldDefinition } from '../field-types';

const label = { 'zh-CN': 'x', en: 'x' };
const field = (key: string): FieldDefinition => ({ key, type: 'string', label });
const versions = { from: 1, to: 2, fromFields: ['a', 'b', 'old'].map(field), toFields: ['a', 'b', 'new', 'c'].map(field) };
const parseDefault = (_f: FieldDefinition, value: unknown) =>
  value === 'bad' ? { ok: false as const, error: 'nope' } : { ok: true as const, value: value === '' ? null : String(value).trim() };
const plan = (body: Record<string, unknown>) => buildPlan('t', { dryRun: true, ...body }, versions, parseDefault);

describe('migration requests', () => {
  it('reads a bare body and a Strapi-style { data } body alike', () => {
    expect(requestBody({ from: 1 })).toEqual({ from: 1 });
    expect(requestBody({ data: { from: 1 } })).toEqual({ from: 1 });
    expect(() => requestBody('x')).toThrow(MigrationRequestError);
    expect(() => requestBody({ from: 1, force: true })).toThrow(/Unknown key\(s\) force/);
  });

  it('wants two different positive whole versions', () => {
    expect(requestedVersions({ from: 2, to: 1 })).toEqual({ from: 2, to: 1 });
    expect(() => requestedVersions({ from: 0, to: 1 })).toThrow(/from must be a version number/);
    expect(() => requestedVersions({ from: 1, to: 1.5 })).toThrow(/to must be a version number/);
    expect(() => requestedVersions({ from: 3, to: 3 })).toThrow(/both version 3/);
  });

  it('keeps renames between fields of the two versions and canonical defaults', () => {
    expect(plan({ renames: { old: 'new' }, defaults: { c: ' x ' } })).toEqual({
      typeKey: 't',
      from: 1,
      to: 2,
      renames: { old: 'new' },
      defaults: { c: 'x' },
      dryRun: true,
    });
    // a swap is fine: neither value is lost
    expect(plan({ renames: { a: 'b', b: 'a' } }).renames).toEqual({ a: 'b', b: 'a' });
  });

  it.each([
    [{ dryRun: 'yes' }, /dryRun must be true or false/],
    [{ renames: [] }, /renames must be an object/],
    [{ renames: { zzz: 'new' } }, /"zzz" is not a field of version 1/],
    [{ renames: { old: 'zzz' } }, /is not a field of version 2/],
    [{ renames: { old: 'a' } }, /would overwrite field "a"/],
    [{ renames: { old: 'new', a: 'new' } }, /two fields are renamed to "new"/],
    [{ defaults: { zzz: 1 } }, /"zzz" is not a field of version 2/],
    [{ defaults: { c: 'bad' } }, /not a valid value of "c": nope/],
    [{ defaults: { c: '' } }, /the value of "c" is empty/],
  ])('refuses %j', (body, message) => {
    expect(() => plan(body)).toThrow(message);
  });
});

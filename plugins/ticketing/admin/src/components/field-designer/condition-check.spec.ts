import { fieldRuleIssues } from './condition-check';
import type { FieldDefinition, FieldTypeInfo } from './types';

const label = { 'zh-CN': 'x', en: 'x' };
const types: FieldTypeInfo[] = [
  ['string', 'search'],
  ['enum', 'any-of'],
  ['integer', 'whole-range'],
  ['number', 'decimal-range'],
  ['date', 'day-range'],
  ['date-time', 'moment-range'],
  ['images', null],
].map(([name, filterInput]) => ({ name: name as string, label, rulesSchema: {}, filterInput }));

const field = (key: string, type: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ key, type, label, ...extra });
const fields = [
  field('site_name', 'string'),
  field('impact', 'enum', { rules: { options: [{ value: 'outage', label }] } }),
  field('outage_minutes', 'integer'),
  field('start_at', 'date-time'),
  field('visit_date', 'date'),
  field('photos', 'images'),
  field('ratio', 'number'),
];
const issues = (f: FieldDefinition) => fieldRuleIssues(f, [...fields, f], types);

describe('fieldRuleIssues', () => {
  it('accepts conditions on other fields with tests that fit them', () => {
    const f = field('end_at', 'date-time', {
      after: 'start_at',
      visibleWhen: { all: [{ field: 'impact', in: ['outage'] }, { field: 'outage_minutes', min: 1, max: 60 }] },
      requiredWhen: { any: [{ field: 'photos', empty: false }, { field: 'visit_date', min: '2026-01-01' }] },
      access: { read: ['handler', 'admin'], write: ['admin'] },
    });
    expect(issues(f)).toEqual([]);
  });

  it('names a test of a missing field', () => {
    expect(issues(field('a', 'string', { visibleWhen: { field: 'gone', empty: true } }))).toEqual([
      { path: 'visibleWhen', message: '"gone" is not a field of this type' },
    ]);
  });

  it('refuses a condition on the field itself, even deep in a group', () => {
    const f = field('a', 'string', { requiredWhen: { any: [{ field: 'impact', equals: 'outage' }, { all: [{ field: 'a', empty: false }] }] } });
    expect(issues(f)).toEqual([{ path: 'requiredWhen', message: 'a field cannot depend on itself' }]);
  });

  it.each([
    ['a range on text', { field: 'site_name', min: 1 }, /cannot be tested with "range"/],
    ['a test on photos other than empty', { field: 'photos', equals: 'x' }, /cannot be tested with "equals"/],
    ['a range without bounds', { field: 'outage_minutes' }, /needs a minimum or a maximum/],
    ['a range upside down', { field: 'outage_minutes', min: 9, max: 1 }, /minimum above its maximum/],
    ['in without values', { field: 'impact', in: [] }, /at least one value/],
    ['equals without a value', { field: 'impact', equals: '' }, /needs a value/],
  ])('refuses %s', (_name, condition, message) => {
    const found = issues(field('a', 'string', { visibleWhen: condition as never }));
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(message);
  });

  it.each([
    ['itself', field('n', 'integer', { after: 'n' }), /itself/],
    ['a missing field', field('n', 'integer', { after: 'gone' }), /"gone" is not a field/],
    ['a date-time after a date', field('d', 'date-time', { after: 'visit_date' }), /both dates or both date-times/],
    ['a number after text', field('n', 'number', { after: 'site_name' }), /must both be numbers/],
  ])('refuses after naming %s', (_name, f, message) => {
    expect(issues(f)).toEqual([{ path: 'after', message: expect.stringMatching(message) }]);
  });

  it('lets an integer follow a number', () => {
    expect(issues(field('n', 'integer', { after: 'ratio' }))).toEqual([]);
  });

  it('names roles that would write a field they cannot read', () => {
    expect(issues(field('a', 'string', { access: { read: ['admin'], write: ['handler', 'admin'] } }))).toEqual([
      { path: 'access', message: 'handler may write but not read this field' },
    ]);
  });
});

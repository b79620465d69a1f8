import type { FormFilter, ListQuery } from './list-query';
import { MANY_VALUES, onePlanFits } from './generic-plan';
import { valueKinds } from '../field-types/value-kinds';

const filter = (key: string, op: FormFilter['op'] = '$eq'): FormFilter => ({ field: { key, type: 'integer', label: { en: key } } as FormFilter['field'], kind: valueKinds.wholeNumber, op, value: 1 });
const query = (extra: Partial<ListQuery> = {}): ListQuery => ({ page: 1, pageSize: 25, type: 'bs-fault', sort: { by: 'created_at', dir: 'desc' }, filters: [], ...extra });
const distinct: Record<string, number> = { pci: 1008, gnb_id: Infinity, antenna_count: 10 };
const known = (f: FormFilter) => distinct[f.field.key];

describe('onePlanFits', () => {
  it('takes the first page of a type, with or without equality filters on fields of many values', () => {
    expect(onePlanFits(query(), known)).toBe(true);
    expect(onePlanFits(query({ filters: [filter('pci')] }), known)).toBe(true);
    expect(onePlanFits(query({ filters: [filter('pci', '$in'), filter('gnb_id')] }), known)).toBe(true);
    expect(onePlanFits(query({ filters: [filter('pci')], sort: { by: 'updated_at', dir: 'asc' } }), known)).toBe(true);
  });

  it('leaves a plan per value to fields of few or unknown values, other operators, later pages and skewed filters', () => {
    expect(MANY_VALUES).toBeGreaterThan(distinct.antenna_count);
    expect(onePlanFits(query({ filters: [filter('antenna_count')] }), known)).toBe(false);
    expect(onePlanFits(query({ filters: [filter('pci'), filter('not_analysed')] }), known)).toBe(false);
    for (const op of ['$gte', '$lt', '$ne', '$contains', '$null'] as const) expect(onePlanFits(query({ filters: [filter('pci', op)] }), known)).toBe(false);
    expect(onePlanFits(query({ page: 2 }), known)).toBe(false);
    expect(onePlanFits(query({ states: ['draft'] }), known)).toBe(false);
    expect(onePlanFits(query({ slaStates: ['breached'] }), known)).toBe(false);
    expect(onePlanFits(query({ assignee: 'none' }), known)).toBe(false);
    expect(onePlanFits(query({ importJob: 'abc' }), known)).toBe(false);
    expect(onePlanFits(query({ near: { lng: 121, lat: 31, types: ['bs-fault'] } }), known)).toBe(false);
  });
});

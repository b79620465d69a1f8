import { describe, expect, it } from 'vitest';
import { confidencePercent, fieldChoices, mappingRows, overrideColumn, requiredUnmapped } from './import-mapping';
import type { PreviewColumn } from './import-types';
import type { FormSchema } from '../../services/schema-types';

const schema: FormSchema = {
  type: 'object',
  properties: { site: { title: '站点名称' }, pci: { title: '物理小区标识' }, note: {} },
  required: ['site', 'pci'],
};

const columns: PreviewColumn[] = [
  { index: 0, letter: 'A', header: '站点', field: 'site', score: 1, source: 'exact', suggestion: { field: 'site', score: 1 } },
  { index: 1, letter: 'B', header: 'PCl', field: null, score: 0, source: 'none', suggestion: { field: 'pci', score: 0.6 } },
  { index: 2, letter: 'C', header: '备注', field: 'note', score: 0.9, source: 'fuzzy', suggestion: null },
];
const mapping = { 站点: 'site', PCl: null, 备注: 'note' };

describe('the mapping table', () => {
  it('offers the form fields in form order with their labels (the key when there is none)', () => {
    expect(fieldChoices(schema)).toEqual([
      { value: 'site', label: '站点名称' },
      { value: 'pci', label: '物理小区标识' },
      { value: 'note', label: 'note' },
    ]);
  });

  it('lists every column with its field, score, source and the suggestion of an unmapped one', () => {
    const rows = mappingRows(columns, mapping);
    expect(rows.map((r) => [r.letter, r.header, r.field, r.source, r.suggestion, r.changed])).toEqual([
      ['A', '站点', 'site', 'exact', 'site', false],
      ['B', 'PCl', null, 'none', 'pci', false],
      ['C', '备注', 'note', 'fuzzy', null, false],
    ]);
    expect(mappingRows(columns, overrideColumn(mapping, 'PCl', 'pci'))[1]).toMatchObject({ field: 'pci', changed: true });
  });

  it('feeds a field from one column only: overriding takes the field from the column that had it', () => {
    expect(overrideColumn(mapping, 'PCl', 'site')).toEqual({ 站点: null, PCl: 'site', 备注: 'note' });
    expect(overrideColumn(mapping, '备注', null)).toEqual({ 站点: 'site', PCl: null, 备注: null });
  });

  it('names the required fields still unmapped, and none once a column feeds them', () => {
    expect(requiredUnmapped(schema, mapping)).toEqual(['pci']);
    expect(requiredUnmapped(schema, overrideColumn(mapping, 'PCl', 'pci'))).toEqual([]);
    expect(requiredUnmapped({ ...schema, required: undefined }, {})).toEqual([]);
  });

  it('shows confidence as a whole percent within 0–100', () => {
    expect(confidencePercent(0.8312)).toBe(83);
    expect(confidencePercent(1.2)).toBe(100);
    expect(confidencePercent(-1)).toBe(0);
  });
});

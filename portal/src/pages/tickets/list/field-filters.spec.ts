import { describe, expect, it } from 'vitest';
import { bsFaultSchema, siteSurveySchema } from '../../../test/schemas';
import { filterSpecs, sortableFields } from './field-filters';

describe('filters generated from a type schema', () => {
  it('gives bs-fault text, number, enum and date-time filters in form order', () => {
    const specs = filterSpecs(bsFaultSchema);
    expect(specs.map((s) => [s.field, s.kind])).toEqual([
      ['site_name', 'text'],
      ['gnb_id', 'number'],
      ['pci', 'number'],
      ['nr_arfcn', 'number'],
      ['band', 'enum'],
      ['fault_type', 'enum'],
      ['severity', 'enum'],
      ['occurred_at', 'date-time'],
      ['longitude', 'number'],
      ['latitude', 'number'],
      ['reporter_phone', 'text'],
      ['description', 'text'],
    ]);
    expect(specs.find((s) => s.field === 'severity')).toEqual({
      field: 'severity',
      title: 'Severity',
      kind: 'enum',
      options: [
        { value: 'critical', label: 'Critical' },
        { value: 'major', label: 'Major' },
        { value: 'minor', label: 'Minor' },
      ],
    });
    expect(specs.find((s) => s.field === 'pci')).toMatchObject({ title: 'PCI', integer: true });
    expect(specs.find((s) => s.field === 'longitude')).toMatchObject({ integer: false });
  });

  it('handles dates, booleans and multi-enums, and skips the photos', () => {
    const specs = filterSpecs(siteSurveySchema);
    expect(specs.map((s) => [s.field, s.kind])).toEqual([
      ['site_name', 'text'],
      ['survey_date', 'date'],
      ['needs_power', 'boolean'],
      ['tags', 'multi-enum'],
    ]);
    expect(specs.find((s) => s.field === 'tags')?.options).toEqual([
      { value: 'roof', label: 'Roof' },
      { value: 'tower', label: 'Tower' },
    ]);
    expect(sortableFields(specs).map((s) => s.field)).toEqual(['site_name', 'survey_date']);
  });
});

import type { FilterOperator } from 'strapi-plugin-ticketing/api-types';
import { describe, expect, it } from 'vitest';
import type { FilterInput, TypeSchema } from '../../../services/schema-types';
import { bsFaultSchema, siteSurveySchema } from '../../../test/schemas';
import { columnFields, filterSpecs, sortChoices } from './field-filters';

describe("filter controls from the schema answer's `filters`", () => {
  it('gives bs-fault its controls in form order, labelled by the schema, options from its choices', () => {
    const specs = filterSpecs(bsFaultSchema);
    expect(specs.map((s) => [s.field, s.input])).toEqual([
      ['site_name', 'search'],
      ['gnb_id', 'whole-range'],
      ['pci', 'whole-range'],
      ['nr_arfcn', 'whole-range'],
      ['band', 'any-of'],
      ['fault_type', 'any-of'],
      ['severity', 'any-of'],
      ['occurred_at', 'moment-range'],
      ['longitude', 'decimal-range'],
      ['latitude', 'decimal-range'],
      ['reporter_phone', 'search'],
      ['description', 'search'],
    ]);
    expect(specs.find((s) => s.field === 'severity')).toEqual({
      field: 'severity',
      title: 'Severity',
      input: 'any-of',
      options: [
        { value: 'critical', label: 'Critical' },
        { value: 'major', label: 'Major' },
        { value: 'minor', label: 'Minor' },
      ],
    });
    expect(specs.find((s) => s.field === 'pci')).toEqual({ field: 'pci', title: 'PCI', input: 'whole-range' });
  });

  it("offers a list field's item options, yes/no and days, and no control where the input is null (photos)", () => {
    const specs = filterSpecs(siteSurveySchema);
    expect(specs.map((s) => [s.field, s.input])).toEqual([
      ['site_name', 'search'],
      ['survey_date', 'day-range'],
      ['needs_power', 'yes-no'],
      ['tags', 'has'],
    ]);
    expect(specs.find((s) => s.field === 'tags')?.options).toEqual([
      { value: 'roof', label: 'Roof' },
      { value: 'tower', label: 'Tower' },
    ]);
    expect(columnFields(siteSurveySchema)).toEqual(['site_name', 'survey_date', 'needs_power', 'tags']);
  });

  it('sorts by the fields the server calls sortable, in form order, with their labels', () => {
    expect(sortChoices(siteSurveySchema)).toEqual([
      { field: 'site_name', title: 'Site name' },
      { field: 'survey_date', title: 'Survey date' },
      { field: 'needs_power', title: 'Needs power' },
    ]);
    expect(sortChoices(bsFaultSchema).map((c) => c.field)).toEqual(bsFaultSchema.filters.map((f) => f.field));
  });

  it('leaves out a control whose operators the server does not accept, that this portal does not know, or whose options are missing', () => {
    const typeSchema: TypeSchema = {
      ...bsFaultSchema,
      schema: { ...bsFaultSchema.schema, properties: { ...bsFaultSchema.schema.properties, band: { type: 'string', title: 'Band' } } },
      filters: [
        { field: 'site_name', operators: ['$eq'], sortable: true, input: 'search' },
        { field: 'pci', operators: ['$gte'], sortable: true, input: 'whole-range' },
        // a newer server's operator and control, which this portal does not know
        { field: 'gnb_id', operators: ['$near' as FilterOperator], sortable: false, input: 'map-area' as FilterInput },
        { field: 'band', operators: ['$in'], sortable: true, input: 'any-of' },
        { field: 'severity', operators: ['$in'], sortable: true, input: 'any-of' },
      ],
    };
    expect(filterSpecs(typeSchema).map((s) => s.field)).toEqual(['severity']);
    // a field named by the server but missing from the schema is labelled by its key
    expect(sortChoices({ ...typeSchema, filters: [{ field: 'retired', operators: [], sortable: true, input: null }] })).toEqual([
      { field: 'retired', title: 'retired' },
    ]);
  });
});

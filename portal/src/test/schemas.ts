import type { FilterOperator } from 'strapi-plugin-ticketing/api-types';
import type { FieldFilter, FilterInput, TypeSchema } from '../services/schema-types';

// the operators the server's value kinds accept (plugins/ticketing field-types/value-kinds.ts)
const ORDERED: FilterOperator[] = ['$eq', '$ne', '$in', '$lt', '$lte', '$gt', '$gte', '$null'];
const EQUALITY_AND_SUBSTRING: FilterOperator[] = ['$eq', '$ne', '$in', '$contains', '$null'];
const YES_NO: FilterOperator[] = ['$eq', '$ne', '$null'];
const LIST: FilterOperator[] = ['$contains', '$null'];

const filter = (field: string, input: FilterInput | null, operators: FilterOperator[], sortable = true): FieldFilter => ({
  field,
  operators,
  sortable,
  input,
});

/** The bs-fault schema as GET /api/ticketing/ticket-types/bs-fault/schema?locale=en answers it. */
export const bsFaultSchema: TypeSchema = {
  key: 'bs-fault',
  version: 1,
  locale: 'en',
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '5G base station fault',
    type: 'object',
    properties: {
      site_name: { type: 'string', minLength: 1, maxLength: 64, title: 'Site name' },
      gnb_id: { type: 'integer', minimum: 0, maximum: 4294967295, title: 'gNodeB ID' },
      pci: { type: 'integer', minimum: 0, maximum: 1007, title: 'PCI' },
      nr_arfcn: { type: 'integer', minimum: 0, maximum: 3279165, title: 'NR-ARFCN' },
      band: { type: 'string', oneOf: ['n1', 'n3', 'n28', 'n41', 'n77', 'n78', 'n79'].map((b) => ({ const: b, title: b })), title: 'Band' },
      fault_type: {
        type: 'string',
        oneOf: [
          { const: 'site_outage', title: 'Site outage' },
          { const: 'cell_down', title: 'Cell down' },
        ],
        title: 'Fault type',
      },
      severity: {
        type: 'string',
        oneOf: [
          { const: 'critical', title: 'Critical' },
          { const: 'major', title: 'Major' },
          { const: 'minor', title: 'Minor' },
        ],
        title: 'Severity',
      },
      occurred_at: { type: 'string', format: 'date-time', title: 'Occurred at' },
      longitude: { type: 'number', minimum: -180, maximum: 180, title: 'Longitude' },
      latitude: { type: 'number', minimum: -90, maximum: 90, title: 'Latitude' },
      reporter_phone: { type: 'string', pattern: '^1[3-9]\\d{9}$', title: 'Contact phone' },
      description: { type: 'string', maxLength: 2000, title: 'Description' },
    },
    required: ['site_name', 'gnb_id', 'pci', 'severity', 'occurred_at'],
    additionalProperties: false,
  },
  uiSchema: {
    'ui:order': [
      'site_name',
      'gnb_id',
      'pci',
      'nr_arfcn',
      'band',
      'fault_type',
      'severity',
      'occurred_at',
      'longitude',
      'latitude',
      'reporter_phone',
      'description',
    ],
    occurred_at: { 'ui:widget': 'date-time' },
    reporter_phone: { 'ui:inputType': 'tel' },
    description: { 'ui:widget': 'textarea' },
  },
  filters: [
    filter('site_name', 'search', EQUALITY_AND_SUBSTRING),
    filter('gnb_id', 'whole-range', ORDERED),
    filter('pci', 'whole-range', ORDERED),
    filter('nr_arfcn', 'whole-range', ORDERED),
    filter('band', 'any-of', EQUALITY_AND_SUBSTRING),
    filter('fault_type', 'any-of', EQUALITY_AND_SUBSTRING),
    filter('severity', 'any-of', EQUALITY_AND_SUBSTRING),
    filter('occurred_at', 'moment-range', ORDERED),
    filter('longitude', 'decimal-range', ORDERED),
    filter('latitude', 'decimal-range', ORDERED),
    filter('reporter_phone', 'search', EQUALITY_AND_SUBSTRING),
    filter('description', 'search', EQUALITY_AND_SUBSTRING),
  ],
};

/**
 * The site-survey schema's parts that differ: a date, a yes/no, a list of choices (its items'
 * `anyOf`, as the server writes a multi-enum) and the photos (an images field: no filter).
 */
export const siteSurveySchema: TypeSchema = {
  key: 'site-survey',
  version: 1,
  locale: 'en',
  schema: {
    type: 'object',
    properties: {
      site_name: { type: 'string', minLength: 1, maxLength: 64, title: 'Site name' },
      survey_date: { type: 'string', format: 'date', title: 'Survey date' },
      needs_power: { type: 'boolean', title: 'Needs power' },
      tags: {
        type: 'array',
        uniqueItems: true,
        items: {
          type: 'string',
          anyOf: [
            { const: 'roof', title: 'Roof' },
            { const: 'tower', title: 'Tower' },
          ],
        },
        title: 'Tags',
      },
      photos: { type: 'array', uniqueItems: true, items: { type: 'string' }, maxItems: 20, title: 'Site photos' },
    },
    required: ['site_name', 'survey_date'],
  },
  uiSchema: { 'ui:order': ['site_name', 'survey_date', 'needs_power', 'tags', 'photos'], photos: { 'ui:field': 'images' } },
  filters: [
    filter('site_name', 'search', EQUALITY_AND_SUBSTRING),
    filter('survey_date', 'day-range', ORDERED),
    filter('needs_power', 'yes-no', YES_NO),
    filter('tags', 'has', LIST, false),
    filter('photos', null, LIST, false),
  ],
};

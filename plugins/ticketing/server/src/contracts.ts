/**
 * The types other packages build on (`import type … from 'strapi-plugin-ticketing'`): the
 * field-type registry's contract and what the plugin's services hand out. Types only: a
 * plugin calls this one through `strapi.plugin('ticketing').service(…)`, never its modules.
 */
export type {
  FieldDefinition,
  FieldType,
  FieldTypeExamples,
  FilterInput,
  LocalizedText,
  Locale,
  ParseContext,
  ParseResult,
} from './field-types/types';
export type { FilterOperator, ValueKind } from './field-types/value-kinds';
export type { FieldFilter } from './field-types/types';
export type { GpsPosition, PhotoView } from './photos/photo-view';
export type { StoredPhoto } from './photos/stored-photo';
export type { StoredObject } from './photos/photo-storage';
export type { FormError, FormResult } from './tickets/form-validator';
export type { ImportContext, ImportedTicket, PreparedImport } from './services/ticket-bulk';

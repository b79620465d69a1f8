/**
 * The shapes of the API's answers that clients build on (`import type … from
 * 'strapi-plugin-ticketing/api-types'`). Types only, from modules that import nothing at run
 * time, so a browser app can use them without the server's dependencies.
 */
export type { FieldFilter, FilterInput, LocalizedText, Locale } from './field-types/types';
export type { FilterOperator } from './field-types/value-kinds';
export type { GpsPosition, PhotoView } from './photos/photo-view';

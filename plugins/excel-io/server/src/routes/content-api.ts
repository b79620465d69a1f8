import { arrayOf, data, file, int, named, nullable, object, ref, route, str, timestamp } from 'strapi-plugin-access';
import { IMPORT_RIGHT } from '../constants';
import { EXPORT_MANAGE_RIGHT, EXPORT_READ_RIGHT } from '../export/settings';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const job = data(ref('JobRecord'));
const importForm = object({
  file: { type: 'string', contentMediaType: 'application/octet-stream', description: '.xlsx or .csv (checked by its bytes)' },
  ticketType: { ...str, description: 'else the best-fitting type' },
  dryRun: { enum: ['true', 'false'] },
  mapping: { ...str, description: 'JSON: header → field key (or null to skip)' },
  sheet: str,
  saveMapping: { enum: ['true', 'false'] },
}, ['ticketType', 'dryRun', 'mapping', 'sheet', 'saveMapping']);
const mappingOfHeaders = { type: 'object', additionalProperties: { type: ['string', 'null'] }, description: 'header → field key (null: not imported)' };
const preview = object({
  fileName: str, size: int, format: str, ticketType: str, typeVersion: int, sheet: nullable(str), headerRow: int,
  columns: arrayOf({ type: 'object' }), mapping: mappingOfHeaders, requiredUnmapped: arrayOf(str), estimatedRows: int, rows: arrayOf({ type: 'object' }),
}, ['size', 'sheet', 'requiredUnmapped', 'estimatedRows']);
const report = object({
  job: object({ id: str, status: str, error: nullable({}), progress: nullable({}) }, ['error', 'progress']),
  fileName: str, dryRun: { type: 'boolean' }, ticketType: str, typeVersion: int, mapping: mappingOfHeaders,
  rows: arrayOf({ type: 'object' }),
  counts: object({ rows: int, created: int, valid: int, rejected: int, skipped: int }, ['valid', 'skipped']),
}, ['typeVersion', 'mapping']);
const mapping = named('ImportMapping', object({
  id: str, ticketType: str, headers: arrayOf(str), mapping: mappingOfHeaders, creator: nullable(object({ id: int }, [])), createdAt: timestamp, updatedAt: timestamp,
}, ['creator']));
const template = named('ExportTemplate', object({ documentId: str, name: str, ticketType: str, fileName: str, size: { type: 'number' }, createdAt: timestamp, updatedAt: timestamp }, ['size']));
const exportRequest = object({
  ticketType: str,
  format: { enum: ['xlsx', 'csv', 'docx'] },
  query: { type: 'object', description: 'the ticket list\'s query (filters, status, sort…), as for GET /ticketing/tickets' },
  template: { ...str, description: 'an export template\'s documentId' },
  locale: { enum: ['zh-CN', 'en'] },
}, ['format', 'query', 'template', 'locale']);

/** Every route needs `import.run` (config/roles.yaml: publisher, admin); deleting a saved mapping is for admins. */
export default {
  type: 'content-api',
  routes: [
    route('POST', '/imports', 'imports.start', IMPORT_RIGHT, { summary: 'Import a spreadsheet as a job', multipart: importForm, responses: { 202: job } }),
    route('POST', '/imports/preview', 'imports.preview', IMPORT_RIGHT, {
      summary: 'What a spreadsheet would give: type, sheet, header mapping, the first rows checked; nothing is stored',
      multipart: importForm,
      responses: { 200: data(preview) },
    }),
    route('GET', '/imports/:jobId/report', 'imports.report', IMPORT_RIGHT, { summary: 'An import\'s per-row report', responses: { 200: data(report) } }),
    route('GET', '/imports/:jobId/report.xlsx', 'imports.reportWorkbook', IMPORT_RIGHT, { summary: 'The rows an import refused, as a workbook with the reasons', responses: { 200: file(XLSX) } }),
    route('GET', '/mappings', 'mappings.find', IMPORT_RIGHT, { summary: 'Saved header mappings', query: { ticketType: str }, responses: { 200: data(arrayOf(mapping)) } }),
    route('POST', '/mappings', 'mappings.create', IMPORT_RIGHT, {
      summary: 'Save a header mapping for a type',
      body: object({ data: object({ ticketType: str, headers: arrayOf(str), mapping: mappingOfHeaders }) }),
      responses: { 201: data(mapping) },
    }),
    route('DELETE', '/mappings/:id', 'mappings.delete', IMPORT_RIGHT, { summary: 'Delete a saved mapping', responses: { 200: data(mapping) } }),
    // exports: what the caller can read (export.read, every role); templates are export.manage's
    route('POST', '/exports', 'exports.start', EXPORT_READ_RIGHT, {
      summary: 'Export a ticket list to .xlsx or CSV (or Word reports) as a job',
      body: object({ data: exportRequest }),
      responses: { 202: job },
    }),
    route('GET', '/exports/:jobId/download', 'exports.download', EXPORT_READ_RIGHT, { summary: 'A redirect to a fresh signed link to the export\'s file', responses: { 302: {} } }),
    route('GET', '/exports/:jobId/link', 'exports.link', EXPORT_READ_RIGHT, {
      summary: 'A fresh signed link to the export\'s file, as JSON',
      responses: { 200: data(object({ url: str, expiresAt: nullable(timestamp) })) },
    }),
    route('POST', '/tickets/:ticketId/report', 'exports.ticketReport', EXPORT_READ_RIGHT, {
      summary: 'A Word report of one ticket with its photos, as a job',
      responses: { 202: job },
    }),
    route('GET', '/templates', 'templates.find', EXPORT_READ_RIGHT, { summary: 'Export templates', query: { ticketType: str }, responses: { 200: data(arrayOf(template)) } }),
    route('POST', '/templates', 'templates.create', EXPORT_MANAGE_RIGHT, {
      summary: 'Upload an .xlsx export template for a type',
      multipart: object({ file: { type: 'string', contentMediaType: XLSX }, name: str, ticketType: str }),
      responses: { 201: data(template) },
    }),
    route('DELETE', '/templates/:id', 'templates.delete', EXPORT_MANAGE_RIGHT, { summary: 'Delete an export template', responses: { 204: {} } }),
  ],
};

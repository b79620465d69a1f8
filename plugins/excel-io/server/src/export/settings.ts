/** The jobs plugin queue exports run on, and the one their cleanup runs on. */
export const EXPORT_QUEUE = 'export';
export const EXPORT_CLEANUP_QUEUE = 'export-cleanup';
/** Where exported files are kept on the upload provider (under its root). */
export const EXPORT_PATHS = { xlsx: 'exports/excel', csv: 'exports/excel', docx: 'exports/docx' } as const;
export const EXPORT_FORMATS = ['xlsx', 'csv', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
export const EXPORT_FILE_UID = 'plugin::excel-io.export-file';
export const EXPORT_TEMPLATE_UID = 'plugin::excel-io.export-template';
/** Rights (config/roles.yaml): exporting what one can read; managing templates. */
export const EXPORT_READ_RIGHT = 'export.read';
export const EXPORT_MANAGE_RIGHT = 'export.manage';
/** A template is a small workbook: anything bigger is refused before it is opened. */
export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;

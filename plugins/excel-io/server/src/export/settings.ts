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
/**
 * Tickets per cursor fetch. An xlsx row leaves much short-lived garbage (exceljs' cells and
 * their XML), so V8 collects its young generation every few hundred rows, and a batch that
 * outlives a collection is copied, promoted and later collected again by a full GC. On one
 * 100,000-ticket database, 50 rows a fetch ran the export at 19,800–21,000 rows/s and 248–251 MB
 * peak, 250 rows at 14,900–17,400 and 308–312 MB (excel-io README, Benchmark). A CSV row leaves little garbage, and with small batches its
 * writer waits on PostgreSQL instead.
 */
export const EXPORT_BATCH_ROWS = { xlsx: 50, csv: 250 } as const;

/** The plugin's config (cms/config/plugins.ts fills it from env). */
export interface ExcelIoConfig {
  /** Largest upload accepted (IMPORT_MAX_BYTES); bigger is a 413. */
  maxBytes: number;
  /** Rows per insert transaction, and per saved step. */
  batchSize: number;
  /** Rows a sheet may have (a `dimension` claiming more is refused before reading). */
  maxRows: number;
  /** Columns a sheet may have. */
  maxColumns: number;
  /** Entries an .xlsx archive may have. */
  maxEntries: number;
  /** Bytes an .xlsx archive may unpack to. */
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of one entry (zip bombs). */
  maxCompressionRatio: number;
  /** Tries per import job, the first included. */
  attempts: number;
  /** Days an exported file is kept before the cleanup removes it (EXPORT_TTL_DAYS). */
  exportTtlDays: number;
  /** Tickets a Word report may hold (EXPORT_WORD_LIMIT); more is a 400 with the count. */
  exportWordLimit: number;
  /** How often each process queues an export cleanup (EXPORT_CLEANUP_INTERVAL_MS). */
  exportCleanupIntervalMs: number;
  /** Tries per export job, the first included. */
  exportAttempts: number;
}

export default {
  default: {
    maxBytes: 50 * 1024 * 1024,
    batchSize: 4000,
    maxRows: 1_000_000,
    maxColumns: 500,
    maxEntries: 2000,
    maxUncompressedBytes: 1024 * 1024 * 1024,
    maxCompressionRatio: 200,
    attempts: 3,
    exportTtlDays: 7,
    exportWordLimit: 200,
    exportCleanupIntervalMs: 3_600_000,
    exportAttempts: 3,
  } satisfies ExcelIoConfig,
  validator(config: ExcelIoConfig) {
    for (const [key, value] of Object.entries(config)) {
      if (!Number.isInteger(value) || value < 1) throw new Error(`excel-io.${key} must be a positive integer, not ${String(value)}`);
    }
  },
};

/** The plugin's config (cms/config/plugins.ts fills it from env). */
export interface OcrConfig {
  /** Base URL of the OCR service (`POST /v1/ocr`). */
  serviceUrl: string;
  /** Photos per request to the OCR service. */
  batchSize: number;
  /** How long one request to the OCR service may take. */
  requestTimeoutMs: number;
  /** Tries per OCR job, the first included. */
  attempts: number;
  /**
   * A suggestion whose weakest value character has a lower OCR confidence than this is marked
   * `unsure` (never pre-ticked in the portal); 0 marks none. Chosen on the dev set
   * (server/src/suggestions/README.md, "Unsure readings").
   */
  unsureBelow: number;
}

/** The default of {@link OcrConfig.unsureBelow} (`OCR_UNSURE_BELOW`). */
export const DEFAULT_UNSURE_BELOW = 0.7;

export default {
  default: { serviceUrl: 'http://127.0.0.1:8000', batchSize: 4, requestTimeoutMs: 120_000, attempts: 4, unsureBelow: DEFAULT_UNSURE_BELOW } satisfies OcrConfig,
  validator(config: OcrConfig) {
    if (!/^https?:\/\//.test(config.serviceUrl)) throw new Error(`ocr.serviceUrl must be an http(s) URL, not "${config.serviceUrl}"`);
    if (!Number.isInteger(config.batchSize) || config.batchSize < 1 || config.batchSize > 16) {
      throw new Error('ocr.batchSize must be an integer from 1 to 16 (the OCR service takes at most 16 images)');
    }
    if (typeof config.unsureBelow !== 'number' || !(config.unsureBelow >= 0 && config.unsureBelow <= 1)) {
      throw new Error(`ocr.unsureBelow must be a number from 0 to 1, not ${config.unsureBelow}`);
    }
  },
};

export const OCR_RESULT_UID = 'plugin::ocr.ocr-result';
/** The jobs plugin queue OCR runs on. */
export const OCR_QUEUE = 'ocr';

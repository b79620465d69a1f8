/**
 * What the OCR service read on one photo of a ticket: one row per (ticket, photo), replaced
 * when the photo is read again. Written only by the OCR worker.
 */
export default {
  kind: 'collectionType',
  collectionName: 'ocr_results',
  info: { singularName: 'ocr-result', pluralName: 'ocr-results', displayName: 'OCR result' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    ticketId: { type: 'string', required: true },
    imageId: { type: 'string', required: true },
    width: { type: 'integer' },
    height: { type: 'integer' },
    // [{ text, confidence, box: [[x, y] × 4] }] in reading order
    lines: { type: 'json', required: true },
    engine: { type: 'string' },
    modelVersion: { type: 'string' },
    durationMs: { type: 'integer' },
    jobId: { type: 'string' },
  },
};

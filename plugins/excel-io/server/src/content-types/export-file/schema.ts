/**
 * A file an export job stored: where it is, until when, and whether the cleanup removed it.
 * One per job (the job record's documentId); the download route reads it.
 */
export default {
  kind: 'collectionType',
  collectionName: 'excel_io_export_files',
  info: { singularName: 'export-file', pluralName: 'export-files', displayName: 'Exported file' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    jobId: { type: 'string', required: true, unique: true },
    creatorId: { type: 'integer' },
    format: { type: 'string', required: true },
    fileName: { type: 'string', required: true },
    // the upload provider's object: { path, hash, ext, mime, size, url }
    object: { type: 'json', required: true },
    rows: { type: 'integer' },
    bytes: { type: 'biginteger' },
    expiresAt: { type: 'datetime', required: true },
    // set by the cleanup once the object is gone: downloads answer 410
    deletedAt: { type: 'datetime' },
  },
};

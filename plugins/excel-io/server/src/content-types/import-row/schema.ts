/**
 * A row of an import that created no ticket (rejected or skipped), or any row of a dry run:
 * one per (job, row), written with the batch it belongs to. Created rows are read from the
 * tickets themselves (their import job and row).
 */
export default {
  kind: 'collectionType',
  collectionName: 'excel_io_import_rows',
  info: { singularName: 'import-row', pluralName: 'import-rows', displayName: 'Import row' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    jobId: { type: 'string', required: true },
    // Strapi's biginteger: knex hands it back as text, read with Number()
    row: { type: 'biginteger', required: true },
    // valid (dry run only) | rejected | skipped
    verdict: { type: 'string', required: true },
    // rejected: [{ field, message: { en, zh-CN } }]; skipped: { kind }
    errors: { type: 'json' },
    data: { type: 'json' },
  },
};

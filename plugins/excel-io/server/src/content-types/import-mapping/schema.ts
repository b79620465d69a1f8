/**
 * A mapping a user confirmed for a ticket type and a set of headers: applied first when a file
 * with the same headers is imported again. Admins delete them.
 */
export default {
  kind: 'collectionType',
  collectionName: 'excel_io_mappings',
  info: { singularName: 'import-mapping', pluralName: 'import-mappings', displayName: 'Saved import mapping' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    ticketType: { type: 'string', required: true },
    // a hash of the normalised header set, so spelling the same headers the same way finds it
    headerKey: { type: 'string', required: true },
    headers: { type: 'json', required: true },
    // { "<header text>": "<field key>" | null }
    mapping: { type: 'json', required: true },
    creatorId: { type: 'biginteger' },
  },
};

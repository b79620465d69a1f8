/** The fields of one version of a ticket type, kept so tickets are read with their own version. */
export default {
  kind: 'collectionType',
  collectionName: 'ticketing_ticket_type_revisions',
  info: {
    singularName: 'ticket-type-revision',
    pluralName: 'ticket-type-revisions',
    displayName: 'Ticket type revision',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    typeKey: { type: 'string', required: true },
    version: { type: 'integer', required: true },
    nameZh: { type: 'string' },
    nameEn: { type: 'string' },
    description: { type: 'text' },
    fields: { type: 'json', required: true },
  },
};

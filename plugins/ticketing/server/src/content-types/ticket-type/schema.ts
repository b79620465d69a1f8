export default {
  kind: 'collectionType',
  collectionName: 'ticketing_ticket_types',
  info: {
    singularName: 'ticket-type',
    pluralName: 'ticket-types',
    displayName: 'Ticket type',
    description: 'A kind of ticket and the fields of its form, designed in the admin panel',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    key: { type: 'string', required: true, unique: true, maxLength: 64, regex: '^[a-z][a-z0-9-]*$' },
    nameZh: { type: 'string', required: true, maxLength: 100 },
    nameEn: { type: 'string', required: true, maxLength: 100 },
    description: { type: 'text' },
    fields: { type: 'customField', customField: 'plugin::ticketing.field-designer', required: true },
    version: { type: 'integer', default: 1, min: 1 },
    active: { type: 'boolean', default: true },
  },
};

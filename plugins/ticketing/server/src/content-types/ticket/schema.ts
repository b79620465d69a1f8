import { TICKET_STATES } from '../../tickets/workflow';

/**
 * A ticket. Written only through the tickets service (validation, versions, audit),
 * so it is hidden from the Content Manager.
 */
export default {
  kind: 'collectionType',
  collectionName: 'ticketing_tickets',
  info: { singularName: 'ticket', pluralName: 'tickets', displayName: 'Ticket' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    typeKey: { type: 'string', required: true },
    typeVersion: { type: 'integer', required: true },
    // Strapi 5 reserves `status`; the REST API calls this `status`
    state: { type: 'enumeration', enum: [...TICKET_STATES], default: 'draft', required: true },
    formData: { type: 'json', required: true },
    // the ordered photo list (photos/stored-photo.ts); images fields hold subsets of its ids
    photos: { type: 'json' },
    version: { type: 'integer', default: 1, required: true },
    creatorId: { type: 'integer' },
    assigneeId: { type: 'integer' },
    // where an imported ticket came from: (job, row) is unique, so a retried import never adds it twice
    importJob: { type: 'string' },
    importRow: { type: 'integer' },
    // the SLA as last computed (services/sla.ts): what list filters and sorting read
    slaState: { type: 'string' },
    slaDueAt: { type: 'datetime' },
    slaCheckAt: { type: 'datetime' },
  },
};

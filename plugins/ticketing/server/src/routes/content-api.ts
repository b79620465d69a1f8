import { route } from 'strapi-plugin-access';

/**
 * REST routes under /api/ticketing. Every route declares the right it needs; a test fails
 * on any route without one.
 */
export default {
  type: 'content-api',
  routes: [
    route('GET', '/me', 'me.find', 'account'),
    route('GET', '/ticket-types', 'ticket-types.find', 'tickets.read'),
    route('GET', '/ticket-types/:key/schema', 'ticket-types.schema', 'tickets.read'),
    // moving tickets between a type's versions: admins only
    route('GET', '/ticket-types/:key/versions', 'ticket-migrations.versions', 'ticket-types.migrate'),
    route('POST', '/ticket-types/:key/migrations', 'ticket-migrations.start', 'ticket-types.migrate'),
    route('GET', '/ticket-types/:key/migrations/:jobId/report', 'ticket-migrations.report', 'ticket-types.migrate'),
    route('GET', '/field-types', 'field-types.find', 'tickets.read'),
    route('GET', '/tickets', 'tickets.find', 'tickets.read'),
    route('POST', '/tickets', 'tickets.create', 'tickets.create'),
    route('GET', '/tickets/:id', 'tickets.findOne', 'tickets.read'),
    route('PUT', '/tickets/:id', 'tickets.update', 'tickets.update'),
    route('DELETE', '/tickets/:id', 'tickets.delete', 'tickets.delete'),
    route('POST', '/tickets/:id/transition', 'tickets.transition', 'tickets.transition'),
    route('GET', '/tickets/:id/history', 'tickets.history', 'tickets.read'),
    route('POST', '/tickets/:id/assign', 'tickets.assign', 'tickets.assign'),
    route('GET', '/assignees', 'tickets.assignees', 'tickets.assign.others'),
    route('GET', '/tickets/:id/notes', 'tickets.notes', 'tickets.read'),
    route('POST', '/tickets/:id/notes', 'tickets.addNote', 'tickets.update'),
    route('GET', '/tickets/:id/images', 'photos.find', 'images.read'),
    route('POST', '/tickets/:id/images', 'photos.upload', 'images.write'),
    route('PUT', '/tickets/:id/images/order', 'photos.reorder', 'images.write'),
    route('DELETE', '/tickets/:id/images/:imageId', 'photos.delete', 'images.write'),
    // the signature in the link is the authorisation: it was only handed to readers
    { method: 'GET', path: '/files/:key(.*)', handler: 'files.download', config: { auth: false } },
  ],
};

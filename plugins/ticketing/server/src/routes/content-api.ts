import { arrayOf, data, file, int, object, page, paging, ref, route, str } from 'strapi-plugin-access';
import { assignee, fieldTypes, formSchemaAnswer, historyEntry, me, migrationReport, note, photo, ticket, ticketTypeSummary, typeVersions } from './api-schemas';

const oneTicket = data(ticket);
const photos = data(arrayOf(photo));
const versioned = (extra: Record<string, object>) => object({ data: object({ ...extra, version: { ...int, description: 'the ticket\'s version the client last read' } }) });
const listQuery = {
  type: { ...str, description: 'ticket type key' },
  status: { ...str, description: 'a state, or several comma-separated' },
  assignee: { ...str, description: '`me`, `none` or a user id' },
  sla: { enum: ['breached', 'warning'] },
  import: { ...str, description: 'tickets created by this import job' },
  sort: { ...str, description: '`createdAt:desc` (default), `updatedAt:asc`, `sla:asc`, `form.<field>:asc`…' },
  filters: { type: 'object', description: '`filters[form][<field>][$op]=value` with the operators of the field\'s type (GET /ticket-types/{key}/schema lists them)' },
  near: {
    ...str,
    description:
      '`<longitude>,<latitude>` (decimal degrees, e.g. `121.47,31.23`): only tickets with a position (their `longitude`/`latitude` form fields), ' +
      'nearest first, each with its `distance` in metres; without `type`, of the types whose coordinates the caller may read. Not with `sort`',
  },
  radius: { type: 'number', exclusiveMinimum: 0, description: 'with `near`: only tickets within this many metres' },
  ...paging,
};

/**
 * REST routes under /api/ticketing. Every route declares the right it needs and what it
 * answers (the OpenAPI document, /api/openapi.json); tests fail on a route without either.
 */
export default {
  type: 'content-api',
  routes: [
    route('GET', '/me', 'me.find', 'account', { summary: 'The caller and the rights its role holds', responses: { 200: data(me) } }),
    route('GET', '/ticket-types', 'ticket-types.find', 'tickets.read', { summary: 'Active ticket types', responses: { 200: data(arrayOf(ticketTypeSummary)) } }),
    route('GET', '/ticket-types/:key/schema', 'ticket-types.schema', 'tickets.read', {
      summary: 'A type\'s form as JSON Schema and uiSchema, as the caller\'s role may see it',
      query: { locale: { enum: ['zh-CN', 'en'], description: 'else Accept-Language, else zh-CN' }, version: { type: 'integer', minimum: 1, description: 'a past revision' } },
      responses: { 200: data(formSchemaAnswer), 304: {} },
    }),
    // moving tickets between a type's versions: admins only
    route('GET', '/ticket-types/:key/versions', 'ticket-migrations.versions', 'ticket-types.migrate', {
      summary: 'A type\'s versions with their ticket counts',
      responses: { 200: data(typeVersions) },
    }),
    route('POST', '/ticket-types/:key/migrations', 'ticket-migrations.start', 'ticket-types.migrate', {
      summary: 'Move tickets from one version of the type to another, as a job',
      body: object({ from: int, to: int, dryRun: { type: 'boolean' }, renames: { type: 'object' }, defaults: { type: 'object' }, locale: { enum: ['zh-CN', 'en'] } }, ['dryRun', 'renames', 'defaults', 'locale']),
      responses: { 202: data(ref('JobRecord')) },
    }),
    route('GET', '/ticket-types/:key/migrations/:jobId/report', 'ticket-migrations.report', 'ticket-types.migrate', {
      summary: 'A migration\'s per-ticket report (migrated or kept, with the reasons)',
      query: paging,
      responses: { 200: data(migrationReport, ref('PageMeta')) },
    }),
    route('GET', '/field-types', 'field-types.find', 'tickets.read', { summary: 'The registered field types and the meta-schema of a type\'s `fields`', responses: { 200: data(fieldTypes) } }),
    route('GET', '/tickets', 'tickets.find', 'tickets.read', { summary: 'Tickets, filtered and sorted', query: listQuery, responses: { 200: page(ticket) } }),
    route('POST', '/tickets', 'tickets.create', 'tickets.create', {
      summary: 'Create a ticket (a draft); form values may be loose ("紧急", "2026-11-30 08:15") and are parsed by their field type',
      body: object({ data: object({ type: str, form: { type: 'object', description: 'values of `TicketForm_<type>`' } }) }),
      responses: { 201: oneTicket },
    }),
    route('GET', '/tickets/:id', 'tickets.findOne', 'tickets.read', { summary: 'A ticket', responses: { 200: oneTicket } }),
    route('PUT', '/tickets/:id', 'tickets.update', 'tickets.update', { summary: 'Change a ticket\'s form (409 on a stale version)', body: versioned({ form: { type: 'object' } }), responses: { 200: oneTicket } }),
    route('DELETE', '/tickets/:id', 'tickets.delete', 'tickets.delete', { summary: 'Delete a ticket', responses: { 200: oneTicket } }),
    route('POST', '/tickets/:id/transition', 'tickets.transition', 'tickets.transition', {
      summary: 'Move a ticket to another state (config/roles.yaml says who may)',
      body: versioned({ to: str }),
      responses: { 200: oneTicket },
    }),
    route('GET', '/tickets/:id/history', 'tickets.history', 'tickets.read', { summary: 'A ticket\'s audit trail, newest first', query: paging, responses: { 200: page(historyEntry) } }),
    route('POST', '/tickets/:id/assign', 'tickets.assign', 'tickets.assign', {
      summary: 'Claim a ticket (`me`), hand it back (`null`) or assign it to someone (needs tickets.assign.others)',
      body: versioned({ assignee: { type: ['string', 'integer', 'null'] } }),
      responses: { 200: oneTicket },
    }),
    route('GET', '/assignees', 'tickets.assignees', 'tickets.assign.others', { summary: 'Users who may work tickets', responses: { 200: data(arrayOf(assignee)) } }),
    route('GET', '/tickets/:id/notes', 'tickets.notes', 'tickets.read', { summary: 'A ticket\'s work notes, oldest first', query: paging, responses: { 200: page(note) } }),
    route('POST', '/tickets/:id/notes', 'tickets.addNote', 'tickets.update', { summary: 'Add a work note (append-only)', body: object({ data: object({ text: str }) }), responses: { 201: data(note) } }),
    route('GET', '/tickets/:id/images', 'photos.find', 'images.read', { summary: 'A ticket\'s photos in order, with signed URLs', responses: { 200: photos } }),
    route('POST', '/tickets/:id/images', 'photos.upload', 'images.add', {
      summary: 'Upload photos (JPEG, PNG, WebP, TIFF, checked by their bytes)',
      description: 'With `uploadKey` (the client\'s id of this upload), sending the same upload again stores nothing and answers 200 with the photos it stored.',
      multipart: object(
        { files: arrayOf({ type: 'string', contentMediaType: 'application/octet-stream' }), uploadKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' } },
        ['uploadKey'],
      ),
      responses: { 200: photos, 201: photos },
    }),
    route('PUT', '/tickets/:id/images/order', 'photos.reorder', 'images.write', {
      summary: 'Reorder a ticket\'s photos (every photo id, in the new order)',
      body: object({ data: object({ order: arrayOf(str) }) }),
      responses: { 200: photos },
    }),
    route('DELETE', '/tickets/:id/images/:imageId', 'photos.delete', 'images.write', { summary: 'Delete a photo', responses: { 204: {} } }),
    // the signature in the link is the authorisation: it was only handed to readers
    {
      method: 'GET',
      path: '/files/:key(.*)',
      handler: 'files.download',
      config: {
        auth: false,
        spec: {
          summary: 'A stored file (photo, thumbnail, export) by a signed link from another answer',
          query: { expires: { ...str, required: true }, signature: { ...str, required: true } },
          responses: { 200: file('application/octet-stream', 'the file, with its own media type') },
        },
      },
    },
  ],
};

import { arrayOf, bool, int, named, nullable, object, str, timestamp, type JsonSchema } from 'strapi-plugin-access';
import { TICKET_STATES } from '../tickets/workflow';

/** The shapes of the ticketing plugin's answers, for the OpenAPI document (see content-api.ts). */

const userRef = object({ id: int, username: str });
const localized = object({ 'zh-CN': str, en: str }, ['zh-CN', 'en']);

const slaClock = object({ target: int, elapsed: int, state: str, running: bool, dueAt: nullable(timestamp), businessHours: bool });

export const ticket: JsonSchema = named('Ticket', {
  ...object({
    documentId: str,
    type: { ...str, description: 'the ticket type\'s key' },
    typeVersion: int,
    status: { enum: [...TICKET_STATES] },
    form: { type: 'object', description: 'the form\'s values as the caller may read them; its shape is the type\'s `TicketForm_<key>`' },
    version: { ...int, description: 'send it back with a write: a stale one is a 409' },
    photos: arrayOf(str),
    creator: nullable(userRef),
    assignee: nullable(userRef),
    createdAt: timestamp,
    updatedAt: timestamp,
    allowedTransitions: arrayOf({ enum: [...TICKET_STATES] }),
    sla: nullable(object({ state: str, response: slaClock, resolution: slaClock })),
    distance: { type: 'integer', minimum: 0, description: 'metres from the `near` point of a list query (great-circle), only then' },
  }, ['photos', 'assignee', 'allowedTransitions', 'sla', 'distance']),
});

export const photo: JsonSchema = named('Photo', object({
  id: str,
  name: str,
  mime: str,
  size: int,
  width: int,
  height: int,
  gps: nullable(object({ latitude: { type: 'number' }, longitude: { type: 'number' } }, ['latitude', 'longitude'])),
  url: { ...str, description: 'signed, expiring link' },
  thumbnailUrl: str,
  uploadedAt: timestamp,
  uploadedBy: nullable(str),
}, ['gps', 'uploadedBy']));

const actor = object({ kind: str, id: nullable(str), name: nullable(str) });

export const historyEntry: JsonSchema = named('TicketHistoryEntry', object({
  id: str, action: str, actor, diff: nullable({ type: 'object' }), meta: nullable({}), requestId: nullable(str), at: timestamp,
}, ['diff', 'meta', 'requestId']));

export const note: JsonSchema = named('TicketNote', object({ id: str, text: str, author: actor, createdAt: timestamp }));

export const ticketTypeSummary: JsonSchema = object({ key: str, name: localized, description: nullable(str), version: int });

export const formSchemaAnswer: JsonSchema = object({
  key: str,
  version: int,
  locale: { enum: ['zh-CN', 'en'] },
  schema: { type: 'object', description: 'JSON Schema draft-07 of the form, labels in the locale (the same builder as components `TicketForm_<key>`)' },
  uiSchema: { type: 'object', description: 'RJSF uiSchema' },
  filters: arrayOf(object({ field: str, operators: arrayOf(str), sortable: bool, input: nullable(str) })),
}, ['filters']);

export const me: JsonSchema = object({
  kind: { enum: ['user', 'api-token'] },
  id: nullable({ type: ['integer', 'string'] }),
  username: nullable(str),
  email: nullable(str),
  role: nullable(str),
  rights: arrayOf(str),
}, ['username', 'email']);

export const fieldTypes: JsonSchema = object({
  types: arrayOf(object({ name: str, label: { type: 'object' }, rulesSchema: { type: 'object' }, operators: arrayOf(str), sortable: bool, filterInput: nullable(str), freeText: bool, examples: { type: 'object' } }, ['operators', 'sortable', 'filterInput', 'freeText', 'examples'])),
  metaSchema: { type: 'object', description: 'JSON Schema (draft-07) of a ticket type\'s `fields`' },
});

export const typeVersions: JsonSchema = object({
  key: str,
  current: int,
  versions: arrayOf(object({ version: int, createdAt: nullable(timestamp), current: bool, tickets: int, fields: arrayOf({ type: 'object' }) })),
});

export const migrationReport: JsonSchema = object({
  jobId: str,
  status: str,
  typeKey: str,
  from: int,
  to: int,
  dryRun: bool,
  counts: object({ total: int, migrated: int, kept: int }),
  entries: arrayOf({ type: 'object' }),
});

export const assignee: JsonSchema = object({ id: int, username: str, role: nullable(str) });

import type { Core } from '@strapi/strapi';
import { accessService, InvalidError, NotFoundError, pageParams, pagination } from 'strapi-plugin-access';
import { WEBHOOK_DELIVERY_UID, WEBHOOK_UID } from '../constants';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../events/kinds';
import { newSecret } from '../webhooks/signature';
import { webhookUrlProblem } from '../webhooks/webhook-body';
import { newDocumentId, parseJson, tableOf } from '../utils/get-service';

export interface WebhookRow {
  id: number;
  document_id: string;
  name: string | null;
  url: string;
  events: unknown;
  secret: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const SECRET_MIN = 16;
// the column is a varchar(255)
const SECRET_MAX = 200;

/** The fields of a create (every one required but name, secret, active) or an update (any). */
function readFields(data: Record<string, unknown>, creating: boolean) {
  const known = ['name', 'url', 'events', 'secret', 'active'];
  for (const key of Object.keys(data)) if (!known.includes(key)) throw new InvalidError(`data.${key} is not a webhook field (${known.join(', ')})`);
  const fields: Record<string, unknown> = {};
  if (creating || data.url !== undefined) {
    const problem = webhookUrlProblem(data.url);
    if (problem) throw new InvalidError(problem);
    fields.url = data.url;
  }
  if (creating || data.events !== undefined) {
    const events = data.events;
    if (!Array.isArray(events) || !events.length || !events.every((e) => WEBHOOK_EVENTS.includes(e as WebhookEvent))) {
      throw new InvalidError(`data.events must be a non-empty list of ${WEBHOOK_EVENTS.join(', ')}`);
    }
    fields.events = JSON.stringify([...new Set(events)]);
  }
  if (data.name !== undefined) {
    if (data.name !== null && (typeof data.name !== 'string' || data.name.length > 200)) throw new InvalidError('data.name must be a text of at most 200 characters');
    fields.name = data.name;
  }
  if (data.secret !== undefined) {
    if (typeof data.secret !== 'string' || data.secret.length < SECRET_MIN || data.secret.length > SECRET_MAX) {
      throw new InvalidError(`data.secret must be ${SECRET_MIN} to ${SECRET_MAX} characters`);
    }
    fields.secret = data.secret;
  }
  if (data.active !== undefined) {
    if (typeof data.active !== 'boolean') throw new InvalidError('data.active must be true or false');
    fields.active = data.active;
  }
  return fields;
}

/** Admins' webhook subscriptions: where ticket events are POSTed. The secret is shown once, when made. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.connection(tableOf(strapi, WEBHOOK_UID));
  const time = (value: Date | null) => accessService(strapi, 'timestamps').format(value);

  const present = (row: WebhookRow) => ({
    id: row.document_id,
    name: row.name,
    url: row.url,
    events: parseJson<WebhookEvent[]>(row.events),
    active: row.active,
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
  });

  async function row(id: string): Promise<WebhookRow> {
    const found: WebhookRow | undefined = await table().where({ document_id: id }).first();
    if (!found) throw new NotFoundError(`Webhook ${id} not found`);
    return found;
  }

  return {
    row,

    async list(query: Record<string, unknown>) {
      const page = pageParams(query);
      const [{ n }] = await table().count({ n: '*' });
      const rows: WebhookRow[] = await table().orderBy('id', 'desc').limit(page.pageSize).offset((page.page - 1) * page.pageSize);
      return { data: rows.map(present), pagination: pagination(page, Number(n)) };
    },

    async findOne(id: string) {
      return present(await row(id));
    },

    /** Creates a subscription; the answer holds its secret (made when none was given), the only time it is shown. */
    async create(data: Record<string, unknown>, creatorId: number | null) {
      const fields = readFields(data, true);
      const now = new Date();
      const secret = (fields.secret as string | undefined) ?? newSecret();
      const [created]: WebhookRow[] = await table()
        .insert({ active: true, ...fields, secret, document_id: newDocumentId(), creator_id: creatorId, created_at: now, updated_at: now, published_at: now })
        .returning('*');
      return { ...present(created), secret };
    },

    async update(id: string, data: Record<string, unknown>) {
      const fields = readFields(data, false);
      await row(id);
      const [updated]: WebhookRow[] = await table().where({ document_id: id }).update({ ...fields, updated_at: new Date() }).returning('*');
      return present(updated);
    },

    /** Removes a subscription and its delivery log; its queued deliveries then find nothing to send. */
    async delete(id: string) {
      const found = await row(id);
      await strapi.db.connection.transaction(async (trx) => {
        await trx(tableOf(strapi, WEBHOOK_DELIVERY_UID)).where({ webhook_id: id }).delete();
        await trx(tableOf(strapi, WEBHOOK_UID)).where({ id: found.id }).delete();
      });
      return present(found);
    },

    /** The active subscriptions to `event`. */
    async subscribedTo(event: WebhookEvent): Promise<WebhookRow[]> {
      return table().where({ active: true }).whereRaw('events @> ?::jsonb', [JSON.stringify([event])]);
    },
  };
};

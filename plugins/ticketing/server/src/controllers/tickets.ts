import type { Core } from '@strapi/strapi';
import { actorFromState, InvalidError, pageParams, pagination } from 'strapi-plugin-access';
import { bodyData, writeContext, type Context } from '../utils/request';
import { getService } from '../utils/get-service';

function requireVersion(data: Record<string, unknown>) {
  if (!Number.isSafeInteger(data.version) || (data.version as number) < 1) {
    throw new InvalidError('data.version must be the positive integer version you read');
  }
  return data.version as number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tickets = () => getService(strapi, 'tickets');

  return {
    /** GET /tickets — a filtered, sorted page of tickets with the total. */
    async find(ctx: Context) {
      const { data, pagination } = await tickets().list(ctx.query, actorFromState(ctx.state));
      ctx.body = { data, meta: { pagination } };
    },

    /** GET /tickets/:id */
    async findOne(ctx: Context) {
      ctx.body = { data: await tickets().findOne(ctx.params.id, actorFromState(ctx.state)), meta: {} };
    },

    /** POST /tickets — `{ data: { type, form } }` → 201, in draft. */
    async create(ctx: Context) {
      const data = bodyData(ctx);
      ctx.status = 201;
      ctx.body = { data: await tickets().create({ type: data.type, form: data.form }, writeContext(ctx)), meta: {} };
    },

    /** PUT /tickets/:id — `{ data: { form, version } }`; 409 when `version` is stale. */
    async update(ctx: Context) {
      const data = bodyData(ctx);
      const version = requireVersion(data);
      ctx.body = { data: await tickets().update(ctx.params.id, { form: data.form, version }, writeContext(ctx)), meta: {} };
    },

    /** POST /tickets/:id/transition — `{ data: { to, version } }`. */
    async transition(ctx: Context) {
      const data = bodyData(ctx);
      const version = requireVersion(data);
      ctx.body = { data: await tickets().transition(ctx.params.id, { to: data.to, version }, writeContext(ctx)), meta: {} };
    },

    /** DELETE /tickets/:id */
    async delete(ctx: Context) {
      ctx.body = { data: await tickets().delete(ctx.params.id, writeContext(ctx)), meta: {} };
    },

    /** POST /tickets/:id/assign — `{ data: { assignee: <user id> | "me" | null, version } }`. */
    async assign(ctx: Context) {
      const data = bodyData(ctx);
      const version = requireVersion(data);
      ctx.body = { data: await getService(strapi, 'ticket-assignment').assign(ctx.params.id, { assignee: data.assignee, version }, writeContext(ctx)), meta: {} };
    },

    /** GET /assignees — who tickets can be assigned to (for those who assign others). */
    async assignees(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'ticket-assignment').assignees(), meta: {} };
    },

    /** GET /tickets/:id/notes — work notes, newest first. */
    async notes(ctx: Context) {
      const page = pageParams(ctx.query);
      const { notes, total } = await getService(strapi, 'ticket-notes').list(ctx.params.id, page.page, page.pageSize);
      ctx.body = { data: notes, meta: { pagination: pagination(page, total) } };
    },

    /** POST /tickets/:id/notes — `{ data: { text } }` → 201 with the note. */
    async addNote(ctx: Context) {
      const data = bodyData(ctx);
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'ticket-notes').add(ctx.params.id, { text: data.text }, writeContext(ctx)), meta: {} };
    },

    /** GET /tickets/:id/history — audit entries, newest first. */
    async history(ctx: Context) {
      const page = pageParams(ctx.query);
      const { entries, total } = await tickets().history(ctx.params.id, page.page, page.pageSize, actorFromState(ctx.state));
      ctx.body = { data: entries, meta: { pagination: pagination(page, total) } };
    },
  };
};

import type { Core } from '@strapi/strapi';
import { actorFromState, bodyData, InvalidError } from 'strapi-plugin-access';
import { ticketingService } from '../clients/ticketing-plugin';
import type { HeaderChoices } from '../mapping/column-mapping';
import { getService } from '../utils/get-service';

type Context = Parameters<Core.MiddlewareHandler>[0];

const isChoices = (value: unknown): value is HeaderChoices =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v === 'string');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /excel-io/mappings?ticketType= */
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'mappings').list(ctx.query.ticketType), meta: {} };
  },

  /** POST /excel-io/mappings — `{ data: { ticketType, headers: [...], mapping: { header: field | null } } }`: the wizard's "confirm". */
  async create(ctx: Context) {
    const data = bodyData(ctx.request.body);
    const { ticketType, headers, mapping } = data;
    if (typeof ticketType !== 'string') throw new InvalidError('data.ticketType must be a ticket type key');
    if (!Array.isArray(headers) || !headers.every((h) => typeof h === 'string') || headers.length > 500) {
      throw new InvalidError('data.headers must be the list of header texts');
    }
    if (!isChoices(mapping)) throw new InvalidError('data.mapping must be { "<header text>": "<field key>" | null }');
    const definition = await ticketingService(strapi, 'ticket-types')
      .definition(ticketType)
      .catch(() => null);
    if (!definition?.active) throw new InvalidError(`Unknown ticket type "${ticketType}"`);
    const saved = await getService(strapi, 'mappings').save(
      { ticketType, headers: headers as string[], mapping },
      definition.fields.map((f) => f.key),
      actorFromState(ctx.state),
    );
    ctx.status = 201;
    ctx.body = { data: saved, meta: {} };
  },

  /** DELETE /excel-io/mappings/:id — admins only. */
  async delete(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'mappings').delete(ctx.params.id, actorFromState(ctx.state)), meta: {} };
  },
});

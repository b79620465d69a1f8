import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { suggestFields, type SuggestResult } from '../suggestions';
import { ticketingService, type FieldRef } from '../utils/ticketing';
import { getService } from '../utils/get-service';

/** Field suggestions from a ticket's stored OCR results, and applying the ones the user accepts. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const SYSTEM_READER = { kind: 'system', id: null, name: null, role: 'admin', userId: null };

  /** The ticket, its fields (of the version it was written with) and a parse bound to the platform zone. */
  async function ticketContext(ticketId: string) {
    const ticket = await ticketingService(strapi, 'tickets').findOne(ticketId, SYSTEM_READER);
    const { fields } = await ticketingService(strapi, 'ticket-types').definition(ticket.type, ticket.typeVersion);
    const fieldTypes = ticketingService(strapi, 'field-types');
    const ctx = fieldTypes.parseContext();
    const parse = (field: FieldRef, raw: unknown) => fieldTypes.registry.require(field.type).parse(raw, field, ctx);
    return { ticket, fields, parse };
  }

  async function suggest(ticketId: string, { fields, parse }: Awaited<ReturnType<typeof ticketContext>>) {
    const images = await getService(strapi, 'results').linesByPhoto(ticketId);
    return suggestFields({ fields, parse, images });
  }

  return {
    /** At most one proposed canonical value per field, with where on which photo it was read. */
    async forTicket(ticketId: string): Promise<SuggestResult<string>> {
      return suggest(ticketId, await ticketContext(ticketId));
    },

    /**
     * Writes accepted values into the ticket like any update (400 names bad fields, 409 on a
     * stale version), audited as `ocr_apply` with the source of every value: the suggestion it
     * came from, or `edited` when the user changed it.
     */
    async apply(ticketId: string, input: { values: unknown; version: unknown }, writeContext: unknown) {
      const { values, version } = input;
      if (!values || typeof values !== 'object' || Array.isArray(values) || !Object.keys(values).length) {
        throw new errors.ValidationError('data.values must be an object of { field: value } with at least one field');
      }
      const context = await ticketContext(ticketId);
      const { ticket, fields, parse } = context;
      const byKey = new Map(fields.map((f) => [f.key, f]));
      const unknown = Object.keys(values).filter((key) => !byKey.has(key));
      if (unknown.length) throw new errors.ValidationError(`Not fields of ${ticket.type}: ${unknown.join(', ')}`, { fields: unknown });

      const { data: suggestions } = await suggest(ticketId, context);
      const sources = Object.fromEntries(
        Object.entries(values as Record<string, unknown>).map(([key, value]) => {
          const parsed = parse(byKey.get(key) as FieldRef, value);
          const suggestion = suggestions.find((s) => s.field === key);
          const accepted = suggestion && parsed.ok && isDeepStrictEqual(parsed.value, suggestion.value);
          return [key, accepted ? { ...suggestion.source, raw: suggestion.raw, confidence: suggestion.confidence } : { edited: true }];
        }),
      );
      const form = { ...ticket.form, ...(values as Record<string, unknown>) };
      return ticketingService(strapi, 'tickets').update(ticketId, { form, version }, writeContext, { action: 'ocr_apply', meta: { sources } });
    },
  };
};

import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { InvalidError } from 'strapi-plugin-access';
import type { Locale } from 'strapi-plugin-ticketing';
import { suggestFields, type FieldReader, type Suggestion, type SuggestResult } from '../suggestions';
import { ticketingService, type FieldRef } from '../clients/ticketing-plugin';

// apply compares values, whose messages nobody reads
const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A suggestion with its value as people read it. */
export type DisplayedSuggestion = Suggestion<string> & { display: string };
import { getService } from '../utils/get-service';
import type { OcrConfig } from '../config';

/** Field suggestions from a ticket's stored OCR results, and applying the ones the user accepts. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // the system reads every field; what the caller may see and write is checked where it acts
  const SYSTEM_READER = { kind: 'system', id: null, name: null, role: null, userId: null };

  /** The ticket, its fields (of the version it was written with) and the registry bound to the platform zone. */
  async function ticketContext(ticketId: string, locale: Locale) {
    const ticket = await ticketingService(strapi, 'tickets').findOne(ticketId, SYSTEM_READER);
    const { fields } = await ticketingService(strapi, 'ticket-types').definition(ticket.type, ticket.typeVersion);
    const fieldTypes = ticketingService(strapi, 'field-types');
    const ctx = fieldTypes.parseContext();
    const reader: FieldReader<FieldRef> = {
      parse: (field, raw) => fieldTypes.registry.require(field.type).parse(raw, field, ctx),
      check: (field, value) => fieldTypes.check(field, value, locale),
      isFreeText: (field) => fieldTypes.registry.require(field.type).freeText,
    };
    return { ticket, fields, reader };
  }

  async function suggest(ticketId: string, { fields, reader }: Awaited<ReturnType<typeof ticketContext>>) {
    const images = await getService(strapi, 'results').linesByPhoto(ticketId);
    const { unsureBelow } = strapi.config.get('plugin::ocr') as OcrConfig;
    return suggestFields({ fields, reader, images, unsureBelow });
  }

  return {
    /**
     * At most one proposed canonical value per field, with where on which photo it was read and
     * `display`: the value as the form shows it (option labels, wall-clock times) in `locale`.
     */
    async forTicket(ticketId: string, locale: Locale, role: string | null): Promise<SuggestResult<string> & { data: DisplayedSuggestion[] }> {
      const full = await ticketContext(ticketId, locale);
      // a field the caller may not write is never offered: applying it would be refused
      const unwritable = await ticketingService(strapi, 'field-access').unwritable(full.ticket.type, role);
      const context = { ...full, fields: full.fields.filter((f) => !unwritable.has(f.key)) };
      const { data, meta } = await suggest(ticketId, context);
      const fieldTypes = ticketingService(strapi, 'field-types');
      const byKey = new Map(context.fields.map((f) => [f.key, f]));
      const shown = data.map((s) => ({ ...s, display: String(fieldTypes.format(byKey.get(s.field)!, s.value, locale) ?? '') }));
      return { data: shown, meta };
    },

    /**
     * Writes accepted values into the ticket like any update (400 names bad fields, 409 on a
     * stale version), audited as `ocr_apply` with the source of every value: the suggestion it
     * came from, or `edited` when the user changed it.
     */
    async apply(ticketId: string, input: { values: unknown; version: unknown }, writeContext: unknown) {
      const { values, version } = input;
      if (!values || typeof values !== 'object' || Array.isArray(values) || !Object.keys(values).length) {
        throw new InvalidError('data.values must be an object of { field: value } with at least one field');
      }
      const context = await ticketContext(ticketId, DEFAULT_LOCALE);
      const { ticket, fields, reader } = context;
      const byKey = new Map(fields.map((f) => [f.key, f]));
      const unknown = Object.keys(values).filter((key) => !byKey.has(key));
      if (unknown.length) throw new InvalidError(`Not fields of ${ticket.type}: ${unknown.join(', ')}`, { fields: unknown });

      const { data: suggestions } = await suggest(ticketId, context);
      const sources = Object.fromEntries(
        Object.entries(values as Record<string, unknown>).map(([key, value]) => {
          const parsed = reader.parse(byKey.get(key) as FieldRef, value);
          const suggestion = suggestions.find((s) => s.field === key);
          const accepted = suggestion && parsed.ok && isDeepStrictEqual(parsed.value, suggestion.value);
          const { raw, confidence, minCharConfidence, unsure } = suggestion ?? {};
          return [key, accepted ? { ...suggestion.source, raw, confidence, minCharConfidence, unsure } : { edited: true }];
        }),
      );
      const form = { ...ticket.form, ...(values as Record<string, unknown>) };
      return ticketingService(strapi, 'tickets').update(ticketId, { form, version }, writeContext, { action: 'ocr_apply', meta: { sources } });
    },
  };
};

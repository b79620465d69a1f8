import type { Core } from '@strapi/strapi';
import type { FieldDefinition, FieldType, Locale, ParseContext, StoredPhoto } from 'strapi-plugin-ticketing';

/** A ticket-type field, as the ticketing plugin defines it. */
export type FieldRef = FieldDefinition;
/** A photo of a ticket as the ticketing plugin stores it. */
export type PhotoRef = StoredPhoto;

/** The ticketing plugin's services this plugin calls (plugins share services, not modules). */
interface TicketingServices {
  photos: {
    stored(ticketId: string): Promise<StoredPhoto[]>;
    present(photo: StoredPhoto): Promise<{ url: string; thumbnailUrl: string }>;
    read(photo: StoredPhoto): Promise<Buffer>;
  };
  tickets: {
    writeContext(ctx: unknown): { actor: unknown };
    findOne(documentId: string, actor: unknown): Promise<{ type: string; typeVersion: number; version: number; form: Record<string, unknown> }>;
    update(
      documentId: string,
      input: { form: unknown; version: unknown },
      ctx: unknown,
      as: { action: string; meta?: Record<string, unknown> },
    ): Promise<unknown>;
  };
  'ticket-types': {
    definition(key: string, version?: number): Promise<{ fields: FieldDefinition[] }>;
  };
  'field-access': {
    /** Keys of the type's fields `role` may not write (null: the system). */
    unwritable(typeKey: string, role: string | null): Promise<ReadonlySet<string>>;
  };
  'field-types': {
    registry: { require(name: string): FieldType };
    check(field: FieldDefinition, value: unknown, locale: Locale): string | null;
    format(field: FieldDefinition, value: unknown, locale: Locale): string | number | boolean | null;
    parseContext(): ParseContext;
    requestLocale(query: Record<string, unknown>, acceptLanguage?: string): Locale;
  };
}

/** A service of the ticketing plugin. */
export function ticketingService<K extends keyof TicketingServices>(strapi: Core.Strapi, name: K): TicketingServices[K] {
  return strapi.plugin('ticketing').service(name) as unknown as TicketingServices[K];
}

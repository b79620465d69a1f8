import type { Core } from '@strapi/strapi';
/** A photo of a ticket as the ticketing plugin stores it (the part OCR uses). */
export interface PhotoRef {
  id: string;
  name: string;
  width: number;
  height: number;
}

/** A ticket-type field (ticketing's FieldDefinition, structurally). */
export interface FieldRef {
  key: string;
  type: string;
  label: Record<string, string>;
  aliases?: string[];
  rules?: Record<string, unknown>;
}

type ParseResult = { ok: true; value: unknown } | { ok: false; error: string };

/** The ticketing plugin's services this plugin calls, typed structurally so it never imports that plugin. */
interface TicketingServices {
  photos: {
    stored(ticketId: string): Promise<PhotoRef[]>;
    present(photo: PhotoRef): Promise<{ url: string; thumbnailUrl: string }>;
    read(photo: PhotoRef): Promise<Buffer>;
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
    definition(key: string, version?: number): Promise<{ fields: FieldRef[] }>;
  };
  'field-types': {
    registry: { require(name: string): { parse(input: unknown, field: FieldRef, ctx: unknown): ParseResult } };
    parseContext(): unknown;
  };
}

/** A service of the ticketing plugin. */
export function ticketingService<K extends keyof TicketingServices>(strapi: Core.Strapi, name: K): TicketingServices[K] {
  return strapi.plugin('ticketing').service(name) as unknown as TicketingServices[K];
}

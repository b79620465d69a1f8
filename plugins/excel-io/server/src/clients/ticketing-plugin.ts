import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Actor } from 'strapi-plugin-access';
import type {
  FieldDefinition,
  FieldType,
  FormError,
  FormResult,
  ImportContext,
  ImportedTicket,
  Locale,
  ParseContext,
  PreparedImport,
  StoredObject,
} from 'strapi-plugin-ticketing';

export type { FieldDefinition, FieldType, FormError, FormResult, Locale, ParseContext, PreparedImport, StoredObject };

/** A ticket type's fields at one version, as the ticketing plugin hands them out. */
export interface TypeDefinition {
  key: string;
  version: number;
  active?: boolean;
  fields: FieldDefinition[];
}

/** The actor a write is recorded for (the access plugin's caller). */
export type ActorRef = Actor;

/** The ticketing plugin's services this plugin calls (plugins share services, not modules). */
interface TicketingServices {
  'ticket-types': {
    definition(key: string, version?: number): Promise<TypeDefinition>;
    listActive(): Promise<{ key: string; version: number }[]>;
  };
  'field-types': {
    registry: { require(name: string): FieldType };
    check(field: FieldDefinition, value: unknown, locale: Locale): string | null;
    parseContext(): ParseContext;
    requestLocale(query: Record<string, unknown>, acceptLanguage?: string): Locale;
  };
  'ticket-bulk': {
    validateNew(input: unknown, source: TypeDefinition, locale: Locale, ctx: ParseContext): FormResult;
    importPreparer(ctx: ImportContext): (item: ImportedTicket) => PreparedImport;
    copyImported(trx: Knex.Transaction, items: PreparedImport[]): Promise<void>;
    importedSoFar(job: string): Promise<{ created: number; lastRow: number }>;
    importedBy(job: string): Promise<{ row: number; documentId: string; form: Record<string, unknown> }[]>;
  };
  storage: {
    put(object: StoredObject, bytes: Buffer): Promise<StoredObject>;
    remove(object: StoredObject): Promise<void>;
    read(object: StoredObject): Promise<Buffer>;
  };
  'field-access': {
    /** Keys of the type's fields `role` may not write (null: the system, which writes all). */
    unwritable(typeKey: string, role: string | null): Promise<ReadonlySet<string>>;
  };
}

/** A service of the ticketing plugin. */
export function ticketingService<K extends keyof TicketingServices>(strapi: Core.Strapi, name: K): TicketingServices[K] {
  return strapi.plugin('ticketing').service(name) as unknown as TicketingServices[K];
}

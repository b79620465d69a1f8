import type { Core } from '@strapi/strapi';
import type { FieldDefinition, FieldType, Locale, ParseContext, StoredObject, TypeDefinition } from '../clients/ticketing-plugin';

export type { FieldDefinition, FieldType, Locale, ParseContext, StoredObject, TypeDefinition };

/** One photo of a ticket's ordered list, as the ticketing plugin stores it. */
export interface StoredPhoto {
  id: string;
  name: string;
  width: number;
  height: number;
  original: StoredObject;
  uploadedAt: string;
}

/** A ticket as the ticketing plugin's `streamList` hands it out. */
export interface ListedTicket {
  documentId: string;
  type: string;
  typeVersion: number;
  status: string;
  form: Record<string, unknown>;
  photos: StoredPhoto[];
  creator: { id: number; username: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

/** An audit entry of a ticket, newest first. */
export interface HistoryEntry {
  action: string;
  actor: { kind: string; id: string | null; name: string | null };
  diff: Record<string, [unknown, unknown]> | null;
  /** A work note's entry (action `note`) holds its text here. */
  meta?: { text?: string } | null;
  at: string;
}

/** The slice of the ticketing plugin the export uses (plugins share services, not modules). */
interface ExportTicketingServices {
  tickets: {
    streamList(
      query: Record<string, unknown>,
      options?: { batchSize?: number; onCount?: (total: number) => void | Promise<void>; role?: string | null },
    ): AsyncGenerator<ListedTicket[]>;
    /** `role`: leave out the fields it may not read (null: the system, every field). */
    listedOne(documentId: string, role?: string | null): Promise<ListedTicket>;
    countList(query: Record<string, unknown>, role?: string | null): Promise<number>;
    parseList(query: Record<string, unknown>, role?: string | null): Promise<unknown>;
    history(documentId: string, page: number, pageSize: number, actor: { role: string | null }): Promise<{ entries: HistoryEntry[]; total: number }>;
  };
  'field-access': {
    /** The type version with only the fields `role` may read. */
    readableDefinition<D extends TypeDefinition>(definition: D, role: string | null): D;
  };
  'ticket-types': {
    definition(key: string, version?: number): Promise<TypeDefinition & { name: Record<Locale, string> }>;
  };
  'field-types': {
    get(name: string): FieldType | undefined;
    parseContext(): ParseContext;
    requestLocale(query: Record<string, unknown>, acceptLanguage?: string): Locale;
  };
  storage: {
    put(object: StoredObject, bytes: Buffer): Promise<StoredObject>;
    putFile(object: StoredObject, filePath: string): Promise<StoredObject>;
    remove(object: StoredObject): Promise<void>;
    read(object: StoredObject): Promise<Buffer>;
    signedUrl(object: StoredObject): Promise<string>;
  };
}

/** A service of the ticketing plugin, typed with what the export calls. */
export function exportTicketing<K extends keyof ExportTicketingServices>(strapi: Core.Strapi, name: K): ExportTicketingServices[K] {
  return strapi.plugin('ticketing').service(name) as unknown as ExportTicketingServices[K];
}

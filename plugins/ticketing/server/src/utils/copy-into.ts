import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Knex } from 'knex';
import { from as copyFrom } from 'pg-copy-streams';

/** A value COPY can take as text: null is `\N`. */
export type CopyValue = string | number | Date | null | undefined;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastStamp = { time: Number.NaN, text: '' };

/**
 * A Date as node-postgres sends it: the process's local wall clock with its offset, so a row
 * written by COPY stores the same `timestamp` a parameterised insert of that Date would.
 */
export function pgTimestamp(date: Date): string {
  // bulk writers stamp thousands of rows with the same instant
  if (date.getTime() === lastStamp.time) return lastStamp.text;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const text =
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  lastStamp.time = date.getTime();
  lastStamp.text = text;
  return text;
}

/** One field of COPY's text format. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return pgTimestamp(value);
  const text = typeof value === 'number' ? String(value) : value;
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;
}

/** One row of COPY's text format (fields already made by `copyField`), line break included, as UTF-8. */
export const copyLine = (fields: string[]): Buffer => Buffer.from(`${fields.join('\t')}\n`);

/**
 * Writes rows into `table` with `COPY … FROM STDIN` on the connection of `trx`, so they
 * commit or roll back with the rest of the transaction. COPY is the bulk path PostgreSQL
 * parses fastest, and its text costs node a fraction of a parameterised insert's array
 * literals. `lines` are `copyLine`s already encoded as UTF-8: a writer encodes each row as it
 * makes it, so the bytes live outside the V8 heap until they are sent. COPY has no ON
 * CONFLICT: a row that breaks a unique index fails the whole statement.
 */
export async function copyInto(trx: Knex.Transaction, table: string, columns: string[], lines: Buffer[]): Promise<void> {
  if (!lines.length) return;
  // inside a transaction knex hands out the transaction's own connection
  const connection = (await trx.client.acquireConnection()) as { query<T>(submittable: T): T };
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  await pipeline(Readable.from([Buffer.concat(lines)]), connection.query(copyFrom(sql)));
}

import { isApiError } from '../../../../api/api-error';
import type { FormValues, TicketStatus } from '../../../../services/ticket';

/** What a 409 on a stale version carries: the ticket as it is now. */
export interface ServerState {
  version: number;
  form: FormValues;
  status: TicketStatus;
  allowedTransitions: TicketStatus[];
}

/** One field in the conflict table: its value when loaded, on the server now, and in the user's form. */
export interface ConflictRow {
  field: string;
  label: string;
  loaded: unknown;
  server: unknown;
  mine: unknown;
  changedOnServer: boolean;
  changedByMe: boolean;
  /** Both sides changed it, to different values: overwriting loses the other person's value. */
  clash: boolean;
}

/** The server state from a 409's details, or null when the error is not such a 409. */
export function serverStateOf(error: unknown): ServerState | null {
  if (!isApiError(error, 'http', 409)) return null;
  const { version, form, status, allowedTransitions } = error.details as Partial<ServerState>;
  if (typeof version !== 'number' || !form || typeof form !== 'object') return null;
  return { version, form, status: status as TicketStatus, allowedTransitions: allowedTransitions ?? [] };
}

/** Equality of form values (arrays by order, objects by key), undefined and null alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (a == null && b == null)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue((a as FormValues)[key], (b as FormValues)[key]));
  }
  return false;
}

/**
 * The fields someone changed since the user loaded the form (`loaded` → `server`) or the user
 * changed (`loaded` → `mine`), in form order; fields nobody touched are left out.
 */
export function conflictRows(args: {
  loaded: FormValues;
  server: FormValues;
  mine: FormValues;
  order: string[];
  labels: Record<string, string>;
}): ConflictRow[] {
  const { loaded, server, mine, order, labels } = args;
  const fields = [...order, ...[...new Set([...Object.keys(server), ...Object.keys(mine)])].filter((f) => !order.includes(f))];
  const rows: ConflictRow[] = [];
  for (const field of fields) {
    const changedOnServer = !sameValue(loaded[field], server[field]);
    const changedByMe = !sameValue(loaded[field], mine[field]);
    if (!changedOnServer && !changedByMe) continue;
    rows.push({
      field,
      label: labels[field] ?? field,
      loaded: loaded[field],
      server: server[field],
      mine: mine[field],
      changedOnServer,
      changedByMe,
      clash: changedOnServer && changedByMe && !sameValue(server[field], mine[field]),
    });
  }
  return rows;
}

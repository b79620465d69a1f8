import { InvalidError, pageParams } from 'strapi-plugin-access';
import { FILTER_OPERATORS, type FieldDefinition, type FieldType, type FilterOperator, type ParseContext, type ValueKind } from '../field-types';
import { isTicketState, type TicketState } from './workflow';
import { hasPosition, LATITUDE_KEY, LONGITUDE_KEY, parseNear, type NearPoint } from './near';

export interface FormFilter {
  field: FieldDefinition;
  kind: ValueKind;
  op: FilterOperator;
  /** Parsed canonical value(s); `$in` holds a list, `$null` a boolean. */
  value: unknown;
}

export interface ListQuery {
  page: number;
  pageSize: number;
  type?: string;
  states?: TicketState[];
  /** Only the tickets a spreadsheet import created: that import's job id. */
  importJob?: string;
  /** Only the tickets assigned to this user, or (`none`) to nobody. */
  assignee?: number | 'none';
  /** Only tickets whose SLA is in one of these states (as last recorded on the row). */
  slaStates?: string[];
  sort: { by: 'created_at' | 'updated_at' | 'sla_due_at'; dir: 'asc' | 'desc' } | { field: FieldDefinition; kind: ValueKind; dir: 'asc' | 'desc' };
  filters: FormFilter[];
  /**
   * `near`: only tickets with a position, nearest first, within `radius` when given — of the
   * `types` whose longitude and latitude the caller may read (a distance would tell them).
   * `within`: how far the page query looks (the service picks it so a page is exact with the index).
   */
  near?: NearPoint & { types: string[]; within?: number };
}

/** A bad list query (a 400): the message names the parameter. */
export class ListQueryError extends InvalidError {}

/** A job record's documentId (letters and digits). */
const JOB_ID = /^[a-z0-9]{1,64}$/i;

const list = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw]);

export interface ListQueryContext {
  /** The fields of ticket type `type` (current version), by key. */
  fieldsOf(type: string): Map<string, FieldDefinition>;
  /** Whether the caller may read the field: filtering or sorting on one it may not would reveal its values. */
  mayRead?(field: FieldDefinition): boolean;
  /** The caller's user id, which `assignee=me` means (null: not a user). */
  userId?: number | null;
  typeOf(name: string): FieldType | undefined;
  parseContext: ParseContext;
  knownType(key: string): boolean;
  /** Every ticket type's key (`near` without `type` looks at all that have a position). */
  typeKeys?(): string[];
}

function parseValue(filter: { field: FieldDefinition; kind: ValueKind; op: FilterOperator }, raw: unknown, ctx: ListQueryContext): unknown {
  const { field, op } = filter;
  if (op === '$null') {
    if (raw === 'true' || raw === true) return true;
    if (raw === 'false' || raw === false) return false;
    throw new ListQueryError(`filters[form][${field.key}][$null] must be true or false`);
  }
  const type = ctx.typeOf(field.type)!;
  const one = (value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new ListQueryError(`filters[form][${field.key}][${op}] needs a single value`);
    }
    // a substring needs no parsing: any text will do
    if (op === '$contains' && filter.kind.substring) return String(value);
    const parsed = type.parse(op === '$contains' ? [value] : value, field, ctx.parseContext);
    if (!parsed.ok || parsed.value === null) {
      throw new ListQueryError(`filters[form][${field.key}][${op}]: ${parsed.ok ? 'empty value' : parsed.error}`);
    }
    return op === '$contains' ? (parsed.value as unknown[])[0] : parsed.value;
  };
  if (op === '$in') {
    const values = list(raw);
    if (!values.length || values.length > 100) throw new ListQueryError(`filters[form][${field.key}][$in] needs 1 to 100 values`);
    return values.map(one);
  }
  return one(raw);
}

/** Turns Strapi's parsed query string into a checked list query; every mistake is a ListQueryError. */
export function parseListQuery(query: Record<string, unknown>, ctx: ListQueryContext): ListQuery {
  const { page, pageSize } = pageParams(query);

  let type: string | undefined;
  if (query.type !== undefined) {
    if (typeof query.type !== 'string' || !ctx.knownType(query.type)) throw new ListQueryError(`Unknown ticket type "${String(query.type)}"`);
    type = query.type;
  }
  let states: TicketState[] | undefined;
  if (query.status !== undefined) {
    states = list(query.status).map((s) => {
      if (!isTicketState(s)) throw new ListQueryError(`Unknown status "${String(s)}"`);
      return s;
    });
  }
  let importJob: string | undefined;
  if (query.import !== undefined) {
    if (typeof query.import !== 'string' || !JOB_ID.test(query.import)) throw new ListQueryError(`import must be an import's job id, got "${String(query.import)}"`);
    importJob = query.import;
  }
  let assignee: ListQuery['assignee'];
  if (query.assignee !== undefined) {
    const raw = query.assignee;
    if (raw === 'none') assignee = 'none';
    else if (raw === 'me') {
      if (!ctx.userId) throw new ListQueryError('assignee=me needs a signed-in user');
      assignee = ctx.userId;
    } else if (typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw)) assignee = Number(raw);
    else throw new ListQueryError(`assignee must be me, none or a user id, got "${String(raw)}"`);
  }
  let slaStates: string[] | undefined;
  if (query.sla !== undefined) {
    slaStates = list(query.sla).map((s) => {
      if (s !== 'ok' && s !== 'warning' && s !== 'breached') throw new ListQueryError(`sla must be ok, warning or breached, got "${String(s)}"`);
      return s;
    });
  }
  // form fields are typed per ticket type: filtering or sorting by one needs the type
  const fieldsOf = (what: string) => {
    if (!type) throw new ListQueryError(`${what} on form fields needs type=<ticket type key>`);
    return ctx.fieldsOf(type);
  };

  const filters: FormFilter[] = [];
  const rawFilters = query.filters;
  if (rawFilters !== undefined) {
    if (typeof rawFilters !== 'object' || rawFilters === null || Array.isArray(rawFilters)) throw new ListQueryError('filters must be an object');
    for (const [group, value] of Object.entries(rawFilters)) {
      if (group !== 'form') throw new ListQueryError(`Unknown filter "${group}"; filter form fields with filters[form][<field>]`);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ListQueryError('filters[form] must name fields');
      for (const [key, condition] of Object.entries(value)) {
        const field = fieldsOf('Filtering').get(key);
        if (!field) throw new ListQueryError(`Unknown form field "${key}" for type ${type}`);
        if (ctx.mayRead && !ctx.mayRead(field)) throw new ListQueryError(`You may not filter by ${key}`);
        const { valueKind: kind } = ctx.typeOf(field.type)!;
        const conditions =
          typeof condition === 'object' && condition !== null && !Array.isArray(condition) ? Object.entries(condition) : [['$eq', condition] as const];
        for (const [op, raw] of conditions) {
          if (!(FILTER_OPERATORS as readonly string[]).includes(op)) throw new ListQueryError(`Unknown operator "${op}" on ${key}`);
          if (!kind.operators.includes(op as FilterOperator)) {
            throw new ListQueryError(`Operator ${op} does not apply to ${key} (${field.type}); use ${kind.operators.join(', ')}`);
          }
          const filter = { field, kind, op: op as FilterOperator };
          filters.push({ ...filter, value: parseValue(filter, raw, ctx) });
        }
      }
    }
  }

  let sort: ListQuery['sort'] = { by: 'created_at', dir: 'desc' };
  if (query.sort !== undefined) {
    if (typeof query.sort !== 'string') throw new ListQueryError('sort must be "<key>:asc" or "<key>:desc"');
    const [by, dirRaw = 'asc'] = query.sort.split(':');
    const dir = dirRaw.toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw new ListQueryError(`sort direction must be asc or desc, got "${dirRaw}"`);
    if (by === 'created_at' || by === 'updated_at') sort = { by, dir };
    else if (by === 'createdAt' || by === 'updatedAt') sort = { by: by === 'createdAt' ? 'created_at' : 'updated_at', dir };
    // most urgent first (asc): the earliest breach, past or coming, of a running clock
    else if (by === 'sla') sort = { by: 'sla_due_at', dir };
    else {
      const field = fieldsOf('Sorting').get(by);
      if (!field) throw new ListQueryError(`Cannot sort by "${by}": use created_at, updated_at or a form field`);
      if (ctx.mayRead && !ctx.mayRead(field)) throw new ListQueryError(`You may not sort by ${by}`);
      const { valueKind: kind } = ctx.typeOf(field.type)!;
      if (!kind.sortable) throw new ListQueryError(`Cannot sort by ${by} (${field.type})`);
      sort = { field, kind, dir };
    }
  }
  const near = parseNearQuery(query, type, ctx);
  return { page, pageSize, type, states, importJob, assignee, slaStates, sort, filters, ...(near ? { near } : {}) };
}

/**
 * `near` and `radius`: the point, and the types whose position the caller may read. A type
 * asked for by name without one is a 400; across types, the others are left out — a role that
 * may not read a type's coordinates must not learn them from distances or from the order.
 */
function parseNearQuery(query: Record<string, unknown>, type: string | undefined, ctx: ListQueryContext): ListQuery['near'] {
  if (query.near === undefined) {
    if (query.radius !== undefined) throw new ListQueryError('radius needs near=<longitude>,<latitude>');
    return undefined;
  }
  const parsed = parseNear(query.near, query.radius);
  if (!parsed.ok) throw new ListQueryError(parsed.error);
  if (query.sort !== undefined) throw new ListQueryError('near orders by distance: leave sort out');
  const located = (key: string) => {
    const fields = ctx.fieldsOf(key);
    const readable = [LONGITUDE_KEY, LATITUDE_KEY].every((k) => fields.has(k) && (!ctx.mayRead || ctx.mayRead(fields.get(k)!)));
    return readable && hasPosition(fields.values(), (f) => ctx.typeOf(f.type)?.valueKind);
  };
  if (type && !located(type)) throw new ListQueryError(`near: type ${type} has no longitude and latitude you may read`);
  const types = type ? [type] : (ctx.typeKeys?.() ?? []).filter(located);
  return { ...parsed.value, types };
}

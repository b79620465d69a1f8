import { isDeepStrictEqual } from 'node:util';
import knex, { type Knex } from 'knex';
import { builtinFieldTypes } from '../../plugins/ticketing/server/src/field-types/builtins';
import { FieldDefinitionValidator, FieldTypeRegistry, type FieldDefinition, type FieldType } from '../../plugins/ticketing/server/src/field-types';
import { FormValidator } from '../../plugins/ticketing/server/src/tickets/form-validator';
import { buildListQueries } from '../../plugins/ticketing/server/src/tickets/list-sql';
import { parseListQuery, type ListQueryContext } from '../../plugins/ticketing/server/src/tickets/list-query';
import { ticketIndexStatements } from '../../plugins/ticketing/server/src/services/ticket-indexes';
import { suggestFields } from '../../plugins/ocr/server/src/suggestions';
import { createTestDatabase, dropTestDatabase } from './helpers/database';

/**
 * What every field type must do, built-in or added by a plugin (the geo-point fixture stands
 * for those): a new type is done when this suite passes for it. It reads only the type's
 * declarations and `examples`, so adding a type to the registry adds its cases here.
 */
const geoPoint = require('./fixtures/plugin-geo-point/geo-point-type.js') as FieldType;
const registry = new FieldTypeRegistry();
[...builtinFieldTypes, geoPoint].forEach((type) => registry.register(type));

const TIME_ZONE = 'Asia/Shanghai';
const TYPE_KEY = 'conformance';
const fieldOf = (type: FieldType): FieldDefinition => ({
  key: 'sample',
  type: type.name,
  label: { 'zh-CN': '样例字段', en: 'Sample field' },
  rules: type.examples.rules,
});

describe.each(registry.list().map((type) => [type.name, type] as const))('field type %s', (_name, type) => {
  const field = fieldOf(type);
  const values = type.examples.values as unknown[];

  it('declares sound examples: the designer (its rule schema, its rule checks) accepts its example rules', () => {
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(new Set(values.map((v) => JSON.stringify(v))).size).toBe(values.length);
    expect(new FieldDefinitionValidator(registry).validate([field])).toEqual([]);
  });

  it('reads back what it formats and its own canonical values: parse(format(v)) = parse(v) = v', () => {
    for (const value of values) expect(type.parse(value, field, { timeZone: TIME_ZONE })).toEqual({ ok: true, value });
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const value of values) {
        const formatted = type.format(value, field, locale);
        expect(type.parse(formatted, field, { timeZone: TIME_ZONE })).toEqual({ ok: true, value });
      }
    }
  });

  it('checks a value as the whole form is validated (parse, then ajv on the form schema)', () => {
    const forms = new FormValidator(registry);
    const source = { key: TYPE_KEY, version: 1, name: { 'zh-CN': '样例', en: 'Sample' }, fields: [field] };
    const candidates = 'invalid' in type.examples ? [...values, type.examples.invalid] : values;
    for (const value of candidates) {
      const valid = registry.check(field, value, 'zh-CN') === null;
      expect({ value, valid }).toEqual({ value, valid: forms.validate({ sample: value }, source, 'zh-CN', { timeZone: TIME_ZONE }).ok });
    }
    if ('invalid' in type.examples) expect(registry.check(field, type.examples.invalid, 'en')).toEqual(expect.any(String));
  });

  it('is read by the OCR suggester from a "label: value" line', () => {
    const reader = {
      parse: (f: FieldDefinition, raw: unknown) => registry.require(f.type).parse(raw, f, { timeZone: TIME_ZONE }),
      check: (f: FieldDefinition, value: unknown) => registry.check(f, value, 'zh-CN'),
      isFreeText: (f: FieldDefinition) => registry.require(f.type).freeText,
    };
    for (const value of values) {
      const text = `样例字段：${type.format(value, field, 'zh-CN')}`;
      const lines = [{ text, confidence: 1, box: [[10, 10], [10 + 24 * text.length, 10], [10 + 24 * text.length, 40], [10, 40]] as [number, number][] }];
      const { data } = suggestFields({ fields: [field], reader, images: [{ image: 'p', lines: lines as never }] });
      expect(data.map((s) => s.value)).toEqual([value]);
    }
  });
});

describe('field types in PostgreSQL', () => {
  let db: Knex;
  let database: { name: string; url: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = knex({ client: 'pg', connection: database.url });
  });
  afterAll(async () => {
    await db?.destroy();
    if (database) await dropTestDatabase(database.name);
  });

  /** A table with the ticket columns the list query and the index statements read. */
  const createTicketTable = (table: string) =>
    db.schema.createTable(table, (t) => {
      t.increments('id');
      t.string('type_key');
      t.integer('type_version');
      t.string('state');
      t.jsonb('form_data');
      t.integer('assignee_id');
      t.string('sla_state');
      t.timestamp('sla_due_at', { useTz: true });
      t.timestamp('sla_check_at', { useTz: true });
      t.timestamp('created_at', { useTz: true });
      t.timestamp('updated_at', { useTz: true });
    });

  /** Such a table with one row per example value and one without. */
  async function ticketsOf(type: FieldType): Promise<{ table: string; rows: { id: number; value: unknown }[] }> {
    const table = `tickets_${type.name.replace(/-/g, '_')}`;
    await createTicketTable(table);
    const values = [...(type.examples.values as unknown[]), undefined];
    const rows: { id: number; value: unknown }[] = [];
    for (const [i, value] of values.entries()) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, i));
      const [{ id }] = await db(table)
        .insert({ type_key: TYPE_KEY, state: 'submitted', form_data: JSON.stringify(value === undefined ? {} : { sample: value }), created_at: at, updated_at: at })
        .returning('id');
      rows.push({ id, value });
    }
    return { table, rows };
  }

  /** What each operator should find, computed in JS from the stored values. */
  function expected(type: FieldType, op: string, operand: unknown, rows: { id: number; value: unknown }[]): number[] {
    const has = (v: unknown) => v !== undefined;
    const pick = (test: (v: unknown) => boolean) => rows.filter((r) => test(r.value)).map((r) => r.id);
    const cmp = (v: unknown) => (v as number | string) as never;
    switch (op) {
      case '$eq':
        return pick((v) => has(v) && isDeepStrictEqual(v, operand));
      case '$ne':
        return pick((v) => !isDeepStrictEqual(v, operand));
      case '$in':
        return pick((v) => has(v) && (operand as unknown[]).some((o) => isDeepStrictEqual(v, o)));
      case '$lt':
        return pick((v) => has(v) && cmp(v) < cmp(operand));
      case '$lte':
        return pick((v) => has(v) && cmp(v) <= cmp(operand));
      case '$gt':
        return pick((v) => has(v) && cmp(v) > cmp(operand));
      case '$gte':
        return pick((v) => has(v) && cmp(v) >= cmp(operand));
      case '$contains':
        return type.valueKind.substring
          ? pick((v) => has(v) && String(v).toLowerCase().includes(String(operand).toLowerCase()))
          : pick((v) => Array.isArray(v) && v.some((item) => isDeepStrictEqual(item, operand)));
      case '$null':
        return pick((v) => has(v) !== operand);
      default:
        throw new Error(`no oracle for ${op}`);
    }
  }

  /** The query-string value that asks for `operand` with `op`, as a client sends it. */
  function queryValue(type: FieldType, field: FieldDefinition, op: string, operand: unknown): unknown {
    const text = (v: unknown) => String(type.format(v, field, 'en'));
    if (op === '$null') return String(operand);
    if (op === '$in') return (operand as unknown[]).map(text);
    if (op === '$contains') return type.valueKind.substring ? String(operand) : text([operand]);
    return text(operand);
  }

  /** The operands tried per operator: every example value (or a piece of one). */
  function operands(type: FieldType, op: string): unknown[] {
    const values = type.examples.values as unknown[];
    if (op === '$null') return [true, false];
    if (op === '$in') return [values.slice(0, 2)];
    if (op === '$contains') {
      return type.valueKind.substring ? values.map((v) => String(v).slice(1, 4).toUpperCase()) : values.flatMap((v) => (Array.isArray(v) ? v : []));
    }
    return values;
  }

  it.each(registry.list().map((type) => [type.name, type] as const))('%s: filters with every operator it declares, sorts when it says so', async (_name, type) => {
    const field = fieldOf(type);
    const { table, rows } = await ticketsOf(type);
    const ctx: ListQueryContext = {
      fieldsOf: () => new Map([[field.key, field]]),
      typeOf: (name) => registry.get(name),
      parseContext: { timeZone: TIME_ZONE },
      knownType: (key) => key === TYPE_KEY,
    };
    expect(type.valueKind.operators.length).toBeGreaterThan(0);
    for (const op of type.valueKind.operators) {
      for (const operand of operands(type, op)) {
        const query = parseListQuery({ type: TYPE_KEY, pageSize: '100', filters: { form: { sample: { [op]: queryValue(type, field, op, operand) } } } }, ctx);
        const found = (await buildListQueries(db, table, query).rows).map((r: { id: number }) => r.id).sort((a: number, b: number) => a - b);
        expect({ op, operand, found }).toEqual({ op, operand, found: expected(type, op, operand, rows) });
      }
    }
    const sort = () => parseListQuery({ type: TYPE_KEY, sort: 'sample:asc' }, ctx);
    if (type.valueKind.sortable) {
      const sorted = (await buildListQueries(db, table, sort()).rows).map((r: { id: number }) => r.id);
      expect(sorted).toHaveLength(rows.length);
    } else {
      expect(sort).toThrow(/Cannot sort/);
    }
  });

  it.each(registry.list().map((type) => [type.name, type] as const))('%s: gets an index and statistics exactly when its kind says so', async (_name, type) => {
    const table = `indexed_${type.name.replace(/-/g, '_')}`;
    const audit = `${table}_audit`;
    await createTicketTable(table);
    await db.schema.createTable(audit, (t) => {
      t.increments('id');
      t.string('entity_kind');
      t.string('entity_id');
      t.timestamp('created_at', { useTz: true });
    });
    const key = `f_${type.name.replace(/-/g, '_')}`;
    const fields = [{ ...fieldOf(type), key }];
    for (const sql of ticketIndexStatements(table, audit, [{ key: TYPE_KEY, fields }], (name) => registry.get(name)?.valueKind)) await db.raw(sql);
    const indexes = await db('pg_indexes').where({ tablename: table }).andWhereRaw('indexdef LIKE ?', [`%${key}%`]);
    expect(indexes.length).toBe(type.valueKind.indexed ? 1 : 0);
    const statistics = await db.raw(`SELECT stxname FROM pg_statistic_ext WHERE stxrelid = ?::regclass`, [table]);
    expect(statistics.rows.length).toBe(type.valueKind.indexed && type.valueKind.statistics ? 1 : 0);
  });
});

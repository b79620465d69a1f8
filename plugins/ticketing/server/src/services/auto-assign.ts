import fs from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';
import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { accessService } from 'strapi-plugin-access';
import type { TicketingConfig } from '../config';
import type { TicketRow } from '../tickets/ticket-row';
import { parseJsonColumn } from '../utils/json-column';
import { ASSIGN_RIGHT } from './ticket-assignment';

/** Per ticket type: the field whose value picks a group (`by`; none: always `default`), and the groups' usernames. */
type Rules = Map<string, { by: string | null; groups: Record<string, string[]> }>;

const TURNS_TABLE = 'ticketing_assignment_turns';

const fileShape = new Ajv({ allErrors: true }).compile({
  type: 'object',
  additionalProperties: false,
  properties: {
    types: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['groups'],
        additionalProperties: false,
        properties: {
          by: { type: 'string' },
          groups: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
        },
      },
    },
  },
});

/** Reads the rules file; a missing file: no automatic assignment. */
export function readAssignmentRules(file: string): Rules {
  if (!fs.existsSync(file)) return new Map();
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    throw new Error(`Assignment rules ${file}: not valid YAML: ${(error as Error).message}`);
  }
  if (!fileShape(doc)) {
    const e = fileShape.errors![0];
    throw new Error(`Assignment rules ${file}: ${e.instancePath || '(top level)'} ${e.message}`);
  }
  const types = (doc as { types?: Record<string, { by?: string; groups: Record<string, string[]> }> }).types ?? {};
  return new Map(Object.entries(types).map(([key, t]) => [key, { by: t.by ?? null, groups: t.groups }]));
}

/**
 * Automatic assignment on submission (config/assignment.yaml): a ticket submitted with nobody
 * holding it goes to the next member of the group its field value picks, in turn. Whose turn
 * it is lives in one row per group, locked for the transaction, so two submissions at once
 * never pick the same turn. Members who are blocked or may not work tickets are passed over.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('plugin::ticketing') as TicketingConfig;
  let rules: Rules | undefined;
  const loaded = () => (rules ??= readAssignmentRules(settings().assignmentFile));

  /** The ids of the group's usernames that can be assigned, in the file's order. */
  async function members(usernames: string[]): Promise<{ id: number; username: string }[]> {
    const users = (await strapi.db.query('plugin::users-permissions.user').findMany({ where: { username: { $in: usernames } }, populate: ['role'] })) as {
      id: number;
      username: string;
      blocked: boolean | null;
      role: { type: string } | null;
    }[];
    const access = accessService(strapi, 'access');
    const fit = new Map(users.filter((u) => !u.blocked && access.hasRight(u.role?.type ?? null, ASSIGN_RIGHT)).map((u) => [u.username, u]));
    return usernames.flatMap((name) => (fit.has(name) ? [{ id: fit.get(name)!.id, username: name }] : []));
  }

  return {
    /** Reads the rules now (at bootstrap) and makes the turns table: a broken file stops the start. */
    async load() {
      rules = readAssignmentRules(settings().assignmentFile);
      await strapi.db.connection.raw(`CREATE TABLE IF NOT EXISTS ${TURNS_TABLE} (rule text PRIMARY KEY, last_user_id integer, updated_at timestamptz NOT NULL DEFAULT now())`);
    },

    /** Who a just-submitted, unassigned ticket goes to, with the rule that chose them; null: no rule or nobody to take it. */
    async pick(trx: Knex.Transaction, row: Pick<TicketRow, 'type_key' | 'form_data'>): Promise<{ id: number; username: string; rule: string } | null> {
      const spec = loaded().get(row.type_key);
      if (!spec) return null;
      const form = (parseJsonColumn(row.form_data) ?? {}) as Record<string, unknown>;
      const value = spec.by ? form[spec.by] : undefined;
      const group = typeof value === 'string' && spec.groups[value] ? value : 'default';
      const usernames = spec.groups[group];
      if (!usernames?.length) return null;
      const candidates = await members(usernames);
      if (!candidates.length) return null;
      const rule = `${row.type_key}:${group}`;
      await trx.raw(`INSERT INTO ${TURNS_TABLE} (rule) VALUES (?) ON CONFLICT (rule) DO NOTHING`, [rule]);
      const turn = await trx(TURNS_TABLE).where({ rule }).forUpdate().first();
      const last = candidates.findIndex((c) => c.id === turn?.last_user_id);
      const next = candidates[(last + 1) % candidates.length];
      await trx(TURNS_TABLE).where({ rule }).update({ last_user_id: next.id, updated_at: new Date() });
      return { ...next, rule };
    },
  };
};

import fs from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';

/** A role of the file: its display name and the rights it holds. */
export interface RoleSpec {
  name: string;
  description?: string;
  rights: string[];
}

/**
 * `config/roles.yaml`: rights (with the Users & Permissions actions they open), roles,
 * what Public may do — and sections other plugins own (the ticketing plugin's
 * `transitions`), kept as read for them to check (see `SectionReader`).
 */
export interface AccessConfig {
  rights: Record<string, string[]>;
  roles: Record<string, RoleSpec>;
  public: string[];
  sections: Record<string, unknown>;
}

/** Reports a mistake in the file: where (a JSON pointer) and what; never returns. */
export type FailAt = (where: string, message: string) => never;

/** Checks and reads one plugin-owned section of the file; `roles` are the roles it may name. */
export type SectionReader<T> = (value: unknown, context: { roles: ReadonlySet<string>; fail: FailAt }) => T;

const NAME = '^[a-z][a-z0-9_.-]*$';
const ACTION = '^(plugin|api)::[a-z0-9-]+\\.[a-zA-Z0-9-]+\\.[a-zA-Z0-9]+$';
const CORE = ['rights', 'roles', 'public'];

const shape = new Ajv({ allErrors: true }).compile<Omit<AccessConfig, 'sections'>>({
  type: 'object',
  required: CORE,
  properties: {
    rights: {
      type: 'object',
      propertyNames: { pattern: NAME },
      additionalProperties: { type: 'array', items: { type: 'string', pattern: ACTION }, uniqueItems: true },
    },
    roles: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9_-]*$' },
      additionalProperties: {
        type: 'object',
        required: ['name', 'rights'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          rights: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        },
      },
    },
    public: { type: 'array', items: { type: 'string', pattern: ACTION }, uniqueItems: true },
  },
});

/**
 * Reads and checks the roles file; every error names the file and the offending entry.
 * `knownActions` are the controller actions Strapi registered: a grant of anything else
 * would be deleted by Users & Permissions' own sync at the next boot. `readers` check the
 * sections other plugins own; a section no loaded plugin reads is kept unchecked.
 */
export function readAccessConfig(file: string, knownActions: Set<string>, readers: Record<string, SectionReader<unknown>> = {}): AccessConfig {
  const fail: FailAt = (where, message) => {
    throw new Error(`${file}: ${where} ${message}`);
  };
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return fail('', (error as Error).message);
  }
  if (!shape(doc)) {
    const e = shape.errors![0];
    return fail(e.instancePath || '(top level)', e.message ?? 'is invalid');
  }
  for (const [right, actions] of Object.entries(doc.rights)) {
    for (const action of actions) if (!knownActions.has(action)) fail(`/rights/${right}`, `names an unknown action ${action}`);
  }
  for (const action of doc.public) if (!knownActions.has(action)) fail('/public', `names an unknown action ${action}`);
  for (const [role, spec] of Object.entries(doc.roles)) {
    for (const right of spec.rights) if (!(right in doc.rights)) fail(`/roles/${role}`, `has an unknown right ${right}`);
  }
  const roles = new Set(Object.keys(doc.roles));
  const sections = Object.fromEntries(Object.entries(doc as Record<string, unknown>).filter(([key]) => !CORE.includes(key)));
  for (const [name, read] of Object.entries(readers)) sections[name] = read(sections[name], { roles, fail });
  return { rights: doc.rights, roles: doc.roles, public: doc.public, sections };
}

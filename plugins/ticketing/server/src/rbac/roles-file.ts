import fs from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';
import { isLegalMove, TICKET_STATES, type TransitionRule } from '../tickets/workflow';

/** `config/roles.yaml`: rights (with the U&P actions they open), roles, public actions, transitions. */
export interface AccessConfig {
  rights: Record<string, string[]>;
  roles: Record<string, { name: string; description?: string; rights: string[] }>;
  public: string[];
  transitions: TransitionRule[];
}

const NAME = '^[a-z][a-z0-9_.-]*$';
const ACTION = '^(plugin|api)::[a-z0-9-]+\\.[a-zA-Z0-9-]+\\.[a-zA-Z0-9]+$';

const shape = new Ajv({ allErrors: true }).compile<AccessConfig>({
  type: 'object',
  required: ['rights', 'roles', 'public', 'transitions'],
  additionalProperties: false,
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
    transitions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['from', 'to', 'roles'],
        additionalProperties: false,
        properties: {
          from: { enum: [...TICKET_STATES] },
          to: { enum: [...TICKET_STATES] },
          roles: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
});

/**
 * Reads and checks the roles file; every error names the file and the offending entry.
 * `knownActions` are the controller actions Strapi registered: a grant of anything else
 * would be deleted by Users & Permissions' own sync at the next boot.
 */
export function readAccessConfig(file: string, knownActions: Set<string>): AccessConfig {
  const fail = (where: string, message: string): never => {
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
  doc.transitions.forEach((rule, i) => {
    if (!isLegalMove(rule.from, rule.to)) fail(`/transitions/${i}`, `${rule.from} -> ${rule.to} is not a move of the ticket state machine`);
    for (const role of rule.roles) if (!(role in doc.roles)) fail(`/transitions/${i}`, `names an unknown role ${role}`);
  });
  return doc;
}

import Ajv from 'ajv';
import type { SectionReader } from 'strapi-plugin-access';
import { isLegalMove, TICKET_STATES, type TransitionRule } from './workflow';

const shape = new Ajv({ allErrors: true }).compile<TransitionRule[]>({
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
});

/**
 * The `transitions` section of config/roles.yaml, which the access plugin hands to this
 * plugin to check: each rule a move of the ticket state machine, made by roles of the file.
 */
export const readTransitions: SectionReader<TransitionRule[]> = (value, { roles, fail }) => {
  if (!shape(value)) {
    const e = shape.errors![0];
    return fail(`/transitions${e.instancePath}`, e.message ?? 'is invalid');
  }
  value.forEach((rule, i) => {
    if (!isLegalMove(rule.from, rule.to)) fail(`/transitions/${i}`, `${rule.from} -> ${rule.to} is not a move of the ticket state machine`);
    for (const role of rule.roles) if (!roles.has(role)) fail(`/transitions/${i}`, `names an unknown role ${role}`);
  });
  return value;
};

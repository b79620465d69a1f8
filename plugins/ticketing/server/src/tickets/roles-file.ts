import fs from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';
import { isLegalMove, TICKET_STATES, type TransitionRule } from './workflow';

const shape = new Ajv({ allErrors: true }).compile<{ transitions: TransitionRule[] }>({
  type: 'object',
  required: ['transitions'],
  properties: {
    transitions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['from', 'to', 'roles'],
        additionalProperties: false,
        properties: {
          from: { enum: [...TICKET_STATES] },
          to: { enum: [...TICKET_STATES] },
          roles: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' } },
        },
      },
    },
  },
});

/** Reads the transition table of `roles.yaml`; an error names the file and the entry. */
export function readTransitionRules(file: string): TransitionRule[] {
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  if (!shape(doc)) {
    const e = shape.errors![0];
    throw new Error(`${file}: ${e.instancePath || '(top level)'} ${e.message}`);
  }
  doc.transitions.forEach((rule, i) => {
    if (!isLegalMove(rule.from, rule.to)) {
      throw new Error(`${file}: /transitions/${i} ${rule.from} -> ${rule.to} is not a move of the ticket state machine`);
    }
  });
  return doc.transitions;
}

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { FieldTypeRegistry } from './registry';
import { buildFieldsMetaSchema } from './meta-schema';
import { conditionIssues } from './field-conditions';
import type { FieldDefinition } from './types';

/** One problem in a `fields` list, named by the field's key (or its position if it has none). */
export interface FieldDefinitionIssue {
  field: string;
  path: string;
  message: string;
}

function fieldName(fields: unknown, index: number): string {
  const item = Array.isArray(fields) ? fields[index] : undefined;
  const key = item && typeof item === 'object' ? (item as { key?: unknown }).key : undefined;
  return typeof key === 'string' && key !== '' ? key : `#${index + 1}`;
}

function fromAjv(fields: unknown, error: ErrorObject): FieldDefinitionIssue {
  const [, index, ...rest] = error.instancePath.split('/');
  if (index === undefined || index === '') {
    return { field: '(fields)', path: '', message: `fields ${error.message}` };
  }
  let path = rest.join('.');
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    path = path ? `${path}.${extra}` : extra;
    message = 'is not allowed here';
  } else if (error.keyword === 'enum' && path === 'type') {
    message = `must be one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}`;
  }
  return { field: fieldName(fields, Number(index)), path, message };
}

/**
 * Checks a ticket type's `fields` against the registry's meta-schema, then what a
 * schema cannot say: unique keys and each type's own rule checks.
 */
export class FieldDefinitionValidator {
  private compiled?: { names: string; validate: ValidateFunction };

  constructor(private readonly registry: FieldTypeRegistry) {}

  private validator(): ValidateFunction {
    const names = this.registry.names().join(',');
    if (this.compiled?.names !== names) {
      const ajv = new Ajv({ allErrors: true, strict: false });
      this.compiled = { names, validate: ajv.compile(buildFieldsMetaSchema(this.registry)) };
    }
    return this.compiled.validate;
  }

  validate(fields: unknown): FieldDefinitionIssue[] {
    const validate = this.validator();
    if (!validate(fields)) {
      // if/then failures repeat the nested error once more without detail
      const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
      return errors.map((e) => fromAjv(fields, e));
    }
    const issues: FieldDefinitionIssue[] = [];
    const seen = new Set<string>();
    const byKey = new Map((fields as FieldDefinition[]).map((f) => [f.key, f]));
    for (const field of fields as FieldDefinition[]) {
      if (seen.has(field.key)) issues.push({ field: field.key, path: 'key', message: 'is used by more than one field' });
      seen.add(field.key);
      const check = this.registry.require(field.type).checkRules;
      for (const message of check?.(field.rules ?? {}) ?? []) {
        issues.push({ field: field.key, path: 'rules', message });
      }
    }
    // conditions check their values against the fields they test: only once every field's rules hold
    if (issues.length) return issues;
    return [...byKey.values()].flatMap((field) =>
      conditionIssues(field, byKey, this.registry).map((issue) => ({ field: field.key, ...issue })),
    );
  }
}

import type { FieldDefinition, FieldType, Locale } from './types';
import { ValueChecker } from './value-check';

// what a type must declare: a plugin written in plain JS gets no compiler to tell it
const REQUIRED_MEMBERS = ['schema', 'uiSchema', 'parse', 'format', 'valueKind', 'filterInput', 'freeText', 'examples'] as const;

/**
 * The field types known to this Strapi instance. Built-ins are added at plugin
 * register; other plugins add theirs from their own `register()`.
 */
export class FieldTypeRegistry {
  private readonly types = new Map<string, FieldType>();
  private readonly checker = new ValueChecker();

  /** Adds a field type; a second type with the same name is a programming error. */
  register(type: FieldType): void {
    if (!/^[a-z][a-z0-9-]*$/.test(type.name)) {
      throw new Error(`Field type name "${type.name}" must be kebab-case`);
    }
    const missing = REQUIRED_MEMBERS.filter((member) => type[member] === undefined);
    if (missing.length) throw new Error(`Field type "${type.name}" lacks ${missing.join(', ')}`);
    if (this.types.has(type.name)) {
      throw new Error(`Field type "${type.name}" is already registered`);
    }
    this.types.set(type.name, type);
  }

  get(name: string): FieldType | undefined {
    return this.types.get(name);
  }

  /** Like `get`, for callers that hold an already validated definition. */
  require(name: string): FieldType {
    const type = this.types.get(name);
    if (!type) throw new Error(`Unknown field type "${name}"`);
    return type;
  }

  /** A message in `locale` when a canonical value breaks its field's rules; null when it keeps them. */
  check(field: FieldDefinition, value: unknown, locale: Locale): string | null {
    return this.checker.check(this.require(field.type), field, value, locale);
  }

  list(): FieldType[] {
    return [...this.types.values()];
  }

  names(): string[] {
    return [...this.types.keys()];
  }
}

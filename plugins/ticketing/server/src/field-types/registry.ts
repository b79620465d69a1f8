import type { FieldType } from './types';

/**
 * The field types known to this Strapi instance. Built-ins are added at plugin
 * register; other plugins add theirs from their own `register()`.
 */
export class FieldTypeRegistry {
  private readonly types = new Map<string, FieldType>();

  /** Adds a field type; a second type with the same name is a programming error. */
  register(type: FieldType): void {
    if (!/^[a-z][a-z0-9-]*$/.test(type.name)) {
      throw new Error(`Field type name "${type.name}" must be kebab-case`);
    }
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

  list(): FieldType[] {
    return [...this.types.values()];
  }

  names(): string[] {
    return [...this.types.keys()];
  }
}

import type { FieldDefinition } from '../field-types';

/** What a migration job is told to do: checked against both versions before it is queued. */
export interface MigrationPlan {
  typeKey: string;
  from: number;
  to: number;
  /** Old field key (in `from`) → new field key (in `to`). */
  renames: Record<string, string>;
  /** Canonical values for fields of `to` that a ticket leaves empty. */
  defaults: Record<string, unknown>;
  dryRun: boolean;
}

/** A request that cannot become a plan; the message names what is wrong. */
export class MigrationRequestError extends Error {}

const BODY_KEYS = ['from', 'to', 'renames', 'defaults', 'dryRun'];
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** `from`/`to` of the body: versions are positive integers. */
export function requestedVersions(body: Record<string, unknown>): { from: number; to: number } {
  const version = (name: 'from' | 'to') => {
    const value = body[name];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new MigrationRequestError(`${name} must be a version number (a positive integer), got ${JSON.stringify(value) ?? 'nothing'}`);
    }
    return value;
  };
  const from = version('from');
  const to = version('to');
  if (from === to) throw new MigrationRequestError(`from and to are both version ${from}: nothing to migrate`);
  return { from, to };
}

/** The body's object, whether sent bare or Strapi-style as `{ data: {...} }`. */
export function requestBody(raw: unknown): Record<string, unknown> {
  const body = isPlainObject(raw) && isPlainObject(raw.data) && Object.keys(raw).length === 1 ? raw.data : raw;
  if (!isPlainObject(body)) throw new MigrationRequestError('The body must be an object { from, to, renames?, defaults?, dryRun }');
  const unknown = Object.keys(body).filter((k) => !BODY_KEYS.includes(k));
  if (unknown.length) throw new MigrationRequestError(`Unknown key(s) ${unknown.join(', ')}; the body takes ${BODY_KEYS.join(', ')}`);
  return body;
}

/**
 * Checks renames and defaults against the fields of both versions. `parseDefault` reads a
 * default as the target field's type does (loose input allowed) and returns the canonical
 * value, or an error message.
 */
export function buildPlan(
  typeKey: string,
  body: Record<string, unknown>,
  versions: { from: number; to: number; fromFields: FieldDefinition[]; toFields: FieldDefinition[] },
  parseDefault: (field: FieldDefinition, value: unknown) => { ok: true; value: unknown } | { ok: false; error: string },
): MigrationPlan {
  if (typeof body.dryRun !== 'boolean') throw new MigrationRequestError('dryRun must be true or false');
  const fromKeys = new Set(versions.fromFields.map((f) => f.key));
  const toFields = new Map(versions.toFields.map((f) => [f.key, f]));

  const renames = optionalObject(body.renames, 'renames');
  const targets = new Set<string>();
  for (const [oldKey, newKey] of Object.entries(renames)) {
    if (!fromKeys.has(oldKey)) throw new MigrationRequestError(`renames: "${oldKey}" is not a field of version ${versions.from}`);
    if (typeof newKey !== 'string' || !toFields.has(newKey)) {
      throw new MigrationRequestError(`renames: "${oldKey}" → ${JSON.stringify(newKey)} is not a field of version ${versions.to}`);
    }
    if (targets.has(newKey)) throw new MigrationRequestError(`renames: two fields are renamed to "${newKey}"`);
    // the new key still holding its own value in `from` would meet the renamed one
    if (fromKeys.has(newKey) && !(newKey in renames)) {
      throw new MigrationRequestError(`renames: "${oldKey}" → "${newKey}" would overwrite field "${newKey}" of version ${versions.from}; rename that one too`);
    }
    targets.add(newKey);
  }

  const defaults: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(optionalObject(body.defaults, 'defaults'))) {
    const field = toFields.get(key);
    if (!field) throw new MigrationRequestError(`defaults: "${key}" is not a field of version ${versions.to}`);
    const parsed = parseDefault(field, value);
    if (!parsed.ok) throw new MigrationRequestError(`defaults: ${JSON.stringify(value)} is not a valid value of "${key}": ${parsed.error}`);
    if (parsed.value === null) throw new MigrationRequestError(`defaults: the value of "${key}" is empty`);
    defaults[key] = parsed.value;
  }
  return { typeKey, from: versions.from, to: versions.to, renames: renames as Record<string, string>, defaults, dryRun: body.dryRun };
}

function optionalObject(value: unknown, name: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw new MigrationRequestError(`${name} must be an object`);
  return value;
}

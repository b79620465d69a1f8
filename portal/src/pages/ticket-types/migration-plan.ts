import type { MigrationBody, MigrationChoices, TypeVersion } from './version-types';

/**
 * The request body of the form's choices: rows with both sides filled become renames, defaults
 * with a value are sent as typed (the server reads them as their field's type does, so "紧急"
 * or "12" are fine). Null while the two versions are not chosen.
 */
export function migrationBody(choices: MigrationChoices, dryRun: boolean): MigrationBody | null {
  if (!choices.from || !choices.to) return null;
  const renames: Record<string, string> = {};
  for (const row of choices.renames ?? []) if (row.from && row.to) renames[row.from] = row.to;
  const defaults: Record<string, string> = {};
  for (const row of choices.defaults ?? []) if (row.field && row.value?.trim()) defaults[row.field] = row.value.trim();
  return { from: choices.from, to: choices.to, renames, defaults, dryRun };
}

/** What changes between two versions, to guide the choices: fields gone, fields new, new ones required. */
export function versionChanges(from: TypeVersion | undefined, to: TypeVersion | undefined) {
  if (!from || !to) return { removed: [], added: [], newlyRequired: [] };
  const fromKeys = new Map(from.fields.map((f) => [f.key, f]));
  const toKeys = new Set(to.fields.map((f) => f.key));
  return {
    removed: from.fields.filter((f) => !toKeys.has(f.key)).map((f) => f.key),
    added: to.fields.filter((f) => !fromKeys.has(f.key)).map((f) => f.key),
    // required in `to` but not before: the tickets without a value stay unless a default fills it
    newlyRequired: to.fields.filter((f) => f.required && !fromKeys.get(f.key)?.required).map((f) => f.key),
  };
}

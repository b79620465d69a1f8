import type { AccessConfig } from './roles-file';

/** The U&P actions a role of the file is granted: the union of its rights' actions. */
export function actionsOfRole(config: AccessConfig, role: string): string[] {
  const rights = config.roles[role]?.rights ?? [];
  return [...new Set(rights.flatMap((right) => config.rights[right] ?? []))].sort();
}

/** Whether a role holds a right. Roles not in the file hold none. */
export function roleHasRight(config: AccessConfig, role: string | null, right: string): boolean {
  return !!role && !!config.roles[role]?.rights.includes(right);
}

/** The rights the file gives `role`, in the file's order; none for a role it lacks. */
export function rightsOfRole(config: AccessConfig, role: string | null): string[] {
  const held = new Set(role ? (config.roles[role]?.rights ?? []) : []);
  return Object.keys(config.rights).filter((right) => held.has(right));
}

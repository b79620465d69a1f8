import type { FieldAccess } from './types';

export type AccessRight = 'read' | 'write';

/** The roles of one right: null leaves it to the type-level matrix (config/roles.yaml). */
export type AccessState = Record<AccessRight, string[] | null>;

export const fromAccess = (access: FieldAccess | undefined): AccessState => ({
  read: access?.read ?? null,
  write: access?.write ?? null,
});

/** The JSON to store: only the restricted rights, nothing at all when both follow the matrix. */
export function toAccess(state: AccessState): FieldAccess | undefined {
  const access: FieldAccess = {};
  if (state.read) access.read = state.read;
  if (state.write) access.write = state.write;
  return Object.keys(access).length ? access : undefined;
}

/** Switches a right between the matrix (null) and a list, starting the list from `roles`. */
export const restrict = (state: AccessState, right: AccessRight, roles: string[] | null): AccessState =>
  withRule({ ...state, [right]: roles });

/**
 * Gives or takes one role's right. A role that may not read may not write, so taking read
 * also takes write, and giving write also gives read.
 */
export function toggle(state: AccessState, right: AccessRight, role: string, on: boolean): AccessState {
  const set = (list: string[] | null) => (on ? [...new Set([...(list ?? []), role])] : (list ?? []).filter((r) => r !== role));
  const next = { ...state, [right]: set(state[right]) };
  if (right === 'write' && on && next.read && !next.read.includes(role)) next.read = [...next.read, role];
  return withRule(next);
}

/** Keeps the written list within the read list once both are lists. */
function withRule(state: AccessState): AccessState {
  if (!state.read || !state.write) return state;
  const read = state.read;
  return { ...state, write: state.write.filter((r) => read.includes(r)) };
}

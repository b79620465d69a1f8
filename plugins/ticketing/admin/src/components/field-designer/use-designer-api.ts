import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { FieldDefinition, FieldTypeInfo, Locale, Preview } from './types';

/** The roles of config/roles.yaml: offered when the Users & Permissions roles cannot be read. */
export const BUILTIN_ROLES = ['viewer', 'handler', 'publisher', 'admin'];
/** Users & Permissions roles no ticket user holds: callers without credentials, and users with no role yet. */
const NOT_TICKET_ROLES = new Set(['public', 'authenticated']);

/** The registered field types, fetched once per designer. */
export function useFieldTypes(): FieldTypeInfo[] {
  const { get } = useFetchClient();
  const [types, setTypes] = useState<FieldTypeInfo[]>([]);
  useEffect(() => {
    get<{ data: { types: FieldTypeInfo[] } }>('/ticketing/field-types').then(
      (res) => setTypes(res.data.data.types),
      () => setTypes([]),
    );
  }, [get]);
  return types;
}

/**
 * The role types a field's access may name: the four of config/roles.yaml and those an
 * admin made in Users & Permissions (read with the admin's own permission to see roles;
 * without it, the four).
 */
export function useRoleTypes(): string[] {
  const { get } = useFetchClient();
  const [roles, setRoles] = useState<string[]>(BUILTIN_ROLES);
  useEffect(() => {
    get<{ roles: { type: string }[] }>('/users-permissions/roles').then(
      (res) => {
        const made = res.data.roles.map((r) => r.type).filter((t) => !NOT_TICKET_ROLES.has(t) && !BUILTIN_ROLES.includes(t));
        setRoles([...BUILTIN_ROLES, ...made.sort()]);
      },
      () => setRoles(BUILTIN_ROLES),
    );
  }, [get]);
  return roles;
}

/**
 * The server's view of the fields being edited: the form they give (as `role` would see
 * it; everything when no role is chosen), or what is wrong with them.
 */
export function usePreview(fields: FieldDefinition[], locale: Locale, role: string | null): Preview | null {
  const { post } = useFetchClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    // debounced: one request after the admin stops typing
    const timer = setTimeout(() => {
      post<{ data: Preview }>(`/ticketing/form-preview?locale=${locale}`, { fields, ...(role ? { role } : {}) }).then(
        (res) => setPreview(res.data.data),
        (error: Error) => setPreview({ issues: [{ field: '(preview)', path: '', message: error.message }] }),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [fields, locale, role, post]);
  return preview;
}

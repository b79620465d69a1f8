import fs from 'node:fs';
import { parse } from 'yaml';

/** config/sso.yaml, read and checked. */
export interface SsoMapping {
  /** the scopes asked for at sign-in */
  scope: string;
  /** the portal's button text per locale */
  label: { 'zh-CN': string; en: string };
  /** which ID-token / userinfo claims hold the username, the e-mail and the groups */
  claims: { username: string; email: string; groups: string };
  /** first match wins; a user matching none gets no role (Authenticated), as a new local user */
  roles: Array<{ group: string; role: string }>;
}

const DEFAULTS: SsoMapping = {
  scope: 'openid email profile',
  label: { 'zh-CN': '使用 SSO 登录', en: 'Sign in with SSO' },
  claims: { username: 'preferred_username', email: 'email', groups: 'groups' },
  roles: [],
};

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function fail(file: string, message: string): never {
  throw new Error(`${file}: ${message}`);
}

/** Reads `file`; a missing file means the defaults (no role from any group). A wrong shape stops start-up naming the key. */
export function readSsoMapping(file: string): SsoMapping {
  if (!fs.existsSync(file)) return DEFAULTS;
  const raw = (parse(fs.readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
  const label = { ...DEFAULTS.label, ...((raw.label ?? {}) as object) } as Record<string, unknown>;
  const claims = { ...DEFAULTS.claims, ...((raw.claims ?? {}) as object) } as Record<string, unknown>;
  for (const [key, value] of Object.entries(label)) if (!isText(value)) fail(file, `label.${key} must be a non-empty string`);
  for (const [key, value] of Object.entries(claims)) if (!isText(value)) fail(file, `claims.${key} must be a claim name`);
  const scope = raw.scope ?? DEFAULTS.scope;
  if (!isText(scope) || !scope.split(/\s+/).includes('openid')) fail(file, 'scope must be a space-separated list holding openid');
  const roles = raw.roles ?? [];
  if (!Array.isArray(roles)) fail(file, 'roles must be a list of { group, role }');
  roles.forEach((rule: Record<string, unknown>, i) => {
    if (!isText(rule?.group) || !isText(rule?.role)) fail(file, `roles[${i}] needs a group and a role`);
  });
  return {
    scope,
    label: label as SsoMapping['label'],
    claims: claims as SsoMapping['claims'],
    roles: (roles as Array<{ group: string; role: string }>).map(({ group, role }) => ({ group, role })),
  };
}

/** The groups a claim holds: a list of strings, or one string (some IdPs send a single group so). */
export function groupsOf(claims: Record<string, unknown>, mapping: SsoMapping): string[] {
  const value = claims[mapping.claims.groups];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/** The role type the first matching rule gives, or null (no role). */
export function roleFor(claims: Record<string, unknown>, mapping: SsoMapping): string | null {
  const groups = new Set(groupsOf(claims, mapping));
  return mapping.roles.find((rule) => groups.has(rule.group))?.role ?? null;
}

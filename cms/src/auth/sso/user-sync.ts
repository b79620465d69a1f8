import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { roleFor, type SsoMapping } from './role-mapping';

const USER_UID = 'plugin::users-permissions.user';
const ROLE_UID = 'plugin::users-permissions.role';

/** A sign-in the CMS refuses; `code` goes to the portal (`?ssoError=`), `status` to the log. */
export class SsoRefusal extends Error {
  constructor(
    readonly code: 'blocked' | 'email_missing' | 'email_taken' | 'role_unknown' | 'claims',
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface UserRow {
  id: number;
  username: string;
  email: string;
  blocked: boolean | null;
  role?: { id: number; type: string } | null;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** What the IdP says about the user, read through config/sso.yaml's claim names. */
function identityOf(claims: Record<string, unknown>, mapping: SsoMapping) {
  const subject = text(claims.sub);
  if (!subject) throw new SsoRefusal('claims', 400, 'the ID token has no subject');
  const email = text(claims[mapping.claims.email])?.toLowerCase();
  // Users & Permissions requires an e-mail address on every user
  if (!email || !email.includes('@'))
    throw new SsoRefusal('email_missing', 400, `the IdP sent no e-mail address (claim ${mapping.claims.email})`);
  const username = text(claims[mapping.claims.username]) ?? email;
  return { subject, email, username };
}

/**
 * Creates or updates the user of an IdP subject from its claims, at every sign-in: e-mail,
 * username and role follow the IdP (a changed group changes the role). The user is found by
 * `ssoSubject` only, never by e-mail: an IdP account must not take over a local account
 * that happens to share its address. A blocked user is refused.
 */
export async function syncSsoUser(strapi: Core.Strapi, claims: Record<string, unknown>, mapping: SsoMapping): Promise<UserRow> {
  const { subject, email, username } = identityOf(claims, mapping);
  const roleType = roleFor(claims, mapping) ?? 'authenticated';
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: roleType } });
  if (!role) throw new SsoRefusal('role_unknown', 500, `config/sso.yaml maps to role "${roleType}", which does not exist`);

  const users = strapi.db.query(USER_UID);
  const service = strapi.plugin('users-permissions').service('user');
  const existing = (await users.findOne({ where: { ssoSubject: subject }, populate: ['role'] })) as UserRow | null;
  if (existing?.blocked) throw new SsoRefusal('blocked', 403, `user ${existing.id} is blocked`);

  const emailOwner = (await users.findOne({ where: { email }, select: ['id'] })) as { id: number } | null;
  if (emailOwner && emailOwner.id !== existing?.id) {
    throw new SsoRefusal('email_taken', 409, `another account already uses ${email}`);
  }
  const usernameOwner = (await users.findOne({ where: { username }, select: ['id'] })) as { id: number } | null;
  // usernames are unique: a clash keeps the IdP's name recognisable with a suffix from the subject
  const freeUsername =
    usernameOwner && usernameOwner.id !== existing?.id
      ? `${username}-${createHash('sha256').update(subject).digest('hex').slice(0, 6)}`
      : username;

  if (!existing) {
    const created = await service.add({
      username: freeUsername,
      email,
      provider: 'oidc',
      confirmed: true,
      blocked: false,
      role: role.id,
      ssoSubject: subject,
    });
    return { ...(created as UserRow), role };
  }
  const changes: Record<string, unknown> = {};
  if (existing.email !== email) changes.email = email;
  if (existing.username !== freeUsername) changes.username = freeUsername;
  if (existing.role?.id !== role.id) changes.role = role.id;
  if (Object.keys(changes).length === 0) return existing;
  const updated = await service.edit(existing.id, changes);
  return { ...(updated as UserRow), role };
}

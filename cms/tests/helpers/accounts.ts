import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** A local user's id and the credentials it logs in with. */
export interface Account {
  id: number;
  identifier: string;
  email: string;
  password: string;
}

/**
 * The role of `type` with (at least) `actions` granted — a role of the test's own, so that
 * the grants of the configured roles can change without moving the test.
 */
export async function roleWith(strapi: Core.Strapi, type: string, actions: string[]): Promise<{ id: number }> {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const role =
    (await roles.findOne({ where: { type } })) ??
    (await roles.create({ data: { type, name: type, description: `test role ${type}` } }));
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of actions) {
    if (!(await permissions.count({ where: { action, role: role.id } }))) {
      await permissions.create({ data: { action, role: role.id } });
    }
  }
  return role;
}

/** Creates a confirmed, unblocked local user with `roleId`. */
export async function createAccount(strapi: Core.Strapi, roleId: number): Promise<Account> {
  const identifier = `acct_${randomBytes(5).toString('hex')}`;
  const email = `${identifier}@example.test`;
  const password = 'Passw0rd!long';
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: identifier,
    email,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: roleId,
  });
  return { id: user.id, identifier, email, password };
}

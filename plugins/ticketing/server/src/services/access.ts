import type { Core } from '@strapi/strapi';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** What the Public role keeps: signing in. Everything else needs a user. */
export const PUBLIC_ACTIONS = ['plugin::users-permissions.auth.callback'];

/** What every signed-in user may do until the RBAC roles take over. */
export const AUTHENTICATED_ACTIONS = [
  'plugin::ticketing.ticket-types.find',
  'plugin::ticketing.ticket-types.schema',
  'plugin::ticketing.field-types.find',
  'plugin::ticketing.tickets.find',
  'plugin::ticketing.tickets.findOne',
  'plugin::ticketing.tickets.create',
  'plugin::ticketing.tickets.update',
  'plugin::ticketing.tickets.delete',
  'plugin::ticketing.tickets.transition',
  'plugin::ticketing.tickets.history',
];

/** The auth baseline: a closed Public role, registration off, readers of ticket types. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async applyBaseline() {
    const roles = strapi.db.query(ROLE_UID);
    const permissions = strapi.db.query(PERMISSION_UID);
    const publicRole = await roles.findOne({ where: { type: 'public' } });
    const authenticated = await roles.findOne({ where: { type: 'authenticated' } });
    if (publicRole) {
      await permissions.deleteMany({ where: { role: publicRole.id, action: { $notIn: PUBLIC_ACTIONS } } });
      await this.grant(publicRole.id, PUBLIC_ACTIONS);
    }
    if (authenticated) await this.grant(authenticated.id, AUTHENTICATED_ACTIONS);

    const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
    if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  },

  /** Adds the missing grants of `actions` to a role; existing ones are left alone. */
  async grant(roleId: number, actions: string[]) {
    const permissions = strapi.db.query(PERMISSION_UID);
    for (const action of actions) {
      if (!(await permissions.count({ where: { action, role: roleId } }))) {
        await permissions.create({ data: { action, role: roleId } });
      }
    }
  },
});

import type { Core } from '@strapi/strapi';
import { actionsOfRole } from '../roles/access-rules';
import type { AuditEntry } from './audit-hook';
import { accessService } from '../utils/get-service';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';
const SYSTEM = { kind: 'system', id: 'config/roles.yaml', name: 'roles.yaml', role: null, userId: null } as const;

type Grants = [before: string[], after: string[]];

/** Users & Permissions roles and grants made to match the roles file. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Makes a role's grants exactly `wanted`; returns the grants before and after when they changed. */
  async function syncGrants(roleId: number, wanted: string[]): Promise<Grants | null> {
    const permissions = strapi.db.query(PERMISSION_UID);
    const current = (await permissions.findMany({ where: { role: roleId } })) as { id: number; action: string }[];
    const have = new Set(current.map((p) => p.action));
    const want = new Set(wanted);
    const revoke = current.filter((p) => !want.has(p.action));
    const grant = wanted.filter((a) => !have.has(a));
    if (revoke.length) await permissions.deleteMany({ where: { id: { $in: revoke.map((p) => p.id) } } });
    for (const action of grant) await permissions.create({ data: { action, role: roleId } });
    if (!revoke.length && !grant.length) return null;
    return [[...have].sort(), [...want].sort()];
  }

  return {
    /**
     * Brings Users & Permissions in line with the file, idempotently: the file's roles get
     * exactly their rights' actions (created when missing), Public only its actions,
     * Authenticated (a new user's role) nothing, registration off. Other roles are left
     * alone. Every change of grants is audited as a permission change. Returns the roles
     * whose grants changed.
     */
    async apply(): Promise<string[]> {
      const access = accessService(strapi, 'access').config();
      const roles = strapi.db.query(ROLE_UID);
      const changes: AuditEntry[] = [];
      const record = (type: string, diff: Grants | null) => {
        if (diff) changes.push({ entityKind: 'role', entityId: type, action: 'permission change', actor: SYSTEM, diff: { grants: diff } });
      };
      for (const [type, spec] of Object.entries(access.roles)) {
        const description = spec.description ?? spec.name;
        let role = await roles.findOne({ where: { type } });
        if (!role) role = await roles.create({ data: { type, name: spec.name, description } });
        else if (role.name !== spec.name || role.description !== description) {
          await roles.update({ where: { id: role.id }, data: { name: spec.name, description } });
        }
        record(type, await syncGrants(role.id, actionsOfRole(access, type)));
      }
      const publicRole = await roles.findOne({ where: { type: 'public' } });
      if (publicRole) record('public', await syncGrants(publicRole.id, access.public));
      const authenticated = await roles.findOne({ where: { type: 'authenticated' } });
      if (authenticated) record('authenticated', await syncGrants(authenticated.id, []));

      const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
      const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
      if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
      await accessService(strapi, 'audit-hook').record(changes);
      return changes.map((c) => c.entityId);
    },
  };
};

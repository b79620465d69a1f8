import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { TicketingConfig } from '../config';
import { actionsOfRole, roleHasRight } from '../rbac/access-rules';
import { readAccessConfig, type AccessConfig } from '../rbac/roles-file';
import type { AuditEntry } from './audit';
import { getService } from '../utils/get-service';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';
const SYSTEM = { kind: 'system', id: 'config/roles.yaml', name: 'roles.yaml', role: null, userId: null } as const;

/** Every controller action Strapi registered (what U&P's own sync keeps). */
function knownActions(strapi: Core.Strapi): Set<string> {
  const actions = new Set<string>();
  for (const [name, plugin] of Object.entries(strapi.plugins)) {
    for (const [controller, actionsOf] of Object.entries(plugin.controllers ?? {})) {
      for (const action of Object.keys(actionsOf as object)) actions.add(`plugin::${name}.${controller}.${action}`);
    }
  }
  for (const [name, api] of Object.entries(strapi.apis)) {
    for (const [controller, actionsOf] of Object.entries(api.controllers ?? {})) {
      for (const action of Object.keys(actionsOf as object)) actions.add(`api::${name}.${controller}.${action}`);
    }
  }
  return actions;
}

/** Role-based access from `config/roles.yaml`: the U&P roles and grants, and the rights policies read. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let config: AccessConfig | undefined;

  /** Makes a role's grants exactly `wanted`; returns the grants before and after when they changed. */
  async function syncGrants(roleId: number, wanted: string[]) {
    const permissions = strapi.db.query(PERMISSION_UID);
    const current = (await permissions.findMany({ where: { role: roleId } })) as { id: number; action: string }[];
    const have = new Set(current.map((p) => p.action));
    const want = new Set(wanted);
    const revoke = current.filter((p) => !want.has(p.action));
    const grant = wanted.filter((a) => !have.has(a));
    if (revoke.length) await permissions.deleteMany({ where: { id: { $in: revoke.map((p) => p.id) } } });
    for (const action of grant) await permissions.create({ data: { action, role: roleId } });
    if (!revoke.length && !grant.length) return null;
    return [[...have].sort(), [...want].sort()] as [string[], string[]];
  }

  return {
    /** Reads the roles file; an invalid file throws, which stops start-up. */
    load(): AccessConfig {
      const { configDir } = strapi.config.get('plugin::ticketing') as TicketingConfig;
      config = readAccessConfig(path.join(configDir, 'roles.yaml'), knownActions(strapi));
      return config;
    },

    config(): AccessConfig {
      return config ?? this.load();
    },

    hasRight(role: string | null, right: string): boolean {
      return roleHasRight(this.config(), role, right);
    },

    /** The first right that opens a U&P action, to name it in a 403. */
    rightOfAction(action: string): string | undefined {
      return Object.entries(this.config().rights).find(([, actions]) => actions.includes(action))?.[0];
    },

    /**
     * Brings Users & Permissions in line with the file, idempotently: the file's roles get
     * exactly their rights' actions (created when missing), Public only its actions,
     * Authenticated (a new user's role) nothing, registration off. Other roles are left
     * alone. Every change of grants is audited as a permission change.
     */
    async apply() {
      const access = this.config();
      const roles = strapi.db.query(ROLE_UID);
      const changes: AuditEntry[] = [];
      const record = (type: string, diff: [string[], string[]] | null) => {
        if (diff) changes.push({ entityKind: 'role', entityId: type, action: 'permission change', actor: SYSTEM, diff: { grants: diff } });
      };
      for (const [type, spec] of Object.entries(access.roles)) {
        let role = await roles.findOne({ where: { type } });
        if (!role) role = await roles.create({ data: { type, name: spec.name, description: spec.description ?? spec.name } });
        else if (role.name !== spec.name || role.description !== (spec.description ?? spec.name)) {
          await roles.update({ where: { id: role.id }, data: { name: spec.name, description: spec.description ?? spec.name } });
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
      if (changes.length) await getService(strapi, 'audit').record(changes);
      return changes.map((c) => c.entityId);
    },
  };
};

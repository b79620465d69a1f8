import type { Core } from '@strapi/strapi';
import { actorFromState } from 'strapi-plugin-access';
import { diffForms } from '../tickets/form-diff';
import { getService } from '../utils/get-service';

const USER_UID = 'plugin::users-permissions.user';
type UserRow = { id: number; username: string; email: string; blocked: boolean; confirmed: boolean; role?: { type: string } | null };

/** What an audit entry shows of a user: never the password hash or tokens. */
const view = (u: UserRow | null) =>
  u ? { username: u.username, email: u.email, blocked: !!u.blocked, confirmed: !!u.confirmed, role: u.role?.type ?? null } : null;

const load = (strapi: Core.Strapi, where: unknown) =>
  strapi.db.query(USER_UID).findOne({ where, populate: ['role'] }) as Promise<UserRow | null>;

/**
 * Audits every write of a Users & Permissions user — from the REST users API or the admin
 * panel — as `user create|update|delete`, or `permission change` when the role changed.
 * A database lifecycle, because U&P writes users with the query engine, not the
 * document service.
 */
export function subscribeUserAudit(strapi: Core.Strapi) {
  const record = async (entityId: string, action: string, diff: Record<string, [unknown, unknown]>, extra: Record<string, unknown> = {}) => {
    const ctx = strapi.requestContext.get();
    const actor = actorFromState(ctx?.state ?? {});
    await getService(strapi, 'audit').record([
      { entityKind: 'user', entityId, action, actor, diff, meta: Object.keys(extra).length ? extra : null, requestId: ctx?.state?.requestId ?? null },
    ]);
  };

  strapi.db.lifecycles.subscribe({
    models: [USER_UID],
    async beforeUpdate(event: any) {
      event.state.before = view(await load(strapi, event.params.where));
    },
    async afterUpdate(event: any) {
      const after = view(await load(strapi, { id: event.result?.id }));
      const diff = diffForms(event.state.before, after);
      const passwordChanged = event.params.data?.password !== undefined;
      if (!Object.keys(diff).length && !passwordChanged) return;
      await record(String(event.result.id), diff.role ? 'permission change' : 'user update', diff, passwordChanged ? { password: 'changed' } : {});
    },
    async afterCreate(event: any) {
      await record(String(event.result.id), 'user create', diffForms(null, view(await load(strapi, { id: event.result.id }))));
    },
    async beforeDelete(event: any) {
      event.state.before = await load(strapi, event.params.where);
    },
    async afterDelete(event: any) {
      const before = event.state.before as UserRow | null;
      if (before) await record(String(before.id), 'user delete', diffForms(view(before), null));
    },
  });
}

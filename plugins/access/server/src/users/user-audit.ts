import type { Core } from '@strapi/strapi';
import { diffRecords, type RecordDiff } from '../audit/record-diff';
import { actorFromState } from '../request/caller';
import { accessService } from '../utils/get-service';

const USER_UID = 'plugin::users-permissions.user';
type UserRow = { id: number; username: string; email: string; blocked: boolean; confirmed: boolean; role?: { type: string } | null };

/** The part of a database lifecycle event this audit reads; `state` carries data from before to after. */
interface UserEvent {
  params: { where?: unknown; data?: { password?: unknown } };
  result?: { id: number };
  state: { before?: unknown };
}

/** What an audit entry shows of a user: never the password hash or tokens. */
const view = (u: UserRow | null) =>
  u ? { username: u.username, email: u.email, blocked: !!u.blocked, confirmed: !!u.confirmed, role: u.role?.type ?? null } : null;

const load = (strapi: Core.Strapi, where: unknown) =>
  strapi.db.query(USER_UID).findOne({ where, populate: ['role'] }) as Promise<UserRow | null>;

/**
 * Audits every write of a Users & Permissions user — from the REST users API or the admin
 * panel — as `user create|update|delete`, or `permission change` when the role changed,
 * through the audit hook (the ticketing plugin's audit log). A database lifecycle, because
 * U&P writes users with the query engine, not the document service.
 */
export function subscribeUserAudit(strapi: Core.Strapi) {
  const record = async (entityId: string, action: string, diff: RecordDiff, extra: Record<string, unknown> = {}) => {
    const ctx = strapi.requestContext.get();
    const actor = actorFromState(ctx?.state ?? {});
    await accessService(strapi, 'audit-hook').record([
      { entityKind: 'user', entityId, action, actor, diff, meta: Object.keys(extra).length ? extra : null, requestId: ctx?.state?.requestId ?? null },
    ]);
  };

  strapi.db.lifecycles.subscribe({
    models: [USER_UID],
    async beforeUpdate(event: UserEvent) {
      event.state.before = view(await load(strapi, event.params.where));
    },
    async afterUpdate(event: UserEvent) {
      const after = view(await load(strapi, { id: event.result?.id }));
      const diff = diffRecords(event.state.before as ReturnType<typeof view>, after);
      const passwordChanged = event.params.data?.password !== undefined;
      if (!Object.keys(diff).length && !passwordChanged) return;
      const id = String(event.result?.id);
      await record(id, diff.role ? 'permission change' : 'user update', diff, passwordChanged ? { password: 'changed' } : {});
    },
    async afterCreate(event: UserEvent) {
      await record(String(event.result?.id), 'user create', diffRecords(null, view(await load(strapi, { id: event.result?.id }))));
    },
    async beforeDelete(event: UserEvent) {
      event.state.before = await load(strapi, event.params.where);
    },
    async afterDelete(event: UserEvent) {
      const before = event.state.before as UserRow | null;
      if (before) await record(String(before.id), 'user delete', diffRecords(view(before), null));
    },
  });
}

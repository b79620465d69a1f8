import type { Core } from '@strapi/strapi';
import { accessService, ForbiddenError, InvalidError, type Actor } from 'strapi-plugin-access';
import { TICKET_EVENTS } from '../events/ticket-events';
import { getService } from '../utils/get-service';
import type { WriteContext } from './tickets';

/** Opens the assign route; also what makes a user someone tickets can be assigned to. */
export const ASSIGN_RIGHT = 'tickets.assign';
/** Assigning to anyone (not only claiming for oneself and handing back one's own). */
export const ASSIGN_OTHERS_RIGHT = 'tickets.assign.others';

const USER_ID = /^[1-9]\d{0,8}$/;

/** `me`, a user id (number or digits) or null; a 400 for anything else. */
function targetOf(raw: unknown, actor: Actor): number | null {
  if (raw === null) return null;
  if (raw === 'me') {
    if (!actor.userId) throw new InvalidError('assignee "me" needs a signed-in user');
    return actor.userId;
  }
  if ((typeof raw === 'number' || typeof raw === 'string') && USER_ID.test(String(raw))) return Number(raw);
  throw new InvalidError('data.assignee must be a user id, "me", or null to unassign');
}

/** Who works a ticket: assign, claim and hand back, audited and versioned like every write. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => accessService(strapi, 'access');
  const users = () => strapi.db.query('plugin::users-permissions.user');

  /** The user's name when tickets may be assigned to them; a 400 naming why not otherwise. */
  async function assignable(userId: number): Promise<string> {
    const user = (await users().findOne({ where: { id: userId }, populate: ['role'] })) as {
      username: string;
      blocked: boolean | null;
      role: { type: string } | null;
    } | null;
    if (!user) throw new InvalidError(`No user ${userId}`);
    if (user.blocked) throw new InvalidError(`User ${user.username} is blocked and cannot be assigned tickets`);
    if (!access().hasRight(user.role?.type ?? null, ASSIGN_RIGHT)) {
      throw new InvalidError(`User ${user.username} (${user.role?.type ?? 'no role'}) does not work tickets and cannot be assigned them`);
    }
    return user.username;
  }

  /** Without the right to assign others, a caller may only claim an unassigned ticket or hand back its own. */
  function assertMayMove(actor: Actor, current: number | null, target: number | null, locale: WriteContext['locale']) {
    if (access().hasRight(actor.role, ASSIGN_OTHERS_RIGHT)) return;
    const self = actor.userId;
    const claim = self !== null && target === self && current === null;
    const handBack = self !== null && target === null && current === self;
    if (claim || handBack) return;
    throw new ForbiddenError(
      locale === 'en'
        ? 'You may claim an unassigned ticket or hand back your own; assigning others needs tickets.assign.others'
        : '只能认领未分配的工单或退回自己的工单；分配给他人需要 tickets.assign.others 权限',
      { right: ASSIGN_OTHERS_RIGHT, assignee: current },
    );
  }

  return {
    /** Everyone tickets can be assigned to (holders of tickets.assign, not blocked), by name. */
    async assignees(): Promise<{ id: number; username: string; role: string }[]> {
      const found = (await users().findMany({ where: { blocked: { $ne: true } }, populate: ['role'], orderBy: { username: 'asc' } })) as {
        id: number;
        username: string;
        role: { type: string } | null;
      }[];
      return found
        .filter((u) => access().hasRight(u.role?.type ?? null, ASSIGN_RIGHT))
        .map((u) => ({ id: u.id, username: u.username, role: u.role?.type as string }));
    },

    /** Sets the ticket's assignee (null: nobody); 409 on a stale version; assigning the current assignee changes nothing. */
    async assign(documentId: string, input: { assignee: unknown; version: unknown }, ctx: WriteContext) {
      const tickets = getService(strapi, 'tickets');
      const target = targetOf(input.assignee, ctx.actor);
      const moved = await strapi.db.connection.transaction(async (trx) => {
        const row = await tickets.lockAt(trx, documentId, input.version, ctx.actor);
        const current = row.assignee_id ?? null;
        assertMayMove(ctx.actor, current, target, ctx.locale);
        if (current === target) return null;
        const toName = target === null ? null : await assignable(target);
        const fromName = current === null ? null : ((await tickets.usernames([current])).get(current) ?? null);
        await trx(strapi.db.metadata.get('plugin::ticketing.ticket').tableName)
          .where({ id: row.id })
          .update({ assignee_id: target, version: row.version + 1, updated_at: new Date() });
        await getService(strapi, 'audit').append(trx, [
          {
            entityKind: 'ticket',
            entityId: documentId,
            action: 'assign',
            actor: ctx.actor,
            diff: { assignee: [current, target] },
            meta: { from: fromName, to: toName },
            requestId: ctx.requestId,
          },
        ]);
        return { row: { ...row, assignee_id: target, version: row.version + 1 }, from: current, to: target };
      });
      if (moved) await getService(strapi, 'ticket-events').emit(TICKET_EVENTS.assigned, moved.row, ctx.actor, { from: moved.from, to: moved.to });
      return tickets.findOne(documentId, ctx.actor);
    },
  };
};

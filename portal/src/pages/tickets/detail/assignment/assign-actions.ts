import type { Access } from '../../../../auth/access';
import type { Ticket } from '../../../../services/ticket';

/** Which assignment buttons a ticket page offers its viewer. */
export interface AssignActions {
  /** Take an unassigned ticket for oneself. */
  claim: boolean;
  /** Give one's own ticket back to the queue. */
  handBack: boolean;
  /** Pick anyone who works tickets (or nobody). */
  assignOthers: boolean;
}

/**
 * The buttons the server would accept from this caller: claiming needs an unassigned ticket and
 * handing back one's own, both with `tickets.assign`; `tickets.assign.others` may assign anyone.
 */
export function assignActions(access: Access, meId: number | string | null, ticket: Pick<Ticket, 'assignee'>): AssignActions {
  const mine = meId !== null && ticket.assignee !== null && String(ticket.assignee.id) === String(meId);
  return {
    claim: access.canAssign && ticket.assignee === null,
    handBack: access.canAssign && mine,
    assignOthers: access.canAssignOthers,
  };
}

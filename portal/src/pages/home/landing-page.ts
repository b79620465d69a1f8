import type { Access } from '../../auth/access';

/**
 * The first page after signing in: those who work tickets given to them but hand out none
 * (handlers: `tickets.assign` without `tickets.assign.others`) start from "My tickets";
 * everyone else from the ticket list.
 */
export function landingPage(access: Pick<Access, 'canAssign' | 'canAssignOthers'>): string {
  return access.canAssign && !access.canAssignOthers ? '/my-tickets' : '/tickets';
}

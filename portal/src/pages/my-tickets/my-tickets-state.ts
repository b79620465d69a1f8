import { TICKET_STATUSES } from '../../services/ticket';
import type { ListState } from '../tickets/list/types';

/** Every state but closed: what is still someone's work. */
export const OPEN_STATUSES = TICKET_STATUSES.filter((status) => status !== 'closed');

/** The list state of "My tickets": `state`'s paging and sort, assigned to me, not closed, no other filter. */
export function myTicketsState(state: ListState): ListState {
  return {
    status: [...OPEN_STATUSES],
    assignee: 'me',
    sort: state.sort,
    page: state.page,
    pageSize: state.pageSize,
    filters: {},
  };
}

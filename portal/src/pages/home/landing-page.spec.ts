import { describe, expect, it } from 'vitest';
import { accessFor } from '../../auth/access';
import { myTicketsState, OPEN_STATUSES } from '../my-tickets/my-tickets-state';
import { parseListState, toApiQuery } from '../tickets/list/list-state';
import { landingPage } from './landing-page';

describe('landingPage', () => {
  it('starts a handler in My tickets and the others in the ticket list', () => {
    expect(landingPage(accessFor({ rights: ['tickets.read', 'tickets.assign'] }))).toBe('/my-tickets');
    expect(landingPage(accessFor({ rights: ['tickets.read', 'tickets.assign', 'tickets.assign.others'] }))).toBe('/tickets');
    expect(landingPage(accessFor({ rights: ['tickets.read'] }))).toBe('/tickets');
  });
});

describe('myTicketsState', () => {
  it('asks for my tickets in every state but closed, keeping paging and sort and dropping other filters', () => {
    const from = parseListState(new URLSearchParams('type=bs-fault&status=closed&assignee=none&sla=warning&f.pci.gte=3&page=2&sort=updated_at:asc'));
    const query = toApiQuery(myTicketsState(from));
    expect(query.get('assignee')).toBe('me');
    expect(query.get('status')).toBe('draft,submitted,in_progress,resolved,rejected');
    expect(OPEN_STATUSES).not.toContain('closed');
    expect(query.get('page')).toBe('2');
    expect(query.get('sort')).toBe('updated_at:asc');
    for (const gone of ['type', 'sla', 'filters[form][pci][$gte]']) expect(query.has(gone)).toBe(false);
  });
});

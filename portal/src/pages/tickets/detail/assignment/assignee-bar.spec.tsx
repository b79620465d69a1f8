import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { AccessProvider } from '../../../../auth/access-context';
import type { Me } from '../../../../auth/access';
import { ApiError } from '../../../../api/api-error';
import { queryClient } from '../../../../services/query-client';
import { queryKeys } from '../../../../services/query-keys';
import type { Ticket } from '../../../../services/ticket';
import { renderWithProviders } from '../../../../test/render';
import { AssigneeBar } from './assignee-bar';

const posts: unknown[] = [];
let stale = false;

vi.mock('../../../../auth/session', () => ({
  api: vi.fn(async (path: string, options: { method?: string; body?: { data: { assignee: unknown; version: number } } } = {}) => {
    if (path === '/api/ticketing/assignees') {
      return { data: [{ id: 7, username: 'handler', role: 'handler' }, { id: 9, username: 'zhang', role: 'publisher' }] };
    }
    if (path.endsWith('/assign') && options.method === 'POST') {
      posts.push(options.body);
      if (stale) throw new ApiError('http', 'stale', 409);
      const id = options.body?.data.assignee;
      return { data: { ...ticket, version: 4, assignee: id === 9 ? { id: 9, username: 'zhang' } : null } };
    }
    throw new Error(`unexpected ${path}`);
  }),
}));

const ticket = { documentId: 't1', version: 3, assignee: { id: 7, username: 'handler' } } as unknown as Ticket;
const publisher: Me = { kind: 'user', id: 1, username: 'publisher', email: null, role: 'publisher', rights: ['tickets.read', 'tickets.assign', 'tickets.assign.others'] };

const bar = () =>
  renderWithProviders(
    <QueryClientProvider client={queryClient}>
      <AccessProvider me={publisher}>
        <AssigneeBar ticket={ticket} />
      </AccessProvider>
    </QueryClientProvider>,
  );

const pick = async (name: string) => {
  fireEvent.click(screen.getByTestId('assign-ticket'));
  fireEvent.mouseDown((await screen.findByTestId('assignee-picker')).querySelector('.ant-select-selector') ?? screen.getByTestId('assignee-picker'));
  fireEvent.click(await screen.findByTitle(name));
  fireEvent.click(screen.getByTestId('assign-confirm'));
};

describe('AssigneeBar', () => {
  it("lets a publisher assign someone else's ticket to a user from the picker, at the version read", async () => {
    bar();
    expect(screen.getByTestId('assignee').dataset.assignee).toBe('handler');
    expect(screen.queryByTestId('claim-ticket')).toBeNull(); // assigned already
    expect(screen.queryByTestId('hand-back-ticket')).toBeNull(); // not theirs
    await pick('zhang (发布人)');
    await waitFor(() => expect(posts).toEqual([{ data: { assignee: 9, version: 3 } }]));
    await waitFor(() => expect(queryClient.getQueryData<Ticket>(queryKeys.ticket('t1'))?.assignee?.username).toBe('zhang'));
  });

  it('reloads the ticket and says so when it changed meanwhile (409)', async () => {
    posts.length = 0;
    stale = true;
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    bar();
    await pick('未分配');
    await waitFor(() => expect(posts).toEqual([{ data: { assignee: null, version: 3 } }]));
    await waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.ticket('t1') }));
    expect(await screen.findByText('工单已被他人修改，已重新加载，请再试一次')).toBeTruthy();
  });
});

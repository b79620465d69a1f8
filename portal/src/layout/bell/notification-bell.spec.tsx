import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { queryClient } from '../../services/query-client';
import type { AppNotification } from '../../services/notifications';
import { renderWithProviders } from '../../test/render';
import { NotificationBell } from './notification-bell';

const calls: string[] = [];
let inbox: AppNotification[] = [];
const ticket = (id: string, title: string | null) => ({ id, title, type: 'bs-fault', status: 'submitted' });
const reset = () => {
  inbox = [
    { id: 'n3', kind: 'noted', ticket: ticket('t1', '张江站'), params: { actor: 'publisher', note: '<i>换</i>天线' }, read: false, readAt: null, createdAt: '2026-12-07T02:03:00Z' },
    { id: 'n2', kind: 'sla_breached', ticket: ticket('t2', null), params: { clock: 'response' }, read: false, readAt: null, createdAt: '2026-12-07T02:02:00Z' },
    { id: 'n1', kind: 'transitioned', ticket: ticket('t1', '张江站'), params: { actor: 'admin', from: 'submitted', to: 'in_progress' }, read: true, readAt: '2026-12-07T02:01:30Z', createdAt: '2026-12-07T02:01:00Z' },
  ];
};

vi.mock('../../auth/session', () => ({
  api: vi.fn(async (path: string, options: { method?: string } = {}) => {
    calls.push(`${options.method ?? 'GET'} ${path}`);
    const unread = () => inbox.filter((n) => !n.read).length;
    if (path === '/api/notifications') return { data: inbox, meta: { unread: unread(), pagination: { page: 1, pageSize: 10, pageCount: 1, total: inbox.length } } };
    const one = /^\/api\/notifications\/(\w+)\/read$/.exec(path);
    if (one) {
      inbox = inbox.map((n) => (n.id === one[1] ? { ...n, read: true } : n));
      return { data: inbox.find((n) => n.id === one[1]), meta: { unread: unread() } };
    }
    if (path === '/api/notifications/read-all') {
      inbox = inbox.map((n) => ({ ...n, read: true }));
      return { data: { marked: 2 }, meta: { unread: 0 } };
    }
    throw new Error(`unexpected ${path}`);
  }),
}));

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

const bell = () =>
  renderWithProviders(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/tickets']}>
        <NotificationBell />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
const unreadShown = () => screen.getByTestId('bell-count').getAttribute('data-unread');

describe('NotificationBell', () => {
  it('shows the unread count and the newest notifications in words; a click opens the ticket and marks it read', async () => {
    reset();
    queryClient.clear();
    bell();
    await waitFor(() => expect(unreadShown()).toBe('2'));
    fireEvent.click(screen.getByTestId('bell'));
    const items = await screen.findAllByTestId('bell-item');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('publisher 在「张江站」添加了备注：<i>换</i>天线'),
      expect.stringContaining('「t2」的首次响应时限已超时'),
      expect.stringContaining('admin 把「张江站」从已提交改为处理中'),
    ]);
    expect(items.map((item) => item.dataset.read)).toEqual(['false', 'false', 'true']);
    fireEvent.click(items[1]);
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/tickets/t2'));
    await waitFor(() => expect(unreadShown()).toBe('1'));
    expect(calls).toContain('POST /api/notifications/n2/read');
  });

  it('marks all read', async () => {
    reset();
    queryClient.clear();
    bell();
    await waitFor(() => expect(unreadShown()).toBe('2'));
    fireEvent.click(screen.getByTestId('bell'));
    fireEvent.click(await screen.findByTestId('bell-read-all'));
    await waitFor(() => expect(unreadShown()).toBe('0'));
    expect(calls).toContain('POST /api/notifications/read-all');
  });
});

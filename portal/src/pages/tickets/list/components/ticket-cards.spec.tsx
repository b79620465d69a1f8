import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { renderWithProviders } from '../../../../test/render';
import type { Ticket } from '../../../../services/ticket';
import type { TicketPage } from '../list-queries';
import { TicketCards } from './ticket-cards';

const ticket = (id: string, patch: Partial<Ticket> = {}): Ticket => ({
  documentId: id,
  type: 'bs-fault',
  typeVersion: 1,
  status: 'submitted',
  form: { site_name: '张江01' },
  version: 1,
  photos: [],
  creator: null,
  assignee: null,
  createdAt: '2026-11-30T08:15:00+08:00',
  updatedAt: '2026-11-30T09:00:00+08:00',
  allowedTransitions: [],
  ...patch,
});
const pageOf = (data: Ticket[], total = data.length): TicketPage => ({
  data,
  meta: { pagination: { page: 1, pageSize: 2, pageCount: Math.ceil(total / 2), total } },
});
const TYPES = [{ key: 'bs-fault', name: { 'zh-CN': '5G基站故障工单', en: '5G base station fault' }, version: 1 }];
const running = {
  target: 3600,
  elapsed: 60,
  state: 'ok' as const,
  running: true,
  dueAt: '2026-11-30T09:15:00+08:00',
  businessHours: false,
};

describe('TicketCards', () => {
  it('shows per ticket its site, type, status, the SLA only when it has one, and the time, linking to it', () => {
    renderWithProviders(
      <MemoryRouter>
        <TicketCards
          page={pageOf([
            ticket('a', { sla: { state: 'ok', response: running, resolution: null } }),
            ticket('b', { form: {}, status: 'draft', sla: null }),
          ])}
          loading={false}
          types={TYPES}
        />
      </MemoryRouter>,
    );
    const cards = screen.getAllByTestId('ticket-card');
    expect(cards.map((card) => card.getAttribute('href'))).toEqual(['/tickets/a', '/tickets/b']);
    expect(within(cards[0]).getByTestId('ticket-card-site').textContent).toBe('张江01');
    expect(within(cards[0]).getByText('5G基站故障工单')).toBeTruthy();
    expect(within(cards[0]).getByTestId('status-tag').dataset.status).toBe('submitted');
    expect(within(cards[0]).queryByTestId('sla-tag')).not.toBeNull();
    // the time in the browser's zone
    expect(within(cards[0]).getByText(/^2026-11-30 \d{2}:15$/)).toBeTruthy();
    expect(within(cards[1]).getByTestId('ticket-card-site').textContent).toBe('（无站点）');
    expect(within(cards[1]).queryByTestId('sla-tag')).toBeNull();
    // one page: no pager
    expect(document.querySelector('.ant-pagination')).toBeNull();
  });

  it('pages when there is more than a page, and says when there is nothing', () => {
    const onPage = vi.fn();
    const { unmount } = renderWithProviders(
      <MemoryRouter>
        <TicketCards page={pageOf([ticket('a'), ticket('b')], 5)} loading={false} types={TYPES} current={1} pageSize={2} onPage={onPage} />
      </MemoryRouter>,
    );
    fireEvent.click(screen.getByTitle('下一页'));
    expect(onPage).toHaveBeenCalledWith(2, 2);
    unmount();
    renderWithProviders(
      <MemoryRouter>
        <TicketCards page={pageOf([])} loading={false} types={TYPES} emptyText="附近没有" />
      </MemoryRouter>,
    );
    expect(screen.getByTestId('list-empty').textContent).toContain('附近没有');
  });
});

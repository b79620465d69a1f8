import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { bsFaultSchema } from '../../../../test/schemas';
import { renderWithProviders } from '../../../../test/render';
import type { Ticket } from '../../../../services/ticket';
import { parseListState } from '../list-state';
import type { TicketPage } from '../list-queries';
import { TicketTable } from './ticket-table';

const ticket: Ticket = {
  documentId: 'kda9ppd90nx4v4dz7e1ioavu',
  type: 'bs-fault',
  typeVersion: 1,
  status: 'submitted',
  form: { site_name: '张江01', gnb_id: 1, pci: 387, severity: 'critical' },
  version: 2,
  photos: [],
  creator: { id: 3, username: 'wang' },
  assignee: null,
  createdAt: '2026-11-30T08:15:00+08:00',
  updatedAt: '2026-11-30T09:00:00+08:00',
  allowedTransitions: [],
};

const pageOf = (data: Ticket[], total: number, totalIsLowerBound?: boolean): TicketPage => ({
  data,
  meta: {
    pagination: { page: 1, pageSize: 20, pageCount: Math.ceil(total / 20), total, ...(totalIsLowerBound ? { totalIsLowerBound } : {}) },
  },
});

function renderTable(page: TicketPage, query = 'type=bs-fault') {
  renderWithProviders(
    <MemoryRouter>
      <TicketTable
        page={page}
        loading={false}
        state={parseListState(new URLSearchParams(query))}
        types={[]}
        schema={bsFaultSchema}
        sortable={[]}
        onChange={vi.fn()}
      />
    </MemoryRouter>,
  );
}

describe('the ticket table', () => {
  it('says so when nothing matches', () => {
    renderTable(pageOf([], 0));
    expect(screen.getByTestId('list-empty').textContent).toContain('没有符合条件的工单');
  });

  it("shows the total, the type's fields with their labels, and links each ticket", () => {
    renderTable(pageOf([ticket], 1));
    expect(screen.getByTestId('list-total').textContent).toBe('共 1 条');
    expect(screen.getByTestId('ticket-link').getAttribute('href')).toBe('/tickets/kda9ppd90nx4v4dz7e1ioavu');
    expect(screen.getByText('PCI')).toBeTruthy(); // column titles from the schema
    expect(screen.getByText('387')).toBeTruthy();
    expect(screen.getByText('张江01')).toBeTruthy();
    expect(screen.getByText('已提交')).toBeTruthy();
  });

  it('marks a capped total as a lower bound', () => {
    renderTable(pageOf([ticket], 1000, true));
    expect(screen.getByTestId('list-total').textContent).toBe('至少 1,000 条');
  });
});

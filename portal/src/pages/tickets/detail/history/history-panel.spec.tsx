import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../../../../services/query-client';
import { renderWithProviders } from '../../../../test/render';
import { HistoryPanel } from './history-panel';

const NOTE = '天线已更换。\n<b>驻波比</b> 恢复正常\n\n明早复查';

vi.mock('../../../../auth/session', () => ({
  api: vi.fn(async (path: string) => {
    if (path.endsWith('/history')) {
      return {
        data: [
          { id: 'h4', action: 'sla', actor: { kind: 'system', id: null, name: null }, diff: null, meta: { clock: 'response', state: 'breached', dueAt: '2026-12-07T02:03:30Z' }, requestId: null, at: '2026-12-07T02:04:00Z' },
          { id: 'h3', action: 'note', actor: { kind: 'user', id: '7', name: 'handler' }, diff: null, meta: { text: NOTE }, requestId: null, at: '2026-12-07T02:03:00Z' },
          { id: 'h2', action: 'assign', actor: { kind: 'user', id: '7', name: 'handler' }, diff: { assignee: [null, 7] }, meta: { from: null, to: 'handler' }, requestId: null, at: '2026-12-07T02:02:00Z' },
          { id: 'h1', action: 'create', actor: { kind: 'user', id: '1', name: 'publisher' }, diff: { pci: [null, 5] }, meta: null, requestId: null, at: '2026-12-07T02:01:00Z' },
        ],
        meta: { pagination: { page: 1, pageSize: 20, pageCount: 1, total: 3 } },
      };
    }
    throw new Error(`unexpected ${path}`);
  }),
}));

describe('HistoryPanel', () => {
  it('shows a note among the other entries as plain text with its line breaks, who took a ticket, and an SLA breach', async () => {
    renderWithProviders(
      <QueryClientProvider client={queryClient}>
        <HistoryPanel ticketId="t1">
          <div data-testid="slot" />
        </HistoryPanel>
      </QueryClientProvider>,
    );
    const entries = await screen.findAllByTestId('history-entry');
    expect(entries.map((entry) => entry.dataset.action)).toEqual(['sla', 'note', 'assign', 'create']);
    expect(screen.getByTestId('sla-entry').textContent).toBe('首次响应时限: 已超时');
    entries.shift();
    expect(entries[0].textContent).toContain('备注');
    expect(entries[0].textContent).toContain('handler');
    const text = screen.getByTestId('note-text-shown');
    // the markup is text: no element made from it, the characters shown as typed
    expect(text.textContent).toBe(NOTE);
    expect(text.querySelector('b')).toBeNull();
    expect(text.style.whiteSpace).toBe('pre-wrap');
    expect(entries[1].textContent).toContain('未分配 → handler');
    expect(screen.getByTestId('slot')).toBeTruthy();
  });
});

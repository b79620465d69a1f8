import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../../../../services/query-client';
import { renderWithProviders } from '../../../../test/render';
import { NoteBox } from './note-box';

const sent: unknown[] = [];

vi.mock('../../../../auth/session', () => ({
  api: vi.fn(async (path: string, options: { method?: string; body?: unknown }) => {
    if (options.method === 'POST' && path === '/api/ticketing/tickets/t1/notes') {
      sent.push(options.body);
      return { data: { id: 'n1', text: 'x', author: { kind: 'user', id: '7', name: 'handler' }, createdAt: '2026-12-07T02:00:00Z' } };
    }
    throw new Error(`unexpected ${path}`);
  }),
}));

const box = () =>
  renderWithProviders(
    <QueryClientProvider client={queryClient}>
      <NoteBox ticketId="t1" />
    </QueryClientProvider>,
  );
const input = () => screen.getByTestId('note-text').querySelector('textarea') ?? (screen.getByTestId('note-text') as HTMLTextAreaElement);
const addButton = () => screen.getByTestId('note-add') as HTMLButtonElement;

describe('NoteBox', () => {
  it('counts to 4,000 as the server counts (an emoji is one) and refuses to send more', () => {
    box();
    expect(addButton().disabled).toBe(true);
    fireEvent.change(input(), { target: { value: '📡'.repeat(4000) } });
    expect(screen.getByTestId('note-box').textContent).toContain('4000 / 4000');
    expect(addButton().disabled).toBe(false);
    fireEvent.change(input(), { target: { value: '📡'.repeat(4001) } });
    expect(screen.getByTestId('note-box').textContent).toContain('4001 / 4000');
    expect(addButton().disabled).toBe(true);
  });

  it('sends the text with its line breaks and empties the box', async () => {
    box();
    fireEvent.change(input(), { target: { value: '第一行\n第二行' } });
    fireEvent.click(addButton());
    await waitFor(() => expect(input().value).toBe(''));
    expect(sent).toEqual([{ data: { text: '第一行\n第二行' } }]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../../services/query-client';
import { NOTIFICATION_KINDS, type NotificationPreferences } from '../../services/notifications';
import { renderWithProviders } from '../../test/render';
import NotificationPreferencesPage from '.';

const puts: unknown[] = [];
const prefs: NotificationPreferences = {
  language: 'zh-CN',
  events: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { inApp: true, email: kind === 'assigned' }])) as NotificationPreferences['events'],
};

vi.mock('../../auth/session', () => ({
  api: vi.fn(async (path: string, options: { method?: string; body?: { data: { events?: Record<string, Record<string, boolean>> } } } = {}) => {
    if (path !== '/api/notifications/preferences') throw new Error(`unexpected ${path}`);
    if (options.method === 'PUT') {
      puts.push(options.body);
      for (const [kind, channels] of Object.entries(options.body?.data.events ?? {})) Object.assign(prefs.events[kind as 'noted'], channels);
    }
    return { data: structuredClone(prefs), meta: { emailAvailable: false } };
  }),
}));

describe('Notification preferences', () => {
  it('shows each kind per channel, sends one switch as a partial change, and greys e-mail out without SMTP', async () => {
    renderWithProviders(
      <QueryClientProvider client={queryClient}>
        <NotificationPreferencesPage />
      </QueryClientProvider>,
    );
    const noted = await screen.findByTestId('pref-noted-inApp');
    await waitFor(() => expect(noted.getAttribute('aria-checked')).toBe('true'));
    expect(screen.getByTestId('pref-assigned-email').getAttribute('aria-checked')).toBe('true');
    expect((screen.getByTestId('pref-assigned-email') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('prefs-no-email')).toBeTruthy();
    fireEvent.click(noted);
    await waitFor(() => expect(screen.getByTestId('pref-noted-inApp').getAttribute('aria-checked')).toBe('false'));
    expect(puts).toEqual([{ data: { events: { noted: { inApp: false } } } }]);
  });
});

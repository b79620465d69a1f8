import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../auth/session';
import { queryClient } from './query-client';
import { queryKeys } from './query-keys';

/** What a user is notified of (the notifications plugin's kinds). */
export const NOTIFICATION_KINDS = ['assigned', 'noted', 'sla_warning', 'sla_breached', 'transitioned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_CHANNELS = ['inApp', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** One in-app notification (GET /api/notifications): the ticket as it was then, and the kind's words. */
export interface AppNotification {
  id: string;
  kind: NotificationKind | string;
  ticket: { id: string; title: string | null; type: string | null; status: string | null };
  params: Record<string, string | null | undefined>;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

interface NotificationPage {
  data: AppNotification[];
  meta: { unread: number; pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** The caller's notification preferences: per kind, each channel on or off; the e-mails' language. */
export interface NotificationPreferences {
  language: 'zh-CN' | 'en';
  events: Record<NotificationKind, Record<NotificationChannel, boolean>>;
}

interface PreferencesAnswer {
  data: NotificationPreferences;
  meta: { emailAvailable: boolean };
}

/** How many recent notifications the bell lists. */
export const BELL_PAGE_SIZE = 10;
// how often the bell asks for news (no push channel yet)
const BELL_POLL_MS = 30_000;

/** The newest notifications and the unread count, polled while signed in. */
export function useRecentNotifications(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => api<NotificationPage>('/api/notifications', { query: { page: 1, pageSize: BELL_PAGE_SIZE }, signal }),
    enabled,
    refetchInterval: BELL_POLL_MS,
  });
}

const refreshBell = () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications });

/** Marks one notification read. */
export function useMarkRead() {
  return useMutation({
    mutationFn: (id: string) => api(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: refreshBell,
  });
}

/** Marks every notification of the caller read. */
export function useMarkAllRead() {
  return useMutation({
    mutationFn: () => api('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: refreshBell,
  });
}

/** The caller's preferences, and whether e-mail can be sent at all. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: queryKeys.notificationPreferences,
    queryFn: ({ signal }) => api<PreferencesAnswer>('/api/notifications/preferences', { signal }),
  });
}

/** A change of preferences: the language, or some channels of some kinds. */
export type PreferencesChange = { language?: NotificationPreferences['language']; events?: Partial<Record<NotificationKind, Partial<Record<NotificationChannel, boolean>>>> };

/** Saves a change of preferences; the answer becomes the cached preferences. */
export function useChangePreferences() {
  return useMutation({
    mutationFn: (change: PreferencesChange) =>
      api<PreferencesAnswer>('/api/notifications/preferences', { method: 'PUT', body: { data: change } }),
    onSuccess: (answer) => queryClient.setQueryData(queryKeys.notificationPreferences, answer),
  });
}

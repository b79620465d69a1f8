import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../../auth/session';
import { useT } from '../../../i18n/locale-provider';
import { queryClient } from '../../../services/query-client';
import { queryKeys } from '../../../services/query-keys';
import type { FormValues, Ticket, TicketStatus } from '../../../services/ticket';
import type { TicketAnswer } from './types';

const ticketUrl = (id: string) => `/api/ticketing/tickets/${encodeURIComponent(id)}`;

/** One ticket. */
export function useTicket(id: string) {
  return useQuery({
    queryKey: queryKeys.ticket(id),
    queryFn: ({ signal }) => api<TicketAnswer>(ticketUrl(id), { signal }).then((r) => r.data),
  });
}

/** After a write: the ticket's cache holds the answer; lists and history are stale. */
export function afterWrite(ticket: Ticket) {
  queryClient.setQueryData(queryKeys.ticket(ticket.documentId), ticket);
  void queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists });
  void queryClient.invalidateQueries({ queryKey: queryKeys.history(ticket.documentId) });
}

/** Creates a ticket of `type` (it starts in draft). */
export function useCreateTicket() {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: ({ type, form }: { type: string; form: FormValues }) =>
      api<TicketAnswer>('/api/ticketing/tickets', { method: 'POST', body: { data: { type, form } } }).then((r) => r.data),
    onSuccess: (ticket) => {
      afterWrite(ticket);
      void message.success(t('form.created'));
    },
  });
}

/** Saves a ticket's form at the version it was read; a stale version is a 409. */
export function useUpdateTicket(id: string) {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: ({ form, version }: { form: FormValues; version: number }) =>
      api<TicketAnswer>(ticketUrl(id), { method: 'PUT', body: { data: { form, version } } }).then((r) => r.data),
    onSuccess: (ticket) => {
      afterWrite(ticket);
      void message.success(t('form.saved'));
    },
  });
}

/** Moves a ticket to another state; a 409 (changed meanwhile) reloads it and says so. */
export function useMoveTicket(id: string) {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: ({ to, version }: { to: TicketStatus; version: number }) =>
      api<TicketAnswer>(`${ticketUrl(id)}/transition`, { method: 'POST', body: { data: { to, version } } }).then((r) => r.data),
    onSuccess: (ticket) => {
      afterWrite(ticket);
      void message.success(t('move.done', { status: t(`status.${ticket.status}`) }));
    },
    onError: (error: { status?: number; message: string }) => {
      if (error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(id) });
        void message.warning(t('conflict.moveStale'));
      } else void message.error(error.message);
    },
  });
}

/** Deletes a ticket. */
export function useDeleteTicket(id: string) {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: () => api<TicketAnswer>(ticketUrl(id), { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.ticket(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists });
      void message.success(t('form.deleted'));
    },
    onError: (error: Error) => void message.error(error.message),
  });
}

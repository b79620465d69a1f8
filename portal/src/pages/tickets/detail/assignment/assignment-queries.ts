import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../../../auth/session';
import { useT } from '../../../../i18n/locale-provider';
import { queryClient } from '../../../../services/query-client';
import { queryKeys } from '../../../../services/query-keys';
import { afterWrite } from '../ticket-queries';
import type { TicketAnswer } from '../types';

/** The assignee to send: a user id, "me" (claim) or null (hand back / unassign). */
export type AssignTarget = number | 'me' | null;

/** Sets a ticket's assignee at the version it was read; a 409 reloads the ticket and says so. */
export function useAssignTicket(id: string) {
  const { message } = App.useApp();
  const t = useT();
  return useMutation({
    mutationFn: ({ assignee, version }: { assignee: AssignTarget; version: number }) =>
      api<TicketAnswer>(`/api/ticketing/tickets/${encodeURIComponent(id)}/assign`, {
        method: 'POST',
        body: { data: { assignee, version } },
      }).then((r) => r.data),
    onSuccess: (ticket) => {
      afterWrite(ticket);
      void message.success(ticket.assignee ? t('assign.done', { name: ticket.assignee.username }) : t('assign.cleared'));
    },
    onError: (error: { status?: number; message: string }) => {
      if (error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(id) });
        void message.warning(t('assign.stale'));
      } else void message.error(error.message);
    },
  });
}

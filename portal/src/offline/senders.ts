import { isApiError } from '../api/api-error';
import { api, upload } from '../auth/session';
import { sameValue, serverStateOf } from '../pages/tickets/detail/form/conflict';
import type { Photo } from '../pages/tickets/detail/photos/photo-types';
import type { TicketAnswer } from '../pages/tickets/detail/types';
import { queryClient } from '../services/query-client';
import { queryKeys } from '../services/query-keys';
import type { FormValues, Ticket } from '../services/ticket';
import type { SendOutcome, Senders } from './outbox-drain';

const ticketUrl = (id: string) => `/api/ticketing/tickets/${encodeURIComponent(id)}`;

/** A failed send as an outcome; `sentForm` recognises a 409 caused by our own earlier send whose answer was lost. */
export function outcomeOf(error: unknown, sentForm?: FormValues): SendOutcome {
  if (isApiError(error, 'session')) return { kind: 'signed-out' };
  if (isApiError(error, 'http')) {
    const server = serverStateOf(error);
    // the server already holds exactly this form: our save arrived, only its answer did not
    if (server && sentForm && sameValue(server.form, sentForm)) return { kind: 'sent', version: server.version };
    if (server) return { kind: 'conflict', server };
    return { kind: 'refused', message: error.message };
  }
  // no answer (or a proxy's instead of the CMS's): the change waits for the network
  return { kind: 'offline' };
}

/** What a ticket write changes in the query cache. */
function ticketChanged(ticketId: string, ticket?: Ticket) {
  if (ticket) queryClient.setQueryData(queryKeys.ticket(ticketId), ticket);
  else void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticketId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists });
  void queryClient.invalidateQueries({ queryKey: queryKeys.history(ticketId) });
}

/** The queue's sends through the app's API client: token refresh included, 409 → a conflict. */
export const appSenders: Senders = {
  async update(entry) {
    try {
      const { data } = await api<TicketAnswer>(ticketUrl(entry.ticketId), {
        method: 'PUT',
        body: { data: { form: entry.form, version: entry.version } },
      });
      ticketChanged(entry.ticketId, data);
      return { kind: 'sent', version: data.version };
    } catch (error) {
      const outcome = outcomeOf(error, entry.form);
      if (outcome.kind === 'sent') ticketChanged(entry.ticketId);
      return outcome;
    }
  },

  async photo(entry) {
    try {
      const file = new File([entry.bytes], entry.name, { type: entry.type });
      const { data } = await upload<{ data: Photo[] }>(`${ticketUrl(entry.ticketId)}/images`, file, {
        field: 'files',
        fields: { uploadKey: entry.uploadKey },
      });
      queryClient.setQueryData<Photo[]>(queryKeys.photos(entry.ticketId), (photos = []) => [
        ...photos,
        ...data.filter((p) => !photos.some((q) => q.id === p.id)),
      ]);
      ticketChanged(entry.ticketId);
      return { kind: 'sent' };
    } catch (error) {
      return outcomeOf(error);
    }
  },
};

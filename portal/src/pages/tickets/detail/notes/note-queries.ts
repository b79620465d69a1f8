import { useMutation } from '@tanstack/react-query';
import { api } from '../../../../auth/session';
import { queryClient } from '../../../../services/query-client';
import { queryKeys } from '../../../../services/query-keys';

/** Longest note the server takes, in characters as people count them (code points). */
export const NOTE_MAX_CHARS = 4000;

/** A note's length as the server counts it: an emoji or a rare CJK character is one. */
export const noteLength = (text: string) => [...text].length;

/** A work note (POST /tickets/:id/notes answers it). */
export interface Note {
  id: string;
  text: string;
  author: { kind: string; id: string | null; name: string | null };
  createdAt: string;
}

/** Adds a note to the ticket; the history (where notes show) is read again. */
export function useAddNote(ticketId: string) {
  return useMutation({
    mutationFn: (text: string) =>
      api<{ data: Note }>(`/api/ticketing/tickets/${encodeURIComponent(ticketId)}/notes`, {
        method: 'POST',
        body: { data: { text } },
      }).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.history(ticketId) }),
  });
}

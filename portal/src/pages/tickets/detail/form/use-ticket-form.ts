import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../../../api/api-error';
import { queryClient } from '../../../../services/query-client';
import { queryKeys } from '../../../../services/query-keys';
import type { FormValues, Ticket } from '../../../../services/ticket';
import { sameValue, serverStateOf, type ServerState } from './conflict';
import { createDraftStore, draftKey } from './draft-store';
import { mapServerErrors, type MappedErrors } from './server-errors';
import { useCreateTicket, useUpdateTicket } from '../ticket-queries';

interface Options {
  type: string;
  /** The ticket being edited; absent while creating one. */
  ticket?: Ticket;
  /** The form's field keys (server errors for other keys are shown above the form). */
  fields: string[];
  onCreated: (ticket: Ticket) => void;
}

const NO_ERRORS: MappedErrors = { errorSchema: {}, general: [] };

/**
 * The state of a ticket form: the values (kept as a sessionStorage draft while unsaved, so a
 * lost session or a reload loses nothing), the version they were read at, server errors mapped
 * onto fields, and a 409's server state until the user reloads or overwrites knowingly.
 */
export function useTicketForm({ type, ticket, fields, onCreated }: Options) {
  const drafts = useMemo(() => createDraftStore(window.sessionStorage), []);
  const key = draftKey(ticket?.documentId, type);
  const create = useCreateTicket();
  const update = useUpdateTicket(ticket?.documentId ?? '');

  const [start] = useState(() => {
    const fromServer = ticket?.form ?? {};
    const draft = drafts.load(key);
    if (draft && !sameValue(draft.form, fromServer)) {
      return { form: draft.form, base: { form: draft.base, version: draft.version }, restoredAt: draft.savedAt };
    }
    drafts.clear(key);
    return { form: fromServer, base: { form: fromServer, version: ticket?.version ?? null }, restoredAt: null };
  });
  const [form, setForm] = useState<FormValues>(start.form);
  const [base, setBase] = useState<{ form: FormValues; version: number | null }>(start.base);
  const [restoredAt, setRestoredAt] = useState<number | null>(start.restoredAt);
  const [serverErrors, setServerErrors] = useState<MappedErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState<ServerState | null>(null);
  const dirty = !sameValue(form, base.form);
  // after a create the page is about to switch to the stored ticket: keep the form locked till then
  const saving = create.isPending || update.isPending || create.isSuccess;

  // the ticket moved on (a state move, a photo deletion) while nothing is unsaved: follow it
  useEffect(() => {
    if (ticket && ticket.version !== base.version && !dirty) {
      setForm(ticket.form);
      setBase({ form: ticket.form, version: ticket.version });
    }
    // only a new version matters here; `dirty` and `base` are read as they are then
  }, [ticket?.version]);

  const adopt = (values: FormValues, version: number | null) => {
    drafts.clear(key);
    setForm(values);
    setBase({ form: values, version });
    setRestoredAt(null);
  };

  const change = (next: FormValues) => {
    // a server error goes once its field is edited
    setServerErrors((prev) => {
      const kept = Object.fromEntries(Object.entries(prev.errorSchema).filter(([field]) => sameValue(next[field], form[field])));
      return { ...prev, errorSchema: kept };
    });
    setForm(next);
    if (sameValue(next, base.form)) drafts.clear(key);
    else drafts.save(key, { form: next, base: base.form, version: base.version, savedAt: Date.now() });
  };

  const failed = (error: unknown) => {
    const server = serverStateOf(error);
    if (server) setConflict(server);
    else if (isApiError(error, 'http', 400)) setServerErrors(mapServerErrors(error, fields));
    else if (isApiError(error, 'http')) setServerErrors({ errorSchema: {}, general: [error.message] });
    // a lost session goes to the login page and an unreachable server gets the banner; the
    // draft is already in sessionStorage either way
  };

  const submit = (values: FormValues, version = base.version) => {
    if (saving) return; // a second click while the first save is on its way does nothing
    setServerErrors(NO_ERRORS);
    if (!ticket) {
      create.mutate(
        { type, form: values },
        {
          onSuccess: (created) => {
            drafts.clear(key);
            onCreated(created);
          },
          onError: failed,
        },
      );
    } else {
      update.mutate(
        { form: values, version: version ?? ticket.version },
        { onSuccess: (saved) => adopt(saved.form, saved.version), onError: failed },
      );
    }
  };

  return {
    form,
    base,
    dirty,
    saving,
    restoredAt,
    serverErrors,
    conflict,
    change,
    submit,
    /** Drops the restored draft and shows the ticket as stored. */
    discardDraft: () => adopt(ticket?.form ?? {}, ticket?.version ?? null),
    /** Conflict: take the server's values (mine are dropped). */
    reloadFromServer: () => {
      if (!conflict) return;
      adopt(conflict.form, conflict.version);
      setConflict(null);
      if (ticket) void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.documentId) });
    },
    /** Conflict: save mine over the server's current version, knowingly. */
    overwrite: () => {
      if (!conflict) return;
      const version = conflict.version;
      setConflict(null);
      submit(form, version);
    },
    closeConflict: () => setConflict(null),
  };
}

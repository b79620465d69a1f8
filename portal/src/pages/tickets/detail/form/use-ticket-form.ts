import { useEffect, useMemo, useState } from 'react';
import { onlineManager } from '@tanstack/react-query';
import { App } from 'antd';
import { isApiError } from '../../../../api/api-error';
import { useT } from '../../../../i18n/locale-provider';
import { outbox } from '../../../../offline/outbox';
import type { QueuedUpdate } from '../../../../offline/outbox-types';
import { syncOutboxNow } from '../../../../offline/outbox-sync';
import { signedInUser, useSignedInUser } from '../../../../offline/signed-in-user';
import { useOutboxItems } from '../../../../offline/use-outbox';
import { queryClient } from '../../../../services/query-client';
import { queryKeys } from '../../../../services/query-keys';
import type { FormValues, Ticket } from '../../../../services/ticket';
import { sameValue, serverStateOf, type ServerState } from './conflict';
import { createDraftStore, draftKey, draftPrefixFor } from './draft-store';
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
 * The state of a ticket form: the values (kept as the user's draft in localStorage while
 * unsaved, so a lost session, a reload or a closed app loses nothing), the version they were read at, server errors mapped
 * onto fields, and a 409's server state until the user reloads or overwrites knowingly.
 * Offline (or while earlier changes of the ticket wait), a save goes into the device's queue
 * (src/offline/) instead, and the form shows the queued values; a 409 the queue meets when it
 * sends comes back here as the same conflict.
 */
export function useTicketForm({ type, ticket, fields, onCreated }: Options) {
  const user = useSignedInUser();
  const drafts = useMemo(() => createDraftStore(window.localStorage, draftPrefixFor(user)), [user]);
  const key = draftKey(ticket?.documentId, type);
  const create = useCreateTicket();
  const update = useUpdateTicket(ticket?.documentId ?? '');
  const { message } = App.useApp();
  const t = useT();
  const queue = useOutboxItems();
  const queued = ticket ? queue.filter((item) => item.ticketId === ticket.documentId) : [];
  const queuedUpdates = queued.filter((item): item is QueuedUpdate => item.kind === 'update');
  const [dismissedConflict, setDismissedConflict] = useState<number | null>(null);
  const queuedConflict = queuedUpdates.find((item) => item.state === 'conflict' && item.seq !== dismissedConflict);

  const [start] = useState(() => {
    const fromServer = ticket?.form ?? {};
    // saves waiting in the queue are newer than what the server (or the kept copy) says
    const latestQueued = queuedUpdates.at(-1);
    const shown = latestQueued?.form ?? fromServer;
    const draft = drafts.load(key);
    if (draft && !sameValue(draft.form, shown)) {
      return { form: draft.form, base: { form: draft.base, version: draft.version }, restoredAt: draft.savedAt };
    }
    drafts.clear(key);
    if (latestQueued) return { form: shown, base: { form: shown, version: null }, restoredAt: null };
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

  // the ticket moved on (a state move, a photo deletion, the queue's last save sent) while
  // nothing is unsaved or queued: follow it
  useEffect(() => {
    if (ticket && ticket.version !== base.version && !dirty && queuedUpdates.length === 0) {
      setForm(ticket.form);
      setBase({ form: ticket.form, version: ticket.version });
    }
    // only a new version (or the queue emptying) matters here; `dirty` and `base` are read as they are then
  }, [ticket?.version, queuedUpdates.length]);

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

  /** The form shows `values` as saved: they wait in the queue. */
  const adoptQueued = (values: FormValues) => {
    drafts.clear(key);
    setForm(values);
    setBase({ form: values, version: null });
    setRestoredAt(null);
  };

  /** Queues a save of `values` behind the ticket's other queued changes. */
  const queueSave = async (values: FormValues, version: number | null) => {
    const user = signedInUser();
    if (!ticket || !user) return;
    await outbox.add({
      kind: 'update',
      userId: user,
      ticketId: ticket.documentId,
      form: values,
      base: base.form,
      // on top of an earlier queued save: it gets the version that save produces
      version: queuedUpdates.length > 0 ? null : (version ?? ticket.version),
    });
    adoptQueued(values);
    void message.info(t('offline.savedOffline'));
  };

  const submit = (values: FormValues, version = base.version) => {
    if (saving) return; // a second click while the first save is on its way does nothing
    setServerErrors(NO_ERRORS);
    if (ticket && (queued.length > 0 || !onlineManager.isOnline())) {
      // behind the ticket's queued changes (their order is kept), or without a network
      void queueSave(values, version);
    } else if (!ticket) {
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
      const at = version ?? ticket.version;
      update.mutate(
        { form: values, version: at },
        {
          onSuccess: (saved) => adopt(saved.form, saved.version),
          // no answer: kept in the queue and sent again (a 409 then tells whether it had arrived)
          onError: (error) => (isApiError(error, 'unavailable') ? void queueSave(values, at) : failed(error)),
        },
      );
    }
  };

  const queuedServer = queuedConflict?.conflict;
  return {
    form,
    // a queued save's conflict is measured from what that save was based on
    base: queuedConflict ? { form: queuedConflict.base, version: queuedConflict.version } : base,
    dirty,
    saving,
    restoredAt,
    serverErrors,
    conflict: conflict ?? queuedServer ?? null,
    change,
    submit,
    /** Drops the restored draft and shows the ticket as stored. */
    discardDraft: () => adopt(ticket?.form ?? {}, ticket?.version ?? null),
    /** Conflict: take the server's values (mine are dropped, the ticket's queued photos still go). */
    reloadFromServer: () => {
      const server = conflict ?? queuedServer;
      if (!server) return;
      const user = signedInUser();
      if (!conflict && ticket && user) void outbox.dropUpdates(user, ticket.documentId).then(syncOutboxNow);
      adopt(server.form, server.version);
      setConflict(null);
      if (ticket) void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.documentId) });
    },
    /** Conflict: save mine over the server's current version, knowingly. */
    overwrite: () => {
      if (conflict) {
        const version = conflict.version;
        setConflict(null);
        submit(form, version);
        return;
      }
      const user = signedInUser();
      if (!queuedServer || !ticket || !user) return;
      adoptQueued(form);
      void outbox.overwrite(user, ticket.documentId, form, queuedServer.version, queuedServer.form).then(syncOutboxNow);
    },
    closeConflict: () => {
      setConflict(null);
      if (!conflict && queuedConflict) setDismissedConflict(queuedConflict.seq);
    },
  };
}

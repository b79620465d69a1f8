import type { FormValues } from '../../../../services/ticket';

/** Unsaved form content kept for this tab, to survive a lost session (and re-login) or a reload. */
export interface Draft {
  form: FormValues;
  /** The form as loaded when the edit started: what a conflict is measured from. */
  base: FormValues;
  /** The ticket version the edit started from (null for a new ticket). */
  version: number | null;
  savedAt: number;
}

/** The draft key of a ticket, or of a new ticket of a type. */
export const draftKey = (ticketId: string | undefined, type: string) => (ticketId ? `ticket:${ticketId}` : `new:${type}`);

/**
 * Where a user's drafts live in localStorage: per user, so another login on the device never
 * sees them, and on the device, so closing the app or restarting the phone (offline at a site)
 * loses nothing typed.
 */
export const draftPrefixFor = (userId: string | null) => `portal.draft:${userId ?? 'anonymous'}:`;

/** Drafts in `storage` under `prefix`. */
export function createDraftStore(storage: Storage, prefix = 'portal.draft:') {
  return {
    load(key: string): Draft | null {
      const text = storage.getItem(prefix + key);
      if (!text) return null;
      try {
        const draft = JSON.parse(text) as Draft;
        return draft && typeof draft.form === 'object' && draft.form !== null ? draft : null;
      } catch {
        return null; // a damaged entry is no draft
      }
    },
    save(key: string, draft: Draft) {
      try {
        storage.setItem(prefix + key, JSON.stringify(draft));
      } catch (error) {
        // a full storage must not break typing; the draft is a convenience
        console.warn('could not keep the form draft', error);
      }
    },
    clear(key: string) {
      storage.removeItem(prefix + key);
    },
    /** Forgets every draft (at an explicit logout). */
    clearAll() {
      for (let i = storage.length - 1; i >= 0; i -= 1) {
        const name = storage.key(i);
        if (name?.startsWith(prefix)) storage.removeItem(name);
      }
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;

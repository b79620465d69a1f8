import type { Actor } from '../request/caller';

/** A change worth an audit entry: who did what to which entity. */
export interface AuditEntry {
  entityKind: string;
  entityId: string;
  action: string;
  actor: Actor;
  diff?: Record<string, [unknown, unknown]> | null;
  meta?: Record<string, unknown> | null;
  requestId?: string | null;
}

export type AuditRecorder = (entries: AuditEntry[]) => Promise<void>;

/**
 * Where access events (grant changes, logins) are audited. This plugin keeps no audit
 * trail of its own: the plugin that stores one (ticketing's audit log) plugs in its
 * recorder; without one, nothing is recorded.
 */
export default () => {
  let recorder: AuditRecorder | undefined;
  return {
    use(record: AuditRecorder) {
      recorder = record;
    },

    async record(entries: AuditEntry[]) {
      if (entries.length && recorder) await recorder(entries);
    },
  };
};

/**
 * The react-query key of every resource, one per resource: a mutation refreshes exactly the
 * keys it changes.
 */
export const queryKeys = {
  me: ['me'] as const,
  ticketTypes: ['ticket-types'] as const,
  typeSchema: (key: string, locale: string, version?: number) => ['ticket-type-schema', key, locale, version ?? 'current'] as const,
  ticketLists: ['tickets'] as const,
  ticketList: (query: string) => ['tickets', query] as const,
  ticket: (id: string) => ['ticket', id] as const,
  history: (id: string) => ['ticket-history', id] as const,
  /** Who tickets can be assigned to. */
  assignees: ['assignees'] as const,
  /** The caller's notifications (the bell) and notification preferences. */
  notifications: ['notifications'] as const,
  notificationPreferences: ['notification-preferences'] as const,
  photos: (id: string) => ['ticket-photos', id] as const,
  ocrResults: (ticketId: string) => ['ocr-results', ticketId] as const,
  /** Without `locale`: the ticket's suggestions in every language (what a new reading makes stale). */
  ocrSuggestions: (ticketId: string, locale?: string) => ['ocr-suggestions', ticketId, ...(locale ? [locale] : [])] as const,
  job: (id: string) => ['job', id] as const,
  /** The caller's jobs of one kind ("My imports", "My exports"). */
  jobs: (kind: string) => ['jobs', kind] as const,
  /** The export templates of a ticket type. */
  exportTemplates: (ticketType: string) => ['export-templates', ticketType] as const,
  /** An import's report; without `status` every narrowing of it. */
  importReport: (jobId: string, status?: string) => ['import-report', jobId, ...(status ? [status] : [])] as const,
  /** A ticket type's versions with their ticket counts (admins). */
  typeVersions: (key: string) => ['ticket-type-versions', key] as const,
  /** A page of a migration's report, of one outcome or all. */
  migrationReport: (jobId: string, outcome: string, page: number) => ['migration-report', jobId, outcome, page] as const,
};

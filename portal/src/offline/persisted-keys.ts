/**
 * The queries kept on the device for offline use (by the first part of their key): the
 * caller's rights, the types and their schemas, the tickets opened (and their histories) and
 * the lists seen. Not photos (their links expire within minutes), jobs, OCR or notifications.
 */
export const PERSISTED_KEYS = ['me', 'ticket-types', 'ticket-type-schema', 'ticket', 'ticket-history', 'tickets'] as const;

/** How long a kept query stays in memory unused: as long as it is worth keeping on the device. */
export const PERSISTED_GC_MS = 24 * 3600_000;

/**
 * The queries kept on the device for offline use (by the first part of their key): the
 * caller's rights, the types and their schemas, the tickets opened (and their histories) and
 * the lists seen. Not photos (their links expire within minutes), jobs, OCR or notifications.
 */
export const PERSISTED_KEYS = ['me', 'ticket-types', 'ticket-type-schema', 'ticket', 'ticket-history', 'tickets'] as const;

import type { WebhookEvent } from '../events/kinds';
import type { TicketEvent } from '../events/ticket-event';

/**
 * The JSON a webhook receives: `{ id, event, at, ticket, actor, … }` with the event's own
 * facts (`changed`, `from`/`to`, `clock`/`state`/`dueAt`). Serialised once and stored, so
 * every attempt sends — and signs — the same bytes.
 */
export function webhookBody(event: TicketEvent, name: WebhookEvent): string {
  const { actor } = event;
  return JSON.stringify({
    ...event.extra,
    id: event.id,
    event: name,
    at: event.at,
    ticket: event.ticket,
    actor: { kind: actor.kind, name: actor.name, role: actor.role, userId: actor.userId },
  });
}

/** A subscription's url: http(s) only, a host, no longer than a browser would take. */
export function webhookUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return 'data.url must be an http(s) URL of at most 2000 characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `data.url "${value}" is not a URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `data.url must be http or https, not ${url.protocol.replace(':', '')}`;
  return url.hostname ? null : 'data.url has no host';
}

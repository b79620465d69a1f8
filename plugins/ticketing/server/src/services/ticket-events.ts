import type { Core } from '@strapi/strapi';
import type { Actor } from 'strapi-plugin-access';
import { eventActor, ticketSummary, type TicketEventName } from '../events/ticket-events';
import type { TicketRow } from '../tickets/ticket-row';

type Summarised = Parameters<typeof ticketSummary>[0];

/**
 * Tells other plugins what happened to a ticket, once its transaction has committed. A
 * listener's failure is logged, never the writer's: the ticket is saved whatever a
 * notification does.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const timestamps = () => strapi.plugin('access').service('timestamps') as { format(d: Date): string | null };
  return {
    async emit(name: TicketEventName, row: Summarised | TicketRow, actor: Actor | null, extra: Record<string, unknown> = {}) {
      const payload = {
        ...extra,
        ticket: ticketSummary(row),
        actor: actor ? eventActor(actor) : { kind: 'system', id: null, name: null, role: null, userId: null },
        at: timestamps().format(new Date()),
      };
      try {
        await strapi.eventHub.emit(name, payload);
      } catch (error) {
        strapi.log.error(`A listener of ${name} failed: ${(error as Error).message}`);
      }
    },
  };
};

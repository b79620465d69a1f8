import type { Core } from '@strapi/strapi';
import { allowedTransitions, type TicketState } from '../tickets/workflow';
import { getService } from '../utils/get-service';

/** Who may make which move: the transition table of `config/roles.yaml`. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The states `role` may move a ticket in `state` to. */
  allowed(state: TicketState, role: string | null): TicketState[] {
    return allowedTransitions(getService(strapi, 'access').config().transitions, state, role);
  },
});

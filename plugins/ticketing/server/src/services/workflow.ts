import type { Core } from '@strapi/strapi';
import { accessService } from 'strapi-plugin-access';
import { allowedTransitions, type TicketState, type TransitionRule } from '../tickets/workflow';

/** Who may make which move: the transition table of `config/roles.yaml`. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The states `role` may move a ticket in `state` to. */
  allowed(state: TicketState, role: string | null): TicketState[] {
    return allowedTransitions(accessService(strapi, 'access').section<TransitionRule[]>('transitions'), state, role);
  },
});

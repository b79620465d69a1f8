import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { TicketingConfig } from '../config';
import { readTransitionRules } from '../tickets/roles-file';
import { allowedTransitions, type TicketState, type TransitionRule } from '../tickets/workflow';

/** The transition table from `config/roles.yaml`, read once at bootstrap. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let rules: TransitionRule[] | undefined;
  return {
    load() {
      const { configDir } = strapi.config.get('plugin::ticketing') as TicketingConfig;
      rules = readTransitionRules(path.join(configDir, 'roles.yaml'));
    },
    rules(): TransitionRule[] {
      if (!rules) this.load();
      return rules!;
    },
    /** The states `role` may move a ticket in `state` to. */
    allowed(state: TicketState, role: string | null): TicketState[] {
      return allowedTransitions(this.rules(), state, role);
    },
  };
};

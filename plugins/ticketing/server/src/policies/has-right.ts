import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actorFromState, isApiTokenAuth } from '../tickets/actor';
import { getService } from '../utils/get-service';

/** The route rule every content-API route declares: `{ name: 'plugin::ticketing.has-right', config: { right } }`. */
export const requireRight = (right: string) => ({ name: 'plugin::ticketing.has-right', config: { right } });

/**
 * Lets the request through when the caller's role holds `config.right` in
 * config/roles.yaml; otherwise a 403 naming the right. A custom API token carries its own
 * action list, which Strapi has already checked; it passes rights that are U&P actions.
 */
export default (policyContext: { state: any }, config: { right: string }, { strapi }: { strapi: Core.Strapi }) => {
  const access = getService(strapi, 'access');
  const auth = policyContext.state.auth;
  if (isApiTokenAuth(auth) && auth.credentials?.type === 'custom') {
    if ((access.config().rights[config.right] ?? []).length > 0) return true;
  } else if (access.hasRight(actorFromState(policyContext.state).role, config.right)) {
    return true;
  }
  throw new errors.PolicyError(`Missing right ${config.right}`, { right: config.right });
};

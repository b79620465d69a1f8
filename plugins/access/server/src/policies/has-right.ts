import type { Core } from '@strapi/strapi';
import { MissingRightError } from '../errors/domain-errors';
import { actorFromState, isApiTokenAuth, type AuthState } from '../request/caller';
import { accessService } from '../utils/get-service';

/**
 * Lets the request through when the caller's role holds `config.right` in the roles file;
 * otherwise a 403 naming the right. A custom API token carries its own action list, which
 * Strapi has already checked; it passes rights that are U&P actions.
 */
export default (policyContext: { state: AuthState }, config: { right: string }, { strapi }: { strapi: Core.Strapi }) => {
  const access = accessService(strapi, 'access');
  const auth = policyContext.state.auth;
  if (isApiTokenAuth(auth) && auth?.credentials?.type === 'custom') {
    if ((access.config().rights[config.right] ?? []).length > 0) return true;
  } else if (access.hasRight(actorFromState(policyContext.state).role, config.right)) {
    return true;
  }
  throw new MissingRightError(config.right);
};

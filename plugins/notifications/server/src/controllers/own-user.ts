import { actorFromState, ForbiddenError, type AuthState } from 'strapi-plugin-access';

/** The calling user's id: notifications belong to users, so an API token (no user) has none. */
export function ownUserId(state: AuthState): number {
  const { userId } = actorFromState(state);
  if (userId === null) throw new ForbiddenError('Notifications belong to users: sign in as one (an API token has none)');
  return userId;
}

/** Who calls a job route: a user id (for "own jobs") and the role its rights are looked up by. */
export interface Requester {
  userId: number | null;
  role: string | null;
}

export interface AuthState {
  user?: { id: number; role?: { type?: string } };
  auth?: { strategy?: { name?: string }; credentials?: { type?: string } };
}

/**
 * The same reading of the request as the ticketing plugin's actor (plugins share services,
 * not modules): an API token has no user; a full-access token acts as admin, any other as
 * a viewer. Strapi also puts a token's record in `state.user`, so the strategy comes first.
 */
export function requesterFromState(state: AuthState): Requester {
  const strategy = state.auth?.strategy?.name;
  if (strategy === 'content-api-token' || strategy === 'api-token') {
    return { userId: null, role: state.auth?.credentials?.type === 'full-access' ? 'admin' : 'viewer' };
  }
  if (state.user) return { userId: state.user.id, role: state.user.role?.type ?? null };
  return { userId: null, role: null };
}

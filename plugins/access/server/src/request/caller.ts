/** Who makes a request, as rights, audit entries and "own" records see it. */
export interface Actor {
  kind: 'user' | 'api-token' | 'system';
  id: string | null;
  name: string | null;
  /** The Users & Permissions role type rights are looked up by (config/roles.yaml). */
  role: string | null;
  /** The Users & Permissions user; null for API tokens and the system. */
  userId: number | null;
}

/** The part of Koa's `ctx.state` that says who is calling. */
export interface AuthState {
  user?: { id: number; username?: string; role?: { type?: string } };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string; type?: string } };
}

/** Strapi 5 names its API-token strategy `content-api-token` (`api-token` in v4): both are tokens. */
export const isApiTokenAuth = (auth?: AuthState['auth']) =>
  auth?.strategy?.name === 'content-api-token' || auth?.strategy?.name === 'api-token';

/** API tokens have no role: a full-access token acts as admin, any other as a viewer. */
const TOKEN_ROLE: Record<string, string> = { 'full-access': 'admin' };

/** The caller of a request: a user, an API token, or nobody (the system). */
export function actorFromState(state: AuthState): Actor {
  // Strapi also puts an API token's record in `state.user`: look at the strategy first
  const credentials = state.auth?.credentials;
  if (isApiTokenAuth(state.auth) && credentials) {
    return {
      kind: 'api-token',
      id: credentials.id === undefined ? null : String(credentials.id),
      name: credentials.name ?? null,
      role: TOKEN_ROLE[credentials.type ?? ''] ?? 'viewer',
      userId: null,
    };
  }
  if (state.user) {
    return {
      kind: 'user',
      id: String(state.user.id),
      name: state.user.username ?? null,
      role: state.user.role?.type ?? null,
      userId: state.user.id,
    };
  }
  return { kind: 'system', id: null, name: null, role: null, userId: null };
}

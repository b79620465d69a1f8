/** Who makes a request, as audit entries and transition rules see it. */
export interface Actor {
  kind: 'user' | 'api-token' | 'system';
  id: string | null;
  name: string | null;
  /** The Users & Permissions role type the transition table is written in. */
  role: string | null;
  userId: number | null;
}

interface AuthState {
  user?: { id: number; username?: string; role?: { type?: string } };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string; type?: string } };
}

/** API tokens have no role: a full-access token acts as admin, any other as a viewer. */
const TOKEN_ROLE: Record<string, string> = { 'full-access': 'admin' };

export function actorFromState(state: AuthState): Actor {
  if (state.user) {
    return {
      kind: 'user',
      id: String(state.user.id),
      name: state.user.username ?? null,
      role: state.user.role?.type ?? null,
      userId: state.user.id,
    };
  }
  const credentials = state.auth?.credentials;
  if (state.auth?.strategy?.name === 'api-token' && credentials) {
    return {
      kind: 'api-token',
      id: credentials.id === undefined ? null : String(credentials.id),
      name: credentials.name ?? null,
      role: TOKEN_ROLE[credentials.type ?? ''] ?? 'viewer',
      userId: null,
    };
  }
  return { kind: 'system', id: null, name: null, role: null, userId: null };
}

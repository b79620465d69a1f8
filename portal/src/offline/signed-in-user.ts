import { useSyncExternalStore } from 'react';
import { tokenStore } from '../auth/session';

/** The user id in an access token's payload (Strapi's session tokens carry `userId`, older ones `id`). */
export function userIdOf(jwt: string | undefined): string | null {
  const payload = jwt?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const claims = JSON.parse(json) as { userId?: unknown; id?: unknown };
    const id = claims.userId ?? claims.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

/** Who is signed in now (read from the stored token, so also offline), or null. */
export const signedInUser = (): string | null => userIdOf(tokenStore.get()?.jwt);

/** `signedInUser`, following sign-ins and sign-outs (of other tabs too). */
export function useSignedInUser(): string | null {
  return useSyncExternalStore(tokenStore.subscribe, signedInUser);
}

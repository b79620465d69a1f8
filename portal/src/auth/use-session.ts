import { useSyncExternalStore } from 'react';
import { tokenStore } from './session';

/** Whether this browser holds a login (tokens), following changes from any tab. */
export function useLoggedIn(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, () => tokenStore.get() !== null);
}

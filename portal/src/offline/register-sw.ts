/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

const listeners = new Set<() => void>();
let updateReady = false;
let applyUpdate: (() => Promise<void>) | null = null;

// a portal left open for days still learns of a deploy
const CHECK_EVERY_MS = 60 * 60_000;

/**
 * Registers the service worker (it caches the app shell for offline starts). A new deploy's
 * worker waits: `updateReady()` turns true and `reloadToUpdate()` switches to it and reloads.
 */
export function registerServiceWorker(): void {
  if (applyUpdate || !('serviceWorker' in navigator)) return;
  applyUpdate = registerSW({
    onNeedRefresh() {
      updateReady = true;
      listeners.forEach((listener) => listener());
    },
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => navigator.onLine && void registration.update(), CHECK_EVERY_MS);
    },
    onRegisterError(error: unknown) {
      console.warn('the service worker could not be registered: the portal will not open offline', error);
    },
  });
}

export const swUpdate = {
  ready: () => updateReady,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Activates the waiting worker and reloads the page with the new shell. */
  reload: () => applyUpdate?.(),
};

import { createAuthClient } from '../api/auth-client';
import { createConnectivity } from '../api/connectivity';
import { createApi } from '../api/request';
import { createTokenStore } from '../api/token-store';
import { uploadFile, type UploadOptions } from '../api/upload';
import { currentLocale } from '../i18n/locale';

/** The one token store of the app (localStorage, shared by its tabs). */
export const tokenStore = createTokenStore(window.localStorage);

/** Whether the CMS answers; the banner reads it. */
export const connectivity = createConnectivity();

let sessionExpiredHandler: () => void = () => undefined;
let expired = false;

/** Sets what else happens when a login is lost (the signed-in pages then send the user to the login page). */
export function onSessionExpired(handler: () => void): void {
  sessionExpiredHandler = handler;
}

/** Whether the last login ended by expiring (not by signing out), until the next sign-in. */
export const sessionExpired = () => expired;
export const clearSessionExpired = () => {
  expired = false;
};

/** Tabs take turns refreshing, so two never spend the same one-use refresh token. */
function webLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('portal.token-refresh', work) as Promise<T>) : work();
}

/** Login, logout and every authenticated call of the app. */
export const authClient = createAuthClient({
  store: tokenStore,
  fetch: (url, init) => window.fetch(url, init),
  lock: webLock,
  onSessionExpired: () => {
    expired = true;
    sessionExpiredHandler();
  },
});

/** The JSON API of the CMS. */
export const api = createApi(authClient, currentLocale, connectivity);

/** A multipart upload with progress, authenticated like every other call. */
export function upload<T>(url: string, file: File, options: Omit<UploadOptions, 'locale'>): Promise<T> {
  return uploadFile<T>(authClient, url, file, { ...options, locale: currentLocale() }).then(
    (result) => {
      connectivity.markUp();
      return result;
    },
    (error: unknown) => {
      if ((error as { kind?: string })?.kind === 'unavailable') connectivity.markDown();
      throw error;
    },
  );
}

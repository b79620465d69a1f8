import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { authClient, clearSessionExpired, connectivity } from '../../auth/session';
import { queryClient } from '../../services/query-client';

/** Where to go after signing in: the remembered page when it is one of ours, else the start page (`/` picks by role). */
export function safeRedirect(raw: string | null): string {
  // only a path of this app: "//host" or "https://…" would send the user elsewhere
  return raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/login') ? raw : '/';
}

/** Signs in with identifier and password; the previous caller's cached data is dropped. */
export function useLogin() {
  return useMutation({
    mutationFn: ({ identifier, password }: { identifier: string; password: string }) => authClient.login(identifier, password),
    onSuccess: () => {
      clearSessionExpired();
      connectivity.markUp();
      queryClient.clear();
    },
    // no answer at all: the banner (with its retry) says so, as on every other page
    onError: (error) => {
      if (isApiError(error, 'unavailable')) connectivity.markDown();
    },
  });
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { authClient, clearSessionExpired, connectivity } from '../../auth/session';
import type { Locale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/zh-cn';
import { queryClient } from '../../services/query-client';

/** What `GET /api/auth/sso/config` says: whether to offer SSO (and its label), and the password form. */
export interface SsoConfig {
  enabled: boolean;
  label: Record<Locale, string> | null;
  localLogin: boolean;
}

const OFF: SsoConfig = { enabled: false, label: null, localLogin: true };

/** The CMS's SSO settings; an older CMS or no answer means no SSO, so the password form stays. */
async function fetchSsoConfig(): Promise<SsoConfig> {
  try {
    const res = await window.fetch('/api/auth/sso/config', { headers: { Accept: 'application/json' } });
    return res.ok ? ((await res.json()) as SsoConfig) : OFF;
  } catch {
    return OFF;
  }
}

export function useSsoConfig() {
  return useQuery({ queryKey: ['sso-config'], queryFn: fetchSsoConfig, staleTime: Infinity, retry: false });
}

/** Where the SSO button goes: the CMS sends the browser on to the IdP, remembering the page to come back to. */
export const ssoLoginHref = (redirect: string) => `/api/auth/sso/login?redirect=${encodeURIComponent(redirect)}`;

/** Trades the one-time `ssoCode` the CMS's callback sent for the tokens; resolves to the page to land on. */
export function useSsoHandover() {
  return useMutation({
    mutationFn: (code: string) => authClient.completeSso(code),
    onSuccess: () => {
      clearSessionExpired();
      connectivity.markUp();
      queryClient.clear();
    },
  });
}

const KNOWN_ERRORS = [
  'blocked',
  'state',
  'idp',
  'idp_unreachable',
  'email_missing',
  'email_taken',
  'role_unknown',
  'claims',
  'unavailable',
  'handover',
];

/** The message of a `?ssoError=` code from the callback (an unknown code reads as the IdP's refusal). */
export const ssoErrorKey = (code: string): MessageKey => `login.ssoError.${KNOWN_ERRORS.includes(code) ? code : 'idp'}` as MessageKey;

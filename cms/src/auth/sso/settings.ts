import path from 'node:path';

/** Single sign-on as the environment configures it (README, "Single sign-on"). */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** this CMS's callback, as registered at the IdP: …/api/auth/sso/callback */
  redirectUri: string;
  /** where the browser is sent after the callback (the portal's login page takes over) */
  portalUrl: string;
  /** config/sso.yaml: how claims become roles, and the button's label */
  mappingFile: string;
}

// compiled to cms/dist/src/auth/sso: the repo's config/ folder is five levels up
const defaultConfigDir = () => process.env.TICKETING_CONFIG_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', '..', 'config');

/**
 * The SSO settings, or undefined when OIDC_ISSUER is unset (SSO off: its routes answer 404).
 * A half-configured SSO stops start-up instead of failing at the first sign-in.
 */
export function ssoSettings(): SsoSettings | undefined {
  const issuer = process.env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const required = (name: string) => {
    const value = process.env[name]?.trim();
    if (!value) throw new Error(`${name} must be set when OIDC_ISSUER is (single sign-on)`);
    return value;
  };
  return {
    issuer,
    clientId: required('OIDC_CLIENT_ID'),
    clientSecret: required('OIDC_CLIENT_SECRET'),
    redirectUri: required('OIDC_REDIRECT_URI'),
    portalUrl: (process.env.PORTAL_URL?.trim() || 'http://localhost:5173').replace(/\/+$/, ''),
    mappingFile: process.env.SSO_CONFIG?.trim() || path.join(defaultConfigDir(), 'sso.yaml'),
  };
}

/** Whether `POST /api/auth/local` (and the password reset routes) may be used; LOCAL_LOGIN=false turns them off. */
export function localLoginEnabled(): boolean {
  return (process.env.LOCAL_LOGIN ?? 'true').trim().toLowerCase() !== 'false';
}

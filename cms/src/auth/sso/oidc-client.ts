import { custom, Issuer, type Client } from 'openid-client';
import type { SsoSettings } from './settings';

// an IdP that hangs must not hold a sign-in (or a worker) for long
custom.setHttpOptionsDefaults({ timeout: 10_000 });

let cached: { issuer: string; client: Promise<Client> } | undefined;

/**
 * The OIDC client of the configured issuer, from its discovery document (fetched once per
 * process; a failed discovery is tried again at the next sign-in rather than remembered).
 */
export function oidcClient(settings: SsoSettings): Promise<Client> {
  if (cached?.issuer === settings.issuer) return cached.client;
  const client = Issuer.discover(settings.issuer).then(
    (issuer) =>
      new issuer.Client({
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: [settings.redirectUri],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      }),
  );
  cached = { issuer: settings.issuer, client };
  client.catch(() => {
    if (cached?.client === client) cached = undefined;
  });
  return client;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a board token says: what it is for, who it was made for, until when (epoch seconds). */
export interface TokenClaims {
  purpose: string;
  sub: string;
  exp: number;
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

/** `body.mac`: the claims as base64url JSON and their HMAC-SHA256. */
export function signToken(claims: TokenClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/**
 * The claims of a token this secret signed for `purpose` that has not expired at `now`
 * (epoch seconds); null for anything else, so a caller cannot tell why it was refused.
 */
export function verifyToken(token: unknown, purpose: string, secret: string, now = Date.now() / 1000): TokenClaims | null {
  if (typeof token !== 'string' || token.length > 2048) return null;
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    // signed by us, so never malformed; refused all the same rather than trusted
    return null;
  }
  if (claims.purpose !== purpose || typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp <= now) return null;
  return claims as TokenClaims;
}

import { randomBytes } from 'node:crypto';
import { connectedRedis, redisKey } from '../../redis';
import { SessionStoreUnavailableError } from '../token-families';

/**
 * Short-lived, single-use records of the sign-in in Redis (shared by every CMS process, so the
 * callback may land on another process than the login):
 *   auth:sso-flow:<state>     nonce, PKCE verifier and where to go afterwards, 10 minutes
 *   auth:sso-handover:<code>  the tokens issued at the callback, until the portal fetches them, 1 minute
 * Both are taken with GETDEL: a state or a hand-over code works once.
 */

export interface SsoFlow {
  nonce: string;
  codeVerifier: string;
  /** a path of the portal (checked to be one) */
  redirect: string;
}

export interface SsoHandover {
  jwt: string;
  refreshToken: string;
  deviceId: string;
  user: unknown;
  redirect: string;
}

const FLOW_TTL_SECONDS = 600;
const HANDOVER_TTL_SECONDS = 60;

const flowKey = (state: string) => redisKey('auth', 'sso-flow', state);
const handoverKey = (code: string) => redisKey('auth', 'sso-handover', code);

/** An unguessable token for URLs (state, nonce, hand-over code). */
export const randomToken = () => randomBytes(32).toString('base64url');

async function withRedis<T>(work: (client: Awaited<ReturnType<typeof connectedRedis>>) => Promise<T>): Promise<T> {
  try {
    return await work(await connectedRedis());
  } catch (error) {
    throw new SessionStoreUnavailableError(`session store: ${(error as Error).message}`);
  }
}

async function take<T>(key: string): Promise<T | undefined> {
  const text = await withRedis((c) => c.getdel(key));
  return text ? (JSON.parse(text) as T) : undefined;
}

export async function saveFlow(state: string, flow: SsoFlow): Promise<void> {
  await withRedis((c) => c.set(flowKey(state), JSON.stringify(flow), 'EX', FLOW_TTL_SECONDS));
}

/** The flow of `state`, removed: undefined when unknown, expired or already used. */
export const takeFlow = (state: string) => take<SsoFlow>(flowKey(state));

/** Keeps the tokens for the portal under a new one-time code and returns the code. */
export async function saveHandover(handover: SsoHandover): Promise<string> {
  const code = randomToken();
  await withRedis((c) => c.set(handoverKey(code), JSON.stringify(handover), 'EX', HANDOVER_TTL_SECONDS));
  return code;
}

export const takeHandover = (code: string) => take<SsoHandover>(handoverKey(code));

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `X-Signature` of a webhook body: `sha256=` and the hex HMAC-SHA256 of the raw bytes with the subscription's secret. */
export function signBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** What a receiver does: recompute over the bytes it got and compare in constant time. */
export function verifySignature(rawBody: string | Buffer, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(rawBody, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A secret for a subscription created without one: 32 random bytes, hex. */
export const newSecret = () => randomBytes(32).toString('hex');

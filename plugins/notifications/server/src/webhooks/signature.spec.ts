import { createHmac } from 'node:crypto';
import { newSecret, signBody, verifySignature } from './signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ id: 'e1', event: 'ticket.created', ticket: { title: '浦东张江基站01' } });

  it('are sha256= and the hex HMAC of the raw UTF-8 body', () => {
    const hex = createHmac('sha256', 'sekret').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signBody(body, 'sekret')).toBe(`sha256=${hex}`);
    expect(signBody(Buffer.from(body, 'utf8'), 'sekret')).toBe(`sha256=${hex}`);
  });

  it('verify only with the same secret and the same bytes', () => {
    const header = signBody(body, 'sekret');
    expect(verifySignature(body, 'sekret', header)).toBe(true);
    expect(verifySignature(body, 'other', header)).toBe(false);
    expect(verifySignature(body.replace('e1', 'e2'), 'sekret', header)).toBe(false);
    expect(verifySignature(body, 'sekret', undefined)).toBe(false);
    expect(verifySignature(body, 'sekret', 'sha256=00')).toBe(false);
  });

  it('come with a fresh random secret when none is given', () => {
    expect(newSecret()).toMatch(/^[0-9a-f]{64}$/);
    expect(newSecret()).not.toBe(newSecret());
  });
});

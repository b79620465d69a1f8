import { signToken, verifyToken } from './signed-token';

describe('signed tokens', () => {
  const secret = 'k'.repeat(32);
  const now = 1_800_000_000;
  const token = signToken({ purpose: 'board-link', sub: '7', exp: now + 60 }, secret);

  it('verifies its own token for its purpose before it expires', () => {
    expect(verifyToken(token, 'board-link', secret, now)).toEqual({ purpose: 'board-link', sub: '7', exp: now + 60 });
  });

  it('refuses another purpose, an expired token, another secret, a tampered body or mac', () => {
    expect(verifyToken(token, 'board-session', secret, now)).toBeNull();
    expect(verifyToken(token, 'board-link', secret, now + 60)).toBeNull();
    expect(verifyToken(token, 'board-link', 'x'.repeat(32), now)).toBeNull();
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ purpose: 'board-link', sub: '1', exp: now + 9999 })).toString('base64url');
    expect(verifyToken(`${forged}.${mac}`, 'board-link', secret, now)).toBeNull();
    expect(verifyToken(`${body}.${mac.slice(0, -2)}AA`, 'board-link', secret, now)).toBeNull();
  });

  it('refuses what is not a token', () => {
    for (const bad of [undefined, 42, '', 'abc', 'a.b.c', `${'a'.repeat(3000)}.b`]) expect(verifyToken(bad, 'board-link', secret, now)).toBeNull();
  });
});

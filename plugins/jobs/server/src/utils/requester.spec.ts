import { requesterFromState } from './requester';

describe('requesterFromState', () => {
  it('reads a user and its role', () => {
    expect(requesterFromState({ user: { id: 4, role: { type: 'handler' } }, auth: { strategy: { name: 'users-permissions' } } })).toEqual({
      userId: 4,
      role: 'handler',
    });
  });

  it('reads API tokens by their type, never as a user', () => {
    const token = (type: string) => ({ user: { id: 1 }, auth: { strategy: { name: 'content-api-token' }, credentials: { type } } });
    expect(requesterFromState(token('full-access'))).toEqual({ userId: null, role: 'admin' });
    expect(requesterFromState(token('read-only'))).toEqual({ userId: null, role: 'viewer' });
  });

  it('reads nobody as nobody', () => {
    expect(requesterFromState({})).toEqual({ userId: null, role: null });
  });
});

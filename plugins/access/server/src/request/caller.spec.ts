import { actorFromState } from './caller';

describe('actorFromState', () => {
  it('reads a user and its role', () => {
    expect(actorFromState({ user: { id: 4, username: 'li', role: { type: 'handler' } }, auth: { strategy: { name: 'users-permissions' } } })).toEqual({
      kind: 'user',
      id: '4',
      name: 'li',
      role: 'handler',
      userId: 4,
    });
  });

  it.each(['content-api-token', 'api-token'])('reads a %s as a token by its type, never as a user', (strategy) => {
    const token = (type: string) => ({ user: { id: 1 }, auth: { strategy: { name: strategy }, credentials: { id: 9, name: 'etl', type } } });
    expect(actorFromState(token('full-access'))).toEqual({ kind: 'api-token', id: '9', name: 'etl', role: 'admin', userId: null });
    expect(actorFromState(token('read-only'))).toMatchObject({ kind: 'api-token', role: 'viewer', userId: null });
    expect(actorFromState(token('custom'))).toMatchObject({ kind: 'api-token', role: 'viewer', userId: null });
  });

  it('reads nobody as the system', () => {
    expect(actorFromState({})).toEqual({ kind: 'system', id: null, name: null, role: null, userId: null });
  });
});

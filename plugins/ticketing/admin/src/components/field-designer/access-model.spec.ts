import { fromAccess, restrict, toAccess, toggle } from './access-model';

describe('field access editor state ↔ access JSON', () => {
  it('stores nothing while both rights follow the type-level matrix', () => {
    expect(fromAccess(undefined)).toEqual({ read: null, write: null });
    expect(toAccess(fromAccess(undefined))).toBeUndefined();
  });

  it('round-trips restricted lists and keeps an unrestricted right absent', () => {
    const access = { read: ['handler', 'publisher', 'admin'] };
    expect(toAccess(fromAccess(access))).toEqual(access);
    const both = { read: ['handler', 'admin'], write: ['admin'] };
    expect(toAccess(fromAccess(both))).toEqual(both);
    expect(toAccess(fromAccess({ write: [] }))).toEqual({ write: [] });
  });

  it('takes write with read, and gives read with write', () => {
    const state = fromAccess({ read: ['handler', 'admin'], write: ['handler', 'admin'] });
    expect(toggle(state, 'read', 'handler', false)).toEqual({ read: ['admin'], write: ['admin'] });
    expect(toggle(fromAccess({ read: ['admin'], write: [] }), 'write', 'publisher', true)).toEqual({
      read: ['admin', 'publisher'],
      write: ['publisher'],
    });
  });

  it('restricting read drops writers that could no longer read; back to the matrix keeps the other list', () => {
    const state = fromAccess({ write: ['publisher', 'admin'] });
    expect(restrict(state, 'read', ['admin'])).toEqual({ read: ['admin'], write: ['admin'] });
    expect(toAccess(restrict(fromAccess({ read: ['admin'], write: ['admin'] }), 'read', null))).toEqual({ write: ['admin'] });
  });

  it('gives a role a right once only', () => {
    expect(toggle(fromAccess({ read: ['admin'] }), 'read', 'admin', true).read).toEqual(['admin']);
  });
});

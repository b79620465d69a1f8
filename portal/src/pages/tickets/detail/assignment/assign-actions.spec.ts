import { describe, expect, it } from 'vitest';
import { accessFor } from '../../../../auth/access';
import { assignActions } from './assign-actions';

const handler = accessFor({ rights: ['tickets.read', 'tickets.update', 'tickets.assign'] });
const publisher = accessFor({ rights: ['tickets.read', 'tickets.update', 'tickets.assign', 'tickets.assign.others'] });
const viewer = accessFor({ rights: ['tickets.read'] });
const unassigned = { assignee: null };
const mine = { assignee: { id: 7, username: 'handler' } };
const someoneElses = { assignee: { id: 8, username: 'other' } };

describe('assignActions', () => {
  it('lets a handler claim an unassigned ticket and hand back their own, and nothing else', () => {
    expect(assignActions(handler, 7, unassigned)).toEqual({ claim: true, handBack: false, assignOthers: false });
    expect(assignActions(handler, 7, mine)).toEqual({ claim: false, handBack: true, assignOthers: false });
    expect(assignActions(handler, 7, someoneElses)).toEqual({ claim: false, handBack: false, assignOthers: false });
  });

  it("matches the caller's id whether /me gives it as a number or as digits", () => {
    expect(assignActions(handler, '7', mine).handBack).toBe(true);
  });

  it('lets a publisher assign any ticket, besides claiming', () => {
    expect(assignActions(publisher, 1, someoneElses)).toEqual({ claim: false, handBack: false, assignOthers: true });
    expect(assignActions(publisher, 1, unassigned)).toEqual({ claim: true, handBack: false, assignOthers: true });
  });

  it('offers a viewer, or a caller that is no user, no button', () => {
    expect(assignActions(viewer, 3, unassigned)).toEqual({ claim: false, handBack: false, assignOthers: false });
    expect(assignActions(handler, null, mine).handBack).toBe(false);
  });
});

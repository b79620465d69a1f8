import { describe, expect, it } from 'vitest';
import { accessFor, movesToOffer } from './access';

// the rights config/roles.yaml gives each role (the server reports them at GET /api/ticketing/me)
const viewer = ['account', 'tickets.read', 'images.read', 'export.read'];
const handler = ['account', 'tickets.read', 'tickets.update', 'tickets.transition', 'tickets.assign', 'images.read', 'images.add', 'ocr.trigger', 'export.read'];
const publisher = [...handler, 'tickets.assign.others', 'tickets.create', 'tickets.delete', 'images.write', 'ocr.manage', 'import.run', 'export.manage'];
const admin = [...publisher, 'users.manage', 'ticket-types.migrate'];

describe('accessFor', () => {
  it('lets a viewer read tickets and photos and nothing else', () => {
    expect(accessFor({ rights: viewer })).toEqual({
      canReadTickets: true,
      canCreateTickets: false,
      canEditTickets: false,
      canMoveTickets: false,
      canDeleteTickets: false,
      canSeePhotos: true,
      canAddPhotos: false,
      canManagePhotos: false,
      canManageUsers: false,
      canUseOcr: false,
      canImport: false,
      canExport: true,
      canMigrateTicketTypes: false,
      canAssign: false,
      canAssignOthers: false,
      canReadNotifications: false,
    });
  });

  it('shows the import wizard only to holders of import.run (publishers, admins); exports to every role', () => {
    expect(accessFor({ rights: viewer }).canImport).toBe(false);
    expect(accessFor({ rights: handler }).canImport).toBe(false);
    expect(accessFor({ rights: publisher }).canImport).toBe(true);
    expect(accessFor({ rights: admin }).canImport).toBe(true);
    for (const rights of [viewer, handler, publisher, admin]) expect(accessFor({ rights }).canExport).toBe(true);
  });

  it('lets a handler edit and move tickets and add photos, but not create or delete tickets, nor reorder or delete photos', () => {
    const access = accessFor({ rights: handler });
    expect(access).toMatchObject({ canEditTickets: true, canMoveTickets: true, canSeePhotos: true, canAddPhotos: true });
    expect(access).toMatchObject({ canCreateTickets: false, canDeleteTickets: false, canManagePhotos: false });
  });

  it('lets handlers, publishers and admins use OCR (ocr.trigger), and not a viewer', () => {
    expect(accessFor({ rights: handler }).canUseOcr).toBe(true);
    expect(accessFor({ rights: publisher }).canUseOcr).toBe(true);
    expect(accessFor({ rights: admin }).canUseOcr).toBe(true);
    expect(accessFor({ rights: viewer }).canUseOcr).toBe(false);
  });

  it('gives a publisher the photo and delete rights, and only an admin the users', () => {
    expect(accessFor({ rights: publisher })).toMatchObject({
      canCreateTickets: true,
      canDeleteTickets: true,
      canManagePhotos: true,
      canManageUsers: false,
    });
    expect(accessFor({ rights: admin }).canManageUsers).toBe(true);
  });

  it('shows the ticket type versions and migrations to admins alone (ticket-types.migrate)', () => {
    for (const rights of [viewer, handler, publisher]) expect(accessFor({ rights }).canMigrateTicketTypes).toBe(false);
    expect(accessFor({ rights: admin }).canMigrateTicketTypes).toBe(true);
  });

  it('lets handlers claim and hand back, and publishers and admins assign others too', () => {
    expect(accessFor({ rights: viewer })).toMatchObject({ canAssign: false, canAssignOthers: false });
    expect(accessFor({ rights: handler })).toMatchObject({ canAssign: true, canAssignOthers: false });
    for (const rights of [publisher, admin]) expect(accessFor({ rights })).toMatchObject({ canAssign: true, canAssignOthers: true });
  });

  it('gives every role with notifications.read the bell', () => {
    expect(accessFor({ rights: [...viewer, 'notifications.read'] }).canReadNotifications).toBe(true);
    expect(accessFor({ rights: viewer }).canReadNotifications).toBe(false);
  });

  it('allows nothing while the caller is unknown or has no role', () => {
    for (const me of [null, undefined, { rights: [] }]) {
      expect(Object.values(accessFor(me)).every((flag) => flag === false)).toBe(true);
    }
  });
});

describe('movesToOffer', () => {
  it("offers the server's allowed moves to a role holding the transition right", () => {
    expect(movesToOffer(accessFor({ rights: handler }), { allowedTransitions: ['in_progress', 'rejected'] })).toEqual([
      'in_progress',
      'rejected',
    ]);
  });

  it('offers none without the right, whatever the ticket says', () => {
    expect(movesToOffer(accessFor({ rights: viewer }), { allowedTransitions: ['in_progress'] })).toEqual([]);
    expect(movesToOffer(accessFor({ rights: publisher }), {})).toEqual([]);
  });
});

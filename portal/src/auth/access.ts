/** The caller as GET /api/ticketing/me describes it. */
export interface Me {
  kind: 'user' | 'api-token' | 'system';
  id: number | string | null;
  username: string | null;
  email: string | null;
  role: string | null;
  rights: string[];
}

/** What the UI may offer; every flag mirrors a right of config/roles.yaml (the server enforces them). */
export interface Access {
  canReadTickets: boolean;
  canCreateTickets: boolean;
  canEditTickets: boolean;
  canMoveTickets: boolean;
  canDeleteTickets: boolean;
  canSeePhotos: boolean;
  /** Upload photos (field work); reordering and deleting them is `canManagePhotos`. */
  canAddPhotos: boolean;
  canManagePhotos: boolean;
  canManageUsers: boolean;
  /** Start text recognition on a ticket's photos, read its suggestions and apply them (`ocr.trigger`). */
  canUseOcr: boolean;
  /** Import spreadsheets: the wizard and "My imports" (`import.run`). */
  canImport: boolean;
  /** Export the list and a ticket's Word report; "My exports" (`export.read`). */
  canExport: boolean;
  /** See a ticket type's versions and move tickets between them (`ticket-types.migrate`, admins). */
  canMigrateTicketTypes: boolean;
  /** Claim an unassigned ticket and hand back one's own; "My tickets" (`tickets.assign`). */
  canAssign: boolean;
  /** Assign any ticket to anyone who works tickets (`tickets.assign.others`: publishers, admins). */
  canAssignOthers: boolean;
  /** One's own in-app notifications (the bell) and notification preferences (`notifications.read`). */
  canReadNotifications: boolean;
}

/** The access flags of a caller with `rights` (none while unknown). */
export function accessFor(me: Pick<Me, 'rights'> | null | undefined): Access {
  const has = (right: string) => !!me?.rights.includes(right);
  return {
    canReadTickets: has('tickets.read'),
    canCreateTickets: has('tickets.create'),
    canEditTickets: has('tickets.update'),
    canMoveTickets: has('tickets.transition'),
    canDeleteTickets: has('tickets.delete'),
    canSeePhotos: has('images.read'),
    canAddPhotos: has('images.add'),
    canManagePhotos: has('images.write'),
    canManageUsers: has('users.manage'),
    canUseOcr: has('ocr.trigger'),
    canImport: has('import.run'),
    canExport: has('export.read'),
    canMigrateTicketTypes: has('ticket-types.migrate'),
    canAssign: has('tickets.assign'),
    canAssignOthers: has('tickets.assign.others'),
    canReadNotifications: has('notifications.read'),
  };
}

/**
 * The state moves to offer as buttons: those the server says this caller's role may make from
 * the ticket's state (`allowedTransitions`), and none without the transition right.
 */
export function movesToOffer<S extends string>(access: Access, ticket: { allowedTransitions?: S[] }): S[] {
  return access.canMoveTickets ? [...(ticket.allowedTransitions ?? [])] : [];
}

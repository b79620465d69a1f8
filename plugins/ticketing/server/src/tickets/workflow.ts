/** Ticket states and the moves between them (docs/ticket-types.md "Ticket states"). */
export const TICKET_STATES = ['draft', 'submitted', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
export type TicketState = (typeof TICKET_STATES)[number];
export const INITIAL_STATE: TicketState = 'draft';

/** Every legal move; who may make each one is configuration (config/roles.yaml). */
export const LEGAL_MOVES: ReadonlyArray<readonly [TicketState, TicketState]> = [
  ['draft', 'submitted'],
  ['submitted', 'in_progress'],
  ['in_progress', 'resolved'],
  ['submitted', 'rejected'],
  ['in_progress', 'rejected'],
  ['resolved', 'closed'],
  ['resolved', 'in_progress'],
  ['rejected', 'draft'],
];

/** One row of the transition table: a move and the roles (U&P role types) allowed to make it. */
export interface TransitionRule {
  from: TicketState;
  to: TicketState;
  roles: string[];
}

export const isTicketState = (value: unknown): value is TicketState =>
  typeof value === 'string' && (TICKET_STATES as readonly string[]).includes(value);

export const isLegalMove = (from: TicketState, to: TicketState) => LEGAL_MOVES.some(([f, t]) => f === from && t === to);

/** The states a caller with `role` may move a ticket to from `state`. */
export function allowedTransitions(rules: TransitionRule[], state: TicketState, role: string | null): TicketState[] {
  if (!role) return [];
  return rules.filter((r) => r.from === state && r.roles.includes(role)).map((r) => r.to);
}

/** The name of the right a move needs, as the roles file and 403 messages spell it. */
export const transitionRight = (from: TicketState, to: TicketState) => `transition:${from}->${to}`;

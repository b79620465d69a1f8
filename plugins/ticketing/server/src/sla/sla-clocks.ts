import type { TicketState } from '../tickets/workflow';
import { addWorkingMs, workingMs, type WorkCalendar } from './work-calendar';

export type SlaState = 'ok' | 'warning' | 'breached';
export type ClockName = 'response' | 'resolution';

/** A move of the ticket into a state, at an instant (epoch ms). */
export interface StateChange {
  at: number;
  to: TicketState;
}

export interface ClockTarget {
  targetMs: number;
  calendar: WorkCalendar | null;
}

/** One clock of a ticket as the API shows it (seconds; instants as epoch ms until formatted). */
export interface ClockValue {
  target: number;
  elapsed: number;
  state: SlaState;
  running: boolean;
  /** When a running clock breaches (or breached); null while it is not running. */
  dueAt: number | null;
  /** When a running clock next changes state (warning, then breach); null when it will not. */
  checkAt: number | null;
  businessHours: boolean;
}

/**
 * Which states a clock runs in. Time to first response runs from submission until the ticket
 * is first taken into work; time to resolution runs while it is submitted or in progress (a
 * reopened ticket's clock resumes). Both pause while a ticket is rejected or back in draft: it
 * is with its submitter then, not with the team.
 */
const RUNS_IN: Record<ClockName, ReadonlySet<TicketState>> = {
  response: new Set(['submitted']),
  resolution: new Set(['submitted', 'in_progress']),
};

export function stateOf(elapsedMs: number, targetMs: number, warnAt: number): SlaState {
  if (elapsedMs >= targetMs) return 'breached';
  return elapsedMs >= warnAt * targetMs ? 'warning' : 'ok';
}

/**
 * A clock's value at `now` from the ticket's state changes (oldest first, the first one its
 * creation in draft). A ticket never submitted has a clock that has not started.
 */
export function clockValue(name: ClockName, changes: StateChange[], now: number, target: ClockTarget, warnAt: number): ClockValue {
  const { targetMs, calendar } = target;
  let elapsed = 0;
  let running = false;
  let responded = false;
  for (const [i, change] of changes.entries()) {
    if (name === 'response' && change.to === 'in_progress') responded = true;
    const counts = RUNS_IN[name].has(change.to) && !(name === 'response' && responded);
    if (!counts) continue;
    const until = i + 1 < changes.length ? changes[i + 1].at : now;
    elapsed += workingMs(change.at, Math.min(until, now), calendar);
    if (i + 1 === changes.length) running = true;
  }
  const state = stateOf(elapsed, targetMs, warnAt);
  let dueAt: number | null = null;
  let checkAt: number | null = null;
  if (running) {
    // once breached, how long ago is told in working time; its wall-clock instant only orders the list
    dueAt = elapsed < targetMs ? addWorkingMs(now, targetMs - elapsed, calendar) : now - (elapsed - targetMs);
    const warnMs = warnAt * targetMs;
    checkAt = state === 'ok' ? addWorkingMs(now, Math.ceil(warnMs - elapsed), calendar) : state === 'warning' ? dueAt : null;
  }
  return { target: Math.round(targetMs / 1000), elapsed: Math.floor(elapsed / 1000), state, running, dueAt, checkAt, businessHours: calendar !== null };
}

const RANK: Record<SlaState, number> = { ok: 0, warning: 1, breached: 2 };

/** The worse of two states. */
export const worse = (a: SlaState, b: SlaState): SlaState => (RANK[a] >= RANK[b] ? a : b);

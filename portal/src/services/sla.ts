/** SLA states as the server names them: `warning` from 80 % of a target on. */
export type SlaState = 'ok' | 'warning' | 'breached';

/** One SLA timer of a ticket (time to first response, or to resolution). */
export interface SlaClock {
  /** The target, in seconds. */
  target: number;
  /** Seconds counted so far (business seconds when `businessHours`), as of the answer. */
  elapsed: number;
  state: SlaState;
  /** Whether it still counts (not yet met, not paused). */
  running: boolean;
  /** When it runs out, if it keeps running. */
  dueAt: string | null;
  businessHours: boolean;
}

/** A ticket's SLA; null when its type has none. */
export interface TicketSla {
  state: SlaState | null;
  response: SlaClock | null;
  resolution: SlaClock | null;
}

/** The clock a tag shows: the one still running (response first), else the one that was breached, else resolution. */
export function shownClock(sla: TicketSla): SlaClock | null {
  const clocks = [sla.response, sla.resolution].filter((c): c is SlaClock => !!c);
  return clocks.find((c) => c.running) ?? clocks.find((c) => c.state === 'breached') ?? sla.resolution ?? sla.response ?? null;
}

/**
 * Seconds left on `clock` at `now` (negative: overdue by that much). A running clock with a due
 * moment counts down to it (it already allows for business hours); otherwise what the answer
 * said, frozen at `answeredAt`, less the time since when it still runs.
 */
export function secondsLeft(clock: SlaClock, now: number, answeredAt: number): number {
  if (clock.running && clock.dueAt) return Math.floor((Date.parse(clock.dueAt) - now) / 1000);
  const since = clock.running ? Math.max(0, Math.floor((now - answeredAt) / 1000)) : 0;
  return clock.target - clock.elapsed - since;
}

/** A duration as the two largest units: `2d 3h`, `3h 05m`, `4m 09s` (the unit words are the caller's). */
export function durationParts(seconds: number): { d: number; h: number; m: number; s: number } {
  const total = Math.max(0, Math.floor(Math.abs(seconds)));
  return { d: Math.floor(total / 86_400), h: Math.floor((total % 86_400) / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

/** `seconds` as "2d 3h", "3h 05m", "4m 09s" or "9s". */
export function formatDuration(seconds: number, units: { d: string; h: string; m: string; s: string }): string {
  const { d, h, m, s } = durationParts(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d}${units.d} ${h}${units.h}`;
  if (h > 0) return `${h}${units.h} ${two(m)}${units.m}`;
  if (m > 0) return `${m}${units.m} ${two(s)}${units.s}`;
  return `${s}${units.s}`;
}

/** Share of a target used up from which a clock warns (the server's 80 %). */
export const WARNING_SHARE = 0.8;

/**
 * The tag's colour: the ticket's state as the server judged it, or as the clock has moved on
 * since (the server's job marks a breach within a minute; the countdown should not wait for it).
 */
export function slaColor(state: SlaState | null, clock: SlaClock | null, left: number | null): 'red' | 'orange' | 'green' | 'default' {
  if (state === 'breached' || (left !== null && left < 0)) return 'red';
  if (state === 'warning' || (clock && left !== null && clock.target - left >= clock.target * WARNING_SHARE)) return 'orange';
  return state === 'ok' ? 'green' : 'default';
}

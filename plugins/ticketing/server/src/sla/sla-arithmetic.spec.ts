import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clockValue, type StateChange } from './sla-clocks';
import { durationMs, readSlaConfig, targetsOf } from './sla-config';
import { addWorkingMs, workingMs, type WorkCalendar } from './work-calendar';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const nineToSix: [number, number][] = [[9 * 60, 12 * 60], [13 * 60, 18 * 60]];
/** Shanghai office hours (8 a day, lunch off), National Day off, a Saturday worked instead. */
const office: WorkCalendar = {
  timeZone: 'Asia/Shanghai',
  week: { 1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix, 6: [], 7: [] },
  holidays: new Set(['2026-10-01', '2026-10-02']),
  workdays: new Set(['2026-10-10']),
};

describe('working time', () => {
  it('counts only office hours, across lunch, a weekend and a holiday', () => {
    // Fri 2026-09-25 17:00 → Mon 09-28 10:00 (+08:00): 1 h on Friday, 1 h on Monday
    expect(workingMs(at('2026-09-25T17:00:00+08:00'), at('2026-09-28T10:00:00+08:00'), office)).toBe(2 * H);
    // 11:30 → 13:30 the same day: half an hour before lunch, half after
    expect(workingMs(at('2026-09-28T11:30:00+08:00'), at('2026-09-28T13:30:00+08:00'), office)).toBe(H);
    // Wed 09-30 17:00 → Mon 10-05 09:30: Thu and Fri are holidays, the weekend is free
    expect(workingMs(at('2026-09-30T17:00:00+08:00'), at('2026-10-05T09:30:00+08:00'), office)).toBe(1.5 * H);
    // the worked Saturday counts like a Monday
    expect(workingMs(at('2026-10-10T00:00:00+08:00'), at('2026-10-11T00:00:00+08:00'), office)).toBe(8 * H);
    expect(workingMs(at('2026-10-11T00:00:00+08:00'), at('2026-10-10T00:00:00+08:00'), office)).toBe(0);
  });

  it('finds the instant a number of working hours ahead, and counts back to what it was given', () => {
    const from = at('2026-09-30T16:00:00+08:00');
    const due = addWorkingMs(from, 4 * H, office)!;
    // 2 h on Wednesday, then Thu/Fri off, weekend, Monday 09:00 + 2 h
    expect(new Date(due).toISOString()).toBe('2026-10-05T03:00:00.000Z');
    expect(workingMs(from, due, office)).toBe(4 * H);
    // starting outside hours begins at the next opening
    expect(new Date(addWorkingMs(at('2026-09-28T12:15:00+08:00'), 30 * 60_000, office)!).toISOString()).toBe('2026-09-28T05:30:00.000Z');
  });

  it('is the clock itself without a calendar (+08:00 has no daylight saving)', () => {
    expect(workingMs(at('2026-09-25T17:00:00+08:00'), at('2026-09-28T10:00:00+08:00'), null)).toBe(65 * H);
    expect(addWorkingMs(0, 5, null)).toBe(5);
  });

  it('gives up on a calendar with no working time', () => {
    const never: WorkCalendar = { ...office, week: {} };
    expect(addWorkingMs(0, H, never)).toBeNull();
    expect(workingMs(0, 10 * H, never)).toBe(0);
  });
});

describe('SLA clocks from the state changes', () => {
  const changes = (...list: [string, StateChange['to']][]): StateChange[] => list.map(([iso, to]) => ({ at: at(iso), to }));
  const fourHours = { targetMs: 4 * H, calendar: null };
  const created = '2026-12-01T08:00:00+08:00';

  it('has not started before the ticket is submitted', () => {
    const c = clockValue('resolution', changes([created, 'draft']), at('2026-12-01T20:00:00+08:00'), fourHours, 0.8);
    expect(c).toMatchObject({ elapsed: 0, state: 'ok', running: false, dueAt: null, checkAt: null });
  });

  it('runs while submitted and in progress: ok, warning at 80 %, breached at the target', () => {
    const history = changes([created, 'draft'], ['2026-12-01T09:00:00+08:00', 'submitted'], ['2026-12-01T10:00:00+08:00', 'in_progress']);
    const value = (now: string) => clockValue('resolution', history, at(now), fourHours, 0.8);
    expect(value('2026-12-01T12:00:00+08:00')).toMatchObject({ elapsed: 3 * 3600, state: 'ok', running: true, dueAt: at('2026-12-01T13:00:00+08:00'), checkAt: at('2026-12-01T12:12:00+08:00') });
    expect(value('2026-12-01T12:30:00+08:00')).toMatchObject({ state: 'warning', checkAt: at('2026-12-01T13:00:00+08:00') });
    expect(value('2026-12-01T14:00:00+08:00')).toMatchObject({ elapsed: 5 * 3600, state: 'breached', checkAt: null, dueAt: at('2026-12-01T13:00:00+08:00') });
  });

  it('pauses while rejected and back in draft, and stops when resolved (a reopen resumes it)', () => {
    const history = changes(
      [created, 'draft'],
      ['2026-12-01T09:00:00+08:00', 'submitted'],
      ['2026-12-01T10:00:00+08:00', 'rejected'],
      ['2026-12-01T11:00:00+08:00', 'draft'],
      ['2026-12-01T15:00:00+08:00', 'submitted'],
      ['2026-12-01T16:00:00+08:00', 'resolved'],
    );
    const done = clockValue('resolution', history, at('2026-12-02T09:00:00+08:00'), fourHours, 0.8);
    expect(done).toMatchObject({ elapsed: 2 * 3600, state: 'ok', running: false, dueAt: null });
    const reopened = [...history, { at: at('2026-12-02T09:00:00+08:00'), to: 'in_progress' as const }];
    expect(clockValue('resolution', reopened, at('2026-12-02T10:30:00+08:00'), fourHours, 0.8)).toMatchObject({ elapsed: 3.5 * 3600, state: 'warning', running: true });
  });

  it('stops the response clock for good at the first start of work', () => {
    const history = changes([created, 'draft'], ['2026-12-01T09:00:00+08:00', 'submitted'], ['2026-12-01T09:20:00+08:00', 'in_progress'], ['2026-12-01T10:00:00+08:00', 'rejected'], ['2026-12-01T11:00:00+08:00', 'draft'], ['2026-12-01T12:00:00+08:00', 'submitted']);
    expect(clockValue('response', history, at('2026-12-01T18:00:00+08:00'), { targetMs: 0.5 * H, calendar: null }, 0.8)).toMatchObject({ elapsed: 20 * 60, state: 'ok', running: false });
  });

  it('counts business hours only when the target has a calendar', () => {
    // submitted Friday 17:00, now Monday 10:00: 2 working hours of a 4 h target
    const history = changes(['2026-09-25T16:00:00+08:00', 'draft'], ['2026-09-25T17:00:00+08:00', 'submitted']);
    const c = clockValue('resolution', history, at('2026-09-28T10:00:00+08:00'), { targetMs: 4 * H, calendar: office }, 0.8);
    expect(c).toMatchObject({ elapsed: 2 * 3600, state: 'ok', businessHours: true, dueAt: at('2026-09-28T12:00:00+08:00') });
  });
});

describe('the SLA file', () => {
  const write = (text: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sla-')), 'sla.yaml');
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads the shipped file: bs-fault by severity, business hours for minor faults', () => {
    const config = readSlaConfig(path.resolve(__dirname, '../../../../../config/sla.yaml'));
    expect(targetsOf(config, 'bs-fault', { severity: 'critical' }).resolution).toEqual({ targetMs: 4 * H, calendar: null });
    expect(targetsOf(config, 'bs-fault', { severity: 'minor' }).resolution?.calendar?.timeZone).toBe('Asia/Shanghai');
    expect(targetsOf(config, 'site-survey', {}).response).toBeDefined();
    expect(targetsOf(config, 'no-such-type', {})).toEqual({});
  });

  it.each([
    ['types: { t: { targets: { default: { response: 5 minutes } } } }', /pattern/],
    ['types: { t: { targets: { default: { response: 5m, calendar: nope } } } }', /calendar "nope"/],
    ['calendars: { c: { timeZone: Mars/Base, week: {} } }', /IANA/],
    ["calendars: { c: { timeZone: UTC, week: { mon: ['18:00-09:00'] } } }", /ends before it starts/],
    ['warnAt: 1.5', /warnAt/],
    ['types: [', /not valid YAML/],
  ])('refuses %s', (text, message) => {
    expect(() => readSlaConfig(write(text))).toThrow(message);
  });

  it('reads durations', () => {
    expect([durationMs('30m'), durationMs('1.5h'), durationMs('2d'), durationMs('45s')]).toEqual([30 * 60_000, 1.5 * H, 48 * H, 45_000]);
    expect(() => durationMs('soon')).toThrow(/not a duration/);
  });
});

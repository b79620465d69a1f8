import fs from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';
import type { ClockName, ClockTarget } from './sla-clocks';
import type { WorkCalendar } from './work-calendar';

/** The targets of one ticket type: by the value of one of its fields (`by`), else `default`. */
export interface TypeTargets {
  by: string | null;
  targets: Record<string, Partial<Record<ClockName, ClockTarget>>>;
}

export interface SlaConfig {
  warnAt: number;
  types: Map<string, TypeTargets>;
}

const DURATION = '^\\s*\\d+(\\.\\d+)?\\s*(s|m|h|d)\\s*$';
const PERIOD = '^([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)$';
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const target = {
  type: 'object',
  additionalProperties: false,
  properties: { response: { type: 'string', pattern: DURATION }, resolution: { type: 'string', pattern: DURATION }, calendar: { type: 'string' } },
};
const fileShape = new Ajv({ allErrors: true }).compile({
  type: 'object',
  additionalProperties: false,
  properties: {
    warnAt: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    calendars: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['timeZone', 'week'],
        additionalProperties: false,
        properties: {
          timeZone: { type: 'string' },
          week: {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(DAYS.map((d) => [d, { type: 'array', items: { type: 'string', pattern: PERIOD } }])),
          },
          holidays: { type: 'array', items: { type: 'string', pattern: DATE } },
          workdays: { type: 'array', items: { type: 'string', pattern: DATE } },
        },
      },
    },
    types: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['targets'],
        additionalProperties: false,
        properties: { by: { type: 'string' }, targets: { type: 'object', additionalProperties: target } },
      },
    },
  },
});

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `30m`, `4h`, `1.5h`, `2d` (a day is 24 hours of the clock: in business hours, 24 working hours). */
export function durationMs(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a duration such as 30m, 4h or 2d`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function calendarOf(name: string, raw: { timeZone: string; week: Record<string, string[]>; holidays?: string[]; workdays?: string[] }): WorkCalendar {
  if (!Intl.supportedValuesOf('timeZone').includes(raw.timeZone) && raw.timeZone !== 'UTC') throw new Error(`calendar ${name}: "${raw.timeZone}" is not an IANA time zone`);
  const week: WorkCalendar['week'] = {};
  DAYS.forEach((day, i) => {
    week[i + 1] = (raw.week[day] ?? []).map((period) => {
      const [start, end] = period.split('-').map(minutesOf);
      if (end <= start) throw new Error(`calendar ${name}: ${day} ${period} ends before it starts`);
      return [start, end] as [number, number];
    });
  });
  return { timeZone: raw.timeZone, week, holidays: new Set(raw.holidays ?? []), workdays: new Set(raw.workdays ?? []) };
}

/** Reads and checks the SLA file; an error names the file and what is wrong. No file: no SLAs. */
export function readSlaConfig(file: string): SlaConfig {
  if (!fs.existsSync(file)) return { warnAt: 0.8, types: new Map() };
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    throw new Error(`SLA file ${file}: not valid YAML: ${(error as Error).message}`);
  }
  if (!fileShape(doc)) {
    const e = fileShape.errors![0];
    throw new Error(`SLA file ${file}: ${e.instancePath || '(top level)'} ${e.message}`);
  }
  const raw = doc as { warnAt?: number; calendars?: Record<string, never>; types?: Record<string, { by?: string; targets: Record<string, Record<string, string>> }> };
  try {
    const calendars = new Map(Object.entries(raw.calendars ?? {}).map(([name, c]) => [name, calendarOf(name, c)]));
    const types = new Map<string, TypeTargets>();
    for (const [typeKey, spec] of Object.entries(raw.types ?? {})) {
      const targets: TypeTargets['targets'] = {};
      for (const [value, t] of Object.entries(spec.targets)) {
        const calendar = t.calendar === undefined ? null : calendars.get(t.calendar);
        if (calendar === undefined) throw new Error(`${typeKey}.${value} names calendar "${t.calendar}", which the file does not define`);
        targets[value] = {};
        for (const clock of ['response', 'resolution'] as const) {
          if (t[clock] !== undefined) targets[value][clock] = { targetMs: durationMs(t[clock]), calendar };
        }
      }
      types.set(typeKey, { by: spec.by ?? null, targets });
    }
    return { warnAt: raw.warnAt ?? 0.8, types };
  } catch (error) {
    throw new Error(`SLA file ${file}: ${(error as Error).message}`);
  }
}

/** The clocks that apply to a ticket of `typeKey` with `form`; empty when none. */
export function targetsOf(config: SlaConfig, typeKey: string, form: Record<string, unknown>): Partial<Record<ClockName, ClockTarget>> {
  const spec = config.types.get(typeKey);
  if (!spec) return {};
  const value = spec.by ? form[spec.by] : undefined;
  return (typeof value === 'string' && spec.targets[value]) || spec.targets.default || {};
}

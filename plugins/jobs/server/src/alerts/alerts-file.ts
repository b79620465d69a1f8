import fs from 'node:fs';
import { parse } from 'yaml';

export type ReceiverKind = 'wecom' | 'dingtalk' | 'json';

export interface Receiver {
  name: string;
  kind: ReceiverKind;
  url: string;
  /** WeCom and DingTalk: `text` or `markdown`. */
  msgtype: 'text' | 'markdown';
  /** DingTalk's "additional signature" secret (SEC…): requests are signed when set. */
  secret: string;
}

export interface AlertsSettings {
  receivers: Receiver[];
  /** How often the conditions are checked. */
  checkIntervalSeconds: number;
  /** A condition still firing is announced again after this long (never in between: deduplication). */
  repeatMinutes: number;
  /** At most this many messages per receiver per minute; the rest are dropped and logged. */
  maxPerMinute: number;
  conditions: {
    jobFailed: { enabled: boolean };
    ocrNotReady: { enabled: boolean; url: string; forSeconds: number };
    queueBacklog: { enabled: boolean; threshold: number };
    http5xxRate: { enabled: boolean; threshold: number; minRequests: number; windowSeconds: number };
    postgres: { enabled: boolean; url: string; forSeconds: number };
    redis: { enabled: boolean; url: string; forSeconds: number };
  };
}

/** What the alerts file may leave out, and the service addresses it defaults to. */
export interface Defaults {
  ocrUrl: string;
  databaseUrl: string;
  redisUrl: string;
}

type Raw = Record<string, unknown>;

const fail = (file: string, message: string): never => {
  throw new Error(`${file}: ${message}`);
};

class UnsetVariable extends Error {}

/**
 * `${NAME}` in a value is the environment variable NAME: webhook URLs and secrets stay out of
 * the file. A receiver naming an unset (or empty) variable is left out, so the repo's file
 * sends nothing until a deployment sets its URLs.
 */
function fromEnv(file: string, where: string, value: unknown): string {
  if (typeof value !== 'string') return fail(file, `${where} must be a string`);
  return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_m, name: string) => {
    const set = process.env[name];
    if (!set) throw new UnsetVariable(name);
    return set;
  });
}

function positive(file: string, where: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) return fail(file, `${where} must be a number above 0`);
  return value;
}

function section(file: string, raw: Raw, name: string): Raw & { enabled: boolean } {
  const value = raw[name];
  if (value === undefined || value === null) return { enabled: true };
  if (value === false) return { enabled: false };
  if (typeof value !== 'object') return fail(file, `conditions.${name} must be a mapping or false`);
  return { enabled: true, ...(value as Raw) };
}

function receiver(file: string, raw: unknown, i: number): Receiver {
  const where = `receivers[${i}]`;
  if (!raw || typeof raw !== 'object') return fail(file, `${where} must be a mapping`);
  const r = raw as Raw;
  const kind = r.type;
  if (kind !== 'wecom' && kind !== 'dingtalk' && kind !== 'json') return fail(file, `${where}.type must be wecom, dingtalk or json, not ${String(kind)}`);
  const msgtype = r.msgtype ?? 'markdown';
  if (msgtype !== 'text' && msgtype !== 'markdown') return fail(file, `${where}.msgtype must be text or markdown`);
  const url = fromEnv(file, `${where}.url`, r.url);
  if (!/^https?:\/\//.test(url)) return fail(file, `${where}.url must be an http(s) URL`);
  return { name: typeof r.name === 'string' ? r.name : `${kind}-${i}`, kind, url, msgtype, secret: r.secret === undefined ? '' : fromEnv(file, `${where}.secret`, r.secret) };
}

/**
 * Reads and checks the alerts file; null when there is none or none of its receivers has its
 * URL set (alerts off). A bad file stops start-up naming the entry.
 */
export function readAlertsFile(file: string, defaults: Defaults): AlertsSettings | null {
  if (!fs.existsSync(file)) return null;
  let raw: Raw;
  try {
    raw = (parse(fs.readFileSync(file, 'utf8')) ?? {}) as Raw;
  } catch (error) {
    return fail(file, (error as Error).message);
  }
  if (!Array.isArray(raw.receivers) || raw.receivers.length === 0) return fail(file, 'receivers must list at least one receiver');
  const conditions = (raw.conditions ?? {}) as Raw;
  const ocr = section(file, conditions, 'ocrNotReady');
  const backlog = section(file, conditions, 'queueBacklog');
  const http = section(file, conditions, 'http5xxRate');
  const pg = section(file, conditions, 'postgres');
  const redis = section(file, conditions, 'redis');
  const rate = http.threshold ?? 0.05;
  if (typeof rate !== 'number' || !(rate > 0 && rate <= 1)) fail(file, 'conditions.http5xxRate.threshold must be a share between 0 and 1');
  const settings: AlertsSettings = {
    receivers: raw.receivers.flatMap((r, i) => {
      try {
        return [receiver(file, r, i)];
      } catch (error) {
        if (error instanceof UnsetVariable) return [];
        throw error;
      }
    }),
    checkIntervalSeconds: positive(file, 'checkIntervalSeconds', raw.checkIntervalSeconds, 15),
    repeatMinutes: positive(file, 'repeatMinutes', raw.repeatMinutes, 60),
    maxPerMinute: positive(file, 'maxPerMinute', raw.maxPerMinute, 20),
    conditions: {
      jobFailed: { enabled: section(file, conditions, 'jobFailed').enabled },
      ocrNotReady: { enabled: ocr.enabled, url: ocr.url === undefined ? defaults.ocrUrl : fromEnv(file, 'conditions.ocrNotReady.url', ocr.url), forSeconds: positive(file, 'conditions.ocrNotReady.forSeconds', ocr.forSeconds, 120) },
      queueBacklog: { enabled: backlog.enabled, threshold: positive(file, 'conditions.queueBacklog.threshold', backlog.threshold, 1000) },
      http5xxRate: { enabled: http.enabled, threshold: rate as number, minRequests: positive(file, 'conditions.http5xxRate.minRequests', http.minRequests, 20), windowSeconds: positive(file, 'conditions.http5xxRate.windowSeconds', http.windowSeconds, 300) },
      postgres: { enabled: pg.enabled, url: pg.url === undefined ? defaults.databaseUrl : fromEnv(file, 'conditions.postgres.url', pg.url), forSeconds: positive(file, 'conditions.postgres.forSeconds', pg.forSeconds, 30) },
      redis: { enabled: redis.enabled, url: redis.url === undefined ? defaults.redisUrl : fromEnv(file, 'conditions.redis.url', redis.url), forSeconds: positive(file, 'conditions.redis.forSeconds', redis.forSeconds, 30) },
    },
  };
  return settings.receivers.length ? settings : null;
}

import { InvalidError } from 'strapi-plugin-access';
import { NOTIFICATION_KINDS, type NotificationKind } from '../events/kinds';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const CHANNELS = ['inApp', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Per event kind, each channel on or off; and the language of the user's e-mails. */
export interface Preferences {
  language: Language;
  events: Record<NotificationKind, Record<Channel, boolean>>;
}

/** E-mail only for what cannot wait: being assigned, and a breached SLA. */
const EMAIL_BY_DEFAULT: NotificationKind[] = ['assigned', 'sla_breached'];

export function defaultPreferences(): Preferences {
  const events = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { inApp: true, email: EMAIL_BY_DEFAULT.includes(kind) }]));
  return { language: 'zh-CN', events: events as Preferences['events'] };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Stored preferences over the defaults: a kind added later starts with its default. */
export function withDefaults(stored: { language?: unknown; events?: unknown } | null): Preferences {
  const prefs = defaultPreferences();
  if (!stored) return prefs;
  if (LANGUAGES.includes(stored.language as Language)) prefs.language = stored.language as Language;
  if (isObject(stored.events)) {
    for (const kind of NOTIFICATION_KINDS) {
      const channels = stored.events[kind];
      if (!isObject(channels)) continue;
      for (const channel of CHANNELS) if (typeof channels[channel] === 'boolean') prefs.events[kind][channel] = channels[channel] as boolean;
    }
  }
  return prefs;
}

/**
 * `current` changed by a PUT's data: `{ language?, events?: { <kind>?: { inApp?, email? } } }`.
 * Anything else — an unknown kind, channel or language, a value that is not a boolean — is a
 * 400 naming it; nothing is half applied.
 */
export function applyChange(current: Preferences, data: Record<string, unknown>): Preferences {
  const next: Preferences = { language: current.language, events: structuredClone(current.events) };
  for (const key of Object.keys(data)) {
    if (key !== 'language' && key !== 'events') throw new InvalidError(`data.${key} is not a preference (language, events)`);
  }
  if (data.language !== undefined) {
    if (!LANGUAGES.includes(data.language as Language)) throw new InvalidError(`data.language must be one of ${LANGUAGES.join(', ')}`);
    next.language = data.language as Language;
  }
  if (data.events !== undefined) {
    if (!isObject(data.events)) throw new InvalidError('data.events must be { "<kind>": { "inApp": boolean, "email": boolean } }');
    for (const [kind, channels] of Object.entries(data.events)) {
      if (!NOTIFICATION_KINDS.includes(kind as NotificationKind)) throw new InvalidError(`data.events.${kind} is not a notification kind (${NOTIFICATION_KINDS.join(', ')})`);
      if (!isObject(channels)) throw new InvalidError(`data.events.${kind} must be { "inApp": boolean, "email": boolean }`);
      for (const [channel, on] of Object.entries(channels)) {
        if (!CHANNELS.includes(channel as Channel)) throw new InvalidError(`data.events.${kind}.${channel} is not a channel (${CHANNELS.join(', ')})`);
        if (typeof on !== 'boolean') throw new InvalidError(`data.events.${kind}.${channel} must be true or false`);
        next.events[kind as NotificationKind][channel as Channel] = on;
      }
    }
  }
  return next;
}

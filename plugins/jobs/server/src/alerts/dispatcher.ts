import type { AlertsSettings, Receiver } from './alerts-file';
import { renderMessage, type AlertMessage } from './messages';

export interface Post {
  (url: string, body: unknown): Promise<void>;
}

/**
 * Decides what is sent: a condition that starts firing is announced once, again only after
 * `repeatMinutes` while it lasts, and once more as "recovered" when it clears; one-off events
 * (a job failed for good) are announced each. Each receiver gets at most `maxPerMinute`
 * messages a minute; the rest are dropped and counted, so a storm cannot flood the ops group.
 */
export function createDispatcher(settings: Pick<AlertsSettings, 'receivers' | 'repeatMinutes' | 'maxPerMinute'>, post: Post, warn: (message: string) => void, now: () => number = Date.now) {
  const firing = new Map<string, { lastSent: number; title: string }>();
  const sentAt = new Map<string, number[]>();
  let dropped = 0;

  function allowed(receiver: Receiver): boolean {
    const t = now();
    const recent = (sentAt.get(receiver.name) ?? []).filter((at) => t - at < 60_000);
    if (recent.length >= settings.maxPerMinute) {
      sentAt.set(receiver.name, recent);
      return false;
    }
    recent.push(t);
    sentAt.set(receiver.name, recent);
    return true;
  }

  async function send(message: AlertMessage) {
    await Promise.all(
      settings.receivers.map(async (receiver) => {
        if (!allowed(receiver)) {
          dropped += 1;
          warn(`alerts: ${receiver.name}: over ${settings.maxPerMinute} messages a minute, dropped "${message.title}"`);
          return;
        }
        const { url, body } = renderMessage(receiver, message, now());
        try {
          await post(url, body);
        } catch (error) {
          warn(`alerts: ${receiver.name}: ${(error as Error).message}`);
        }
      }),
    );
  }

  return {
    /** A condition holds now: announced unless it was within `repeatMinutes`. */
    async fire(key: string, condition: string, title: string, detail: string) {
      const state = firing.get(key);
      if (state && now() - state.lastSent < settings.repeatMinutes * 60_000) return;
      firing.set(key, { lastSent: now(), title });
      await send({ key, condition, state: 'firing', title, detail, at: new Date(now()) });
    },

    /** A condition no longer holds: "recovered", once, if it had been announced. */
    async clear(key: string, condition: string, detail: string) {
      const state = firing.get(key);
      if (!state) return;
      firing.delete(key);
      await send({ key, condition, state: 'recovered', title: state.title, detail, at: new Date(now()) });
    },

    /** A one-off event (no recovery): announced each time, within the rate limit. */
    async event(key: string, condition: string, title: string, detail: string) {
      await send({ key, condition, state: 'firing', title, detail, at: new Date(now()) });
    },

    firingKeys: () => [...firing.keys()],
    dropped: () => dropped,
  };
}

/** POSTs JSON; a robot's error answer (HTTP or `errcode` ≠ 0) is an error, logged by the dispatcher. */
export async function postJson(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`answered ${res.status}: ${text.slice(0, 200)}`);
  try {
    const answer = JSON.parse(text) as { errcode?: number; errmsg?: string };
    if (answer.errcode) throw new Error(`errcode ${answer.errcode}: ${answer.errmsg ?? ''}`);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
}

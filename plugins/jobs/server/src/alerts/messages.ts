import { createHmac } from 'node:crypto';
import type { Receiver } from './alerts-file';

/** One announcement: a condition firing (or still firing) or recovered. */
export interface AlertMessage {
  /** The condition and what it is about, e.g. `ocrNotReady` or `queueBacklog:import`: the deduplication key. */
  key: string;
  condition: string;
  state: 'firing' | 'recovered';
  title: string;
  detail: string;
  at: Date;
}

const headline = (m: AlertMessage) => `${m.state === 'firing' ? '【告警 ALERT】' : '【恢复 RECOVERED】'}${m.title}`;

/**
 * DingTalk's signature for a robot with "additional signature": base64 of HMAC-SHA256 over
 * `timestamp + "\n" + secret`, keyed by the secret; both go on the URL.
 */
export function dingtalkSignedUrl(url: string, secret: string, now: number): string {
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(now));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** The URL and JSON body a receiver takes for `m`. */
export function renderMessage(receiver: Receiver, m: AlertMessage, now = Date.now()): { url: string; body: unknown } {
  const when = m.at.toISOString();
  const text = `${headline(m)}\n${m.detail}\n${when}`;
  const markdown = `### ${headline(m)}\n\n${m.detail}\n\n> ${m.condition} · ${when}`;
  switch (receiver.kind) {
    case 'wecom':
      return {
        url: receiver.url,
        body: receiver.msgtype === 'text' ? { msgtype: 'text', text: { content: text } } : { msgtype: 'markdown', markdown: { content: markdown } },
      };
    case 'dingtalk': {
      const url = receiver.secret ? dingtalkSignedUrl(receiver.url, receiver.secret, now) : receiver.url;
      return {
        url,
        body: receiver.msgtype === 'text' ? { msgtype: 'text', text: { content: text } } : { msgtype: 'markdown', markdown: { title: headline(m), text: markdown } },
      };
    }
    case 'json':
      return { url: receiver.url, body: { alert: m.key, condition: m.condition, state: m.state, title: m.title, detail: m.detail, at: when } };
  }
}

/** The plugin's config (cms/config/plugins.ts fills it from env; the README lists the variables). */
export interface NotificationsConfig {
  /** SMTP_HOST is set: e-mail is a channel. Without it nothing is mailed and preferences say so. */
  emailEnabled: boolean;
  /** Where the portal is (PORTAL_URL): e-mails link to `<portalUrl>/tickets/<id>`. */
  portalUrl: string;
  /** Tries per notification job (NOTIFY_ATTEMPTS), the first included. */
  notifyAttempts: number;
  /** First retry delay of a notification job (NOTIFY_BACKOFF_MS), doubled each retry. */
  notifyBackoffMs: number;
  /** Tries per webhook delivery (WEBHOOK_ATTEMPTS), the first included. */
  webhookAttempts: number;
  /** First retry delay of a webhook delivery (WEBHOOK_BACKOFF_MS), doubled each retry. */
  webhookBackoffMs: number;
  /** How long one webhook POST may take (WEBHOOK_TIMEOUT_MS). */
  webhookTimeoutMs: number;
}

const POSITIVE_KEYS = ['notifyAttempts', 'notifyBackoffMs', 'webhookAttempts', 'webhookBackoffMs', 'webhookTimeoutMs'] as const;

export default {
  default: {
    emailEnabled: false,
    portalUrl: 'http://localhost:5173',
    notifyAttempts: 5,
    notifyBackoffMs: 5000,
    webhookAttempts: 6,
    webhookBackoffMs: 10_000,
    webhookTimeoutMs: 10_000,
  } satisfies NotificationsConfig,
  validator(config: NotificationsConfig) {
    for (const key of POSITIVE_KEYS) {
      if (!Number.isInteger(config[key]) || config[key] < 1) throw new Error(`notifications.${key} must be a positive integer, not ${String(config[key])}`);
    }
    if (!/^https?:\/\//.test(config.portalUrl)) throw new Error(`notifications.portalUrl must be an http(s) URL, not "${config.portalUrl}"`);
  },
};

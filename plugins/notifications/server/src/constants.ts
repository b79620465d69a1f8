/** Content types of the plugin (their tables are listed in the README). */
export const NOTIFICATION_UID = 'plugin::notifications.notification';
export const DELIVERY_UID = 'plugin::notifications.delivery';
export const PREFERENCE_UID = 'plugin::notifications.preference';
export const WEBHOOK_UID = 'plugin::notifications.webhook';
export const WEBHOOK_DELIVERY_UID = 'plugin::notifications.webhook-delivery';

/** The jobs plugin queues: one job per (event, recipient, channel), one per (event, webhook). */
export const NOTIFY_QUEUE = 'notify';
export const WEBHOOK_QUEUE = 'webhook';

/** Rights (config/roles.yaml): a user's own inbox and preferences; the webhook subscriptions (admins). */
export const NOTIFICATIONS_RIGHT = 'notifications.read';
export const WEBHOOKS_RIGHT = 'webhooks.manage';
/** Who may read a ticket at all: nobody else is told about it. */
export const TICKET_READ_RIGHT = 'tickets.read';
/** The role whose users hear of every SLA warning and breach. */
export const PUBLISHER_ROLE = 'publisher';

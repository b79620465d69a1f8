import { route } from 'strapi-plugin-access';
import { NOTIFICATIONS_RIGHT, WEBHOOKS_RIGHT } from '../constants';

/**
 * REST routes under /api/notifications. A user's own inbox and preferences need
 * notifications.read (every role); webhook subscriptions need webhooks.manage (admins).
 */
export default {
  type: 'content-api',
  routes: [
    route('GET', '/', 'notifications.find', NOTIFICATIONS_RIGHT),
    route('POST', '/read-all', 'notifications.markAllRead', NOTIFICATIONS_RIGHT),
    route('GET', '/preferences', 'preferences.find', NOTIFICATIONS_RIGHT),
    route('PUT', '/preferences', 'preferences.update', NOTIFICATIONS_RIGHT),
    route('GET', '/webhooks', 'webhooks.find', WEBHOOKS_RIGHT),
    route('POST', '/webhooks', 'webhooks.create', WEBHOOKS_RIGHT),
    route('GET', '/webhooks/:id', 'webhooks.findOne', WEBHOOKS_RIGHT),
    route('PUT', '/webhooks/:id', 'webhooks.update', WEBHOOKS_RIGHT),
    route('DELETE', '/webhooks/:id', 'webhooks.delete', WEBHOOKS_RIGHT),
    route('GET', '/webhooks/:id/deliveries', 'webhooks.deliveries', WEBHOOKS_RIGHT),
    // after /webhooks/…: "webhooks" is no notification id
    route('POST', '/:id/read', 'notifications.markRead', NOTIFICATIONS_RIGHT),
  ],
};

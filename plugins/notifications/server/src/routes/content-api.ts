import { arrayOf, bool, data, int, named, nullable, object, page, paging, ref, route, str, timestamp } from 'strapi-plugin-access';
import { NOTIFICATIONS_RIGHT, WEBHOOKS_RIGHT } from '../constants';

const EVENT_KINDS = ['assigned', 'noted', 'sla_warning', 'sla_breached', 'transitioned'];

const notification = named('Notification', object({
  id: str,
  kind: { enum: EVENT_KINDS },
  ticket: object({ id: nullable(str), title: nullable(str), type: nullable(str), status: nullable(str) }, ['title', 'type', 'status']),
  params: { type: 'object' },
  read: bool,
  readAt: nullable(timestamp),
  createdAt: timestamp,
}));

const channels = object({ inApp: bool, email: bool });
const preferencesAnswer = object({
  data: named('NotificationPreferences', object({ language: { enum: ['zh-CN', 'en'] }, events: object(Object.fromEntries(EVENT_KINDS.map((kind) => [kind, channels]))) })),
  meta: object({ emailAvailable: { ...bool, description: 'false without SMTP: e-mail cannot be chosen' } }),
});

const webhook = named('Webhook', object({
  id: str,
  name: nullable(str),
  url: { type: 'string', format: 'uri' },
  events: arrayOf(str),
  active: bool,
  createdAt: timestamp,
  updatedAt: timestamp,
}));
const webhookInput = object({ name: nullable(str), url: str, events: arrayOf(str), active: bool, secret: str }, ['name', 'url', 'events', 'active', 'secret']);

/**
 * REST routes under /api/notifications. A user's own inbox and preferences need
 * notifications.read (every role); webhook subscriptions need webhooks.manage (admins).
 */
export default {
  type: 'content-api',
  routes: [
    route('GET', '/', 'notifications.find', NOTIFICATIONS_RIGHT, {
      summary: 'The caller\'s notifications, newest first, with the count of unread ones',
      query: { unread: { enum: ['true', 'false'] }, ...paging },
      responses: { 200: object({ data: arrayOf(notification), meta: { allOf: [ref('PageMeta'), object({ unread: int })] } }) },
    }),
    route('POST', '/read-all', 'notifications.markAllRead', NOTIFICATIONS_RIGHT, {
      summary: 'Mark every notification of the caller read',
      responses: { 200: object({ data: object({ marked: int }), meta: object({ unread: int }) }) },
    }),
    route('GET', '/preferences', 'preferences.find', NOTIFICATIONS_RIGHT, {
      summary: 'The caller\'s preferences: each kind by which channel, the e-mails\' language',
      responses: { 200: preferencesAnswer },
    }),
    route('PUT', '/preferences', 'preferences.update', NOTIFICATIONS_RIGHT, {
      summary: 'Change the caller\'s preferences (only what is sent changes)',
      body: object({ data: object({ language: { enum: ['zh-CN', 'en'] }, events: { type: 'object' } }, ['language', 'events']) }),
      responses: { 200: preferencesAnswer },
    }),
    route('GET', '/webhooks', 'webhooks.find', WEBHOOKS_RIGHT, { summary: 'Outgoing webhooks', query: paging, responses: { 200: page(webhook) } }),
    route('POST', '/webhooks', 'webhooks.create', WEBHOOKS_RIGHT, {
      summary: 'Subscribe a URL to ticket events; the answer shows the signing secret, the only time it is shown',
      body: object({ data: webhookInput }),
      responses: { 201: data({ allOf: [webhook, object({ secret: str })] }) },
    }),
    route('GET', '/webhooks/:id', 'webhooks.findOne', WEBHOOKS_RIGHT, { summary: 'A webhook', responses: { 200: data(webhook) } }),
    route('PUT', '/webhooks/:id', 'webhooks.update', WEBHOOKS_RIGHT, { summary: 'Change a webhook', body: object({ data: webhookInput }), responses: { 200: data(webhook) } }),
    route('DELETE', '/webhooks/:id', 'webhooks.delete', WEBHOOKS_RIGHT, { summary: 'Delete a webhook and its delivery log', responses: { 200: data(webhook) } }),
    route('GET', '/webhooks/:id/deliveries', 'webhooks.deliveries', WEBHOOKS_RIGHT, {
      summary: 'A webhook\'s delivery log, newest first',
      query: paging,
      responses: {
        200: page(named('WebhookDelivery', object({
          id: str, eventId: str, event: str, status: str, attempts: int,
          responseCode: nullable(int), durationMs: nullable(int), lastError: nullable(str),
          createdAt: timestamp, updatedAt: timestamp, deliveredAt: nullable(timestamp),
        }))),
      },
    }),
    // after /webhooks/…: "webhooks" is no notification id
    route('POST', '/:id/read', 'notifications.markRead', NOTIFICATIONS_RIGHT, {
      summary: 'Mark one notification read',
      responses: { 200: object({ data: notification, meta: object({ unread: int }) }) },
    }),
  ],
};

import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type deliveries from '../services/deliveries';
import type fanOut from '../services/fan-out';
import type inbox from '../services/inbox';
import type indexes from '../services/indexes';
import type mailer from '../services/mailer';
import type preferences from '../services/preferences';
import type recipients from '../services/recipients';
import type webhookDeliveries from '../services/webhook-deliveries';
import type webhooks from '../services/webhooks';

interface Services {
  deliveries: ReturnType<typeof deliveries>;
  'fan-out': ReturnType<typeof fanOut>;
  inbox: ReturnType<typeof inbox>;
  indexes: ReturnType<typeof indexes>;
  mailer: ReturnType<typeof mailer>;
  preferences: ReturnType<typeof preferences>;
  recipients: ReturnType<typeof recipients>;
  'webhook-deliveries': ReturnType<typeof webhookDeliveries>;
  webhooks: ReturnType<typeof webhooks>;
}

/** The plugin's services, typed. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('notifications').service(name) as Services[K];
}

/** The table of a content type. */
export const tableOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as never).tableName;

/** A documentId for a row written with the query builder (24 characters, like Strapi's own). */
export const newDocumentId = () => randomBytes(12).toString('hex');

/** A json column read with the query builder: Strapi's pg setup may hand jsonb back as text. */
export const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

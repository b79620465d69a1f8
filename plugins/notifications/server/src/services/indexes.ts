import type { Core } from '@strapi/strapi';
import { DELIVERY_UID, NOTIFICATION_UID, PREFERENCE_UID, WEBHOOK_DELIVERY_UID } from '../constants';
import { tableOf } from '../utils/get-service';

/**
 * The unique indexes "never twice" rests on (Strapi's schema has no unique composite keys),
 * and the ones an inbox is read by.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensure() {
    const db = strapi.db.connection;
    const statements = [
      `CREATE UNIQUE INDEX IF NOT EXISTS notifications_delivery_key_uq ON "${tableOf(strapi, NOTIFICATION_UID)}" (delivery_key)`,
      `CREATE INDEX IF NOT EXISTS notifications_user_created_idx ON "${tableOf(strapi, NOTIFICATION_UID)}" (user_id, created_at DESC, id DESC)`,
      `CREATE INDEX IF NOT EXISTS notifications_user_unread_idx ON "${tableOf(strapi, NOTIFICATION_UID)}" (user_id) WHERE read_at IS NULL`,
      `CREATE UNIQUE INDEX IF NOT EXISTS notifications_deliveries_key_uq ON "${tableOf(strapi, DELIVERY_UID)}" (delivery_key)`,
      `CREATE UNIQUE INDEX IF NOT EXISTS notifications_preferences_user_uq ON "${tableOf(strapi, PREFERENCE_UID)}" (user_id)`,
      `CREATE UNIQUE INDEX IF NOT EXISTS notifications_webhook_deliveries_uq ON "${tableOf(strapi, WEBHOOK_DELIVERY_UID)}" (webhook_id, event_id)`,
    ];
    for (const sql of statements) await db.raw(sql);
  },
});

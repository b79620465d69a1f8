import type { Core } from '@strapi/strapi';
import { PREFERENCE_UID } from '../constants';
import { applyChange, withDefaults, type Preferences } from '../preferences/preference-rules';
import { newDocumentId, parseJson, tableOf } from '../utils/get-service';

interface PreferenceRow {
  user_id: number | string;
  language: string;
  events: unknown;
}

/** Users' notification preferences: a row once a user changed them, the defaults before. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.connection(tableOf(strapi, PREFERENCE_UID));
  const fromRow = (row: PreferenceRow | undefined) => withDefaults(row ? { language: row.language, events: parseJson(row.events) } : null);

  return {
    async of(userId: number): Promise<Preferences> {
      return fromRow(await table().where({ user_id: userId }).first());
    },

    /** Preferences of many users at once, by id (the defaults for those without a row). */
    async ofMany(userIds: number[]): Promise<Map<number, Preferences>> {
      const rows: PreferenceRow[] = userIds.length ? await table().whereIn('user_id', userIds) : [];
      const byUser = new Map(rows.map((r) => [Number(r.user_id), r]));
      return new Map(userIds.map((id) => [id, fromRow(byUser.get(id))]));
    },

    /** Applies a PUT's data (a 400 naming what is wrong) and stores the result. */
    async change(userId: number, data: Record<string, unknown>): Promise<Preferences> {
      const next = applyChange(await this.of(userId), data);
      const now = new Date();
      await table()
        .insert({ document_id: newDocumentId(), user_id: userId, language: next.language, events: JSON.stringify(next.events), created_at: now, updated_at: now, published_at: now })
        .onConflict('user_id')
        .merge(['language', 'events', 'updated_at']);
      return next;
    },
  };
};

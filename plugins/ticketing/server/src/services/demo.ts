import type { Core } from '@strapi/strapi';
import type { TicketingConfig } from '../config';
import { createRandom, demoTicket } from '../demo/demo-data';
import { zonedFormatter, type Actor } from 'strapi-plugin-access';
import type { BulkTicket } from './ticket-bulk';
import { getService } from '../utils/get-service';

/** The role names (docs/architecture.md "Roles and rights"); their grants come from the roles file. */
export const DEMO_ROLES = ['viewer', 'handler', 'publisher', 'admin'] as const;
const BATCH = 5000;
const WRITERS = 2;

/** Demo users and tickets for trying the platform and for benchmarks; never in production. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** One confirmed user per role, `<role>@example.com`; existing users get the given password again. */
  async users(password: string) {
    const roles = strapi.db.query('plugin::users-permissions.role');
    const users = strapi.plugin('users-permissions').service('user');
    const created: string[] = [];
    for (const type of DEMO_ROLES) {
      const role = (await roles.findOne({ where: { type } })) ?? (await roles.create({ data: { type, name: type, description: `${type} (demo)` } }));
      const email = `${type}@example.com`;
      const existing = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email } });
      if (existing) {
        await users.edit(existing.id, { password, role: role.id });
      } else {
        await users.add({ username: type, email, password, provider: 'local', confirmed: true, blocked: false, role: role.id });
        created.push(email);
      }
    }
    return created;
  },

  /**
   * `count` tickets of both seed types, validated like any form and written in batches
   * through the bulk path; `onProgress` hears after each batch.
   */
  async tickets(count: number, options: { seed?: number; onProgress?: (done: number) => void } = {}) {
    const bulk = getService(strapi, 'ticket-bulk');
    const { timeZone } = strapi.config.get('plugin::ticketing') as TicketingConfig;
    const random = createRandom(options.seed ?? 20261130);
    const now = Date.now();
    const format = zonedFormatter(timeZone);
    const actor: Actor = { kind: 'system', id: 'seed:demo', name: 'seed:demo', role: null, userId: null };
    // The generator's output is checked against the seed types by demo-data.spec.ts;
    // validating 100,000 generated rows again here would double the run time.
    const versions = {
      'bs-fault': (await getService(strapi, 'ticket-types').definition('bs-fault')).version,
      'site-survey': (await getService(strapi, 'ticket-types').definition('site-survey')).version,
    };
    const build = async (size: number) => {
      const batch: BulkTicket[] = [];
      while (batch.length < size) {
        const t = demoTicket(random, now, format);
        batch.push({ type: t.type, typeVersion: versions[t.type], form: t.form, state: t.state, createdAt: t.createdAt });
        // yield now and then so the previous batch's database round trips are not held up
        if (batch.length % 250 === 0) await new Promise((r) => setImmediate(r));
      }
      return batch;
    };
    // Batches are built while earlier ones are written, by up to WRITERS transactions at
    // once, so PostgreSQL can use both cores while this process builds the next one.
    const writing = new Set<Promise<void>>();
    let written = 0;
    for (let built = 0; built < count; ) {
      const batch = await build(Math.min(BATCH, count - built));
      built += batch.length;
      if (writing.size >= WRITERS) await Promise.race(writing);
      const write: Promise<void> = bulk.insertMany(batch, { actor, action: 'create' }).then(() => {
        writing.delete(write);
        written += batch.length;
        options.onProgress?.(written);
      });
      writing.add(write);
    }
    await Promise.all(writing);
    // a bulk load leaves no statistics and no visibility map: plans and index-only counts need both
    const tables = ['plugin::ticketing.ticket', 'plugin::ticketing.audit-log'].map((uid) => strapi.db.metadata.get(uid).tableName);
    await strapi.db.connection.raw(`VACUUM (ANALYZE) ${tables.join(', ')}`);
  },
});

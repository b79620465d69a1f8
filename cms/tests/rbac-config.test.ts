import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp } from './helpers/strapi';
import { userToken } from './helpers/users';

const repoConfig = path.resolve(__dirname, '..', '..', 'config');

/** A copy of the repo's config folder whose roles.yaml the test can edit. */
function configCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ticketing-roles-'));
  fs.cpSync(repoConfig, dir, { recursive: true });
  return { dir, roles: path.join(dir, 'roles.yaml') };
}

describe('roles from config/roles.yaml', () => {
  const saved = process.env.TICKETING_CONFIG_DIR;
  const config = configCopy();
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const grantsOf = async (type: string) => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });
    const grants = await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } });
    return grants.map((g: { action: string }) => g.action).sort();
  };
  const permissionAudits = () => app.strapi.db.connection('ticketing_audit_logs').where({ action: 'permission change' }).count({ n: '*' });

  beforeAll(async () => {
    process.env.TICKETING_CONFIG_DIR = config.dir;
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
    if (saved === undefined) delete process.env.TICKETING_CONFIG_DIR;
    else process.env.TICKETING_CONFIG_DIR = saved;
  });

  it('creates the four roles with exactly their grants, and leaves new users with none', async () => {
    expect(await grantsOf('viewer')).toEqual([
      // export.read: a viewer exports what it can read
      'plugin::excel-io.exports.download',
      'plugin::excel-io.exports.link',
      'plugin::excel-io.exports.start',
      'plugin::excel-io.exports.ticketReport',
      'plugin::excel-io.templates.find',
      'plugin::jobs.jobs.cancel',
      'plugin::jobs.jobs.find',
      'plugin::jobs.jobs.findOne',
      // notifications.read: one's own notifications and preferences
      'plugin::notifications.notifications.find',
      'plugin::notifications.notifications.markAllRead',
      'plugin::notifications.notifications.markRead',
      'plugin::notifications.preferences.find',
      'plugin::notifications.preferences.update',
      'plugin::ticketing.field-types.find',
      'plugin::ticketing.me.find',
      'plugin::ticketing.photos.find',
      'plugin::ticketing.ticket-types.find',
      'plugin::ticketing.ticket-types.schema',
      'plugin::ticketing.tickets.find',
      'plugin::ticketing.tickets.findOne',
      'plugin::ticketing.tickets.history',
      'plugin::ticketing.tickets.notes',
      'plugin::users-permissions.auth.getSessions',
      'plugin::users-permissions.auth.logout',
      'plugin::users-permissions.auth.revokeSession',
      'plugin::users-permissions.user.me',
    ]);
    expect(await grantsOf('handler')).toEqual(
      expect.arrayContaining(['plugin::ticketing.tickets.update', 'plugin::ticketing.tickets.transition']),
    );
    expect(await grantsOf('handler')).toEqual(expect.arrayContaining(['plugin::ticketing.tickets.assign', 'plugin::ticketing.tickets.addNote']));
    expect(await grantsOf('handler')).not.toContain('plugin::ticketing.tickets.create');
    // a handler adds site photos; reordering and deleting them stays with publishers and admins
    expect(await grantsOf('handler')).toContain('plugin::ticketing.photos.upload');
    expect(await grantsOf('handler')).not.toContain('plugin::ticketing.photos.reorder');
    expect(await grantsOf('handler')).not.toContain('plugin::ticketing.photos.delete');
    expect(await grantsOf('publisher')).toEqual(
      expect.arrayContaining(['plugin::ticketing.photos.upload', 'plugin::ticketing.photos.reorder', 'plugin::ticketing.photos.delete']),
    );
    expect(await grantsOf('admin')).toEqual(expect.arrayContaining(['plugin::users-permissions.user.update']));
    expect(await grantsOf('publisher')).not.toContain('plugin::users-permissions.user.update');
    // webhook subscriptions (webhooks.manage) are for admins alone
    expect(await grantsOf('admin')).toEqual(expect.arrayContaining(['plugin::notifications.webhooks.create', 'plugin::notifications.webhooks.deliveries']));
    expect(await grantsOf('publisher')).not.toContain('plugin::notifications.webhooks.create');
    expect(await grantsOf('authenticated')).toEqual([]);
    const newcomer = await userToken(app.strapi, 'authenticated');
    const res = await request(app.strapi.server.httpServer).get('/api/ticketing/tickets').set('Authorization', `Bearer ${newcomer}`);
    expect(res.status).toBe(403);
  });

  it('changes nothing when started again, and leaves roles an admin added alone', async () => {
    const roles = app.strapi.db.query('plugin::users-permissions.role');
    const auditor = await roles.create({ data: { type: 'auditor', name: 'Auditor', description: 'added in the panel' } });
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'plugin::ticketing.tickets.find', role: auditor.id } });
    const before = { permissions: await app.strapi.db.query('plugin::users-permissions.permission').count(), audits: await permissionAudits() };
    await app.restart();
    expect(await app.strapi.db.query('plugin::users-permissions.permission').count()).toBe(before.permissions);
    expect(await permissionAudits()).toEqual(before.audits);
    expect(await grantsOf('auditor')).toEqual(['plugin::ticketing.tickets.find']);
  });

  it('revokes at the next start a grant removed from the file, and audits it', async () => {
    const viewer = await userToken(app.strapi, 'viewer');
    const text = fs.readFileSync(config.roles, 'utf8');
    fs.writeFileSync(config.roles, text.replace('    - plugin::ticketing.tickets.history\n', ''));
    await app.restart();
    expect(await grantsOf('viewer')).not.toContain('plugin::ticketing.tickets.history');
    const audit = await app.strapi.db
      .connection('ticketing_audit_logs')
      .where({ action: 'permission change', entity_id: 'viewer' })
      .orderBy('id', 'desc')
      .first();
    const [before, after] = JSON.parse(audit.diff).grants;
    expect(before).toContain('plugin::ticketing.tickets.history');
    expect(after).not.toContain('plugin::ticketing.tickets.history');
    const res = await request(app.strapi.server.httpServer).get('/api/ticketing/tickets/x/history').set('Authorization', `Bearer ${viewer}`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Missing right plugin::ticketing.tickets.history');
    fs.writeFileSync(config.roles, text);
  });
});

import request from 'supertest';
import type { Core } from '@strapi/strapi';

let counter = 0;

/** The role of `type`: one of config/roles.yaml's, or a bare one created here (no grants). */
async function ensureRole(strapi: Core.Strapi, type: string) {
  const roles = strapi.db.query('plugin::users-permissions.role');
  return (await roles.findOne({ where: { type } })) ?? (await roles.create({ data: { type, name: type, description: `test role ${type}` } }));
}

/** Creates a confirmed Users & Permissions user with `roleType` and returns a JWT for it. */
export async function userToken(strapi: Core.Strapi, roleType: string): Promise<string> {
  const role = await ensureRole(strapi, roleType);
  counter += 1;
  const username = `user${counter}_${process.pid}`;
  const password = 'Passw0rd!long';
  await strapi.plugin('users-permissions').service('user').add({
    username,
    email: `${username}@example.test`,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  const res = await request(strapi.server.httpServer).post('/api/auth/local').send({ identifier: username, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.jwt as string;
}

/** Registers the first admin through the admin API and returns its admin JWT. */
export async function adminToken(strapi: Core.Strapi): Promise<string> {
  const server = request(strapi.server.httpServer);
  const credentials = { email: 'admin@example.test', password: 'Admin12345!' };
  const registered = await server
    .post('/admin/register-admin')
    .send({ ...credentials, firstname: 'Ada', lastname: 'Admin' });
  if (registered.status === 200) return registered.body.data.token as string;
  const login = await server.post('/admin/login').send(credentials);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
  return login.body.data.token as string;
}

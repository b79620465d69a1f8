import meController from './me';

/** Runs GET /me against `state` with a fake Strapi whose access service gives each role its rights. */
async function callMe(state: Record<string, unknown>) {
  const rightsOf = (role: string | null) => (role ? [`rights of ${role}`] : []);
  const strapi = { plugin: () => ({ service: () => ({ rightsOf }) }) };
  const ctx = { state, body: undefined as unknown };
  await meController({ strapi: strapi as never }).find(ctx as never);
  return (ctx.body as { data: Record<string, unknown> }).data;
}

describe('GET /api/ticketing/me', () => {
  it('answers a user with its id, name, role and rights', async () => {
    const data = await callMe({ user: { id: 7, username: 'wang', email: 'wang@example.test', role: { type: 'handler' } } });
    expect(data).toEqual({ kind: 'user', id: 7, username: 'wang', email: 'wang@example.test', role: 'handler', rights: ['rights of handler'] });
  });

  it('answers an API token with the role it acts as', async () => {
    const data = await callMe({
      user: { id: 3 },
      auth: { strategy: { name: 'content-api-token' }, credentials: { id: 3, name: 'etl', type: 'read-only' } },
    });
    expect(data).toEqual({ kind: 'api-token', id: '3', username: 'etl', email: null, role: 'viewer', rights: ['rights of viewer'] });
  });
});

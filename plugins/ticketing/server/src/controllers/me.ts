import type { Core } from '@strapi/strapi';
import { accessService, actorFromState } from 'strapi-plugin-access';
import type { Context } from '../utils/request';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /me — who the caller is, its role and the rights that role holds, so a client can hide
   * what the role may not do (the server still enforces every right on its own routes).
   */
  async find(ctx: Context) {
    const actor = actorFromState(ctx.state);
    const user = ctx.state.user as { id?: number; username?: string; email?: string } | undefined;
    ctx.body = {
      data: {
        kind: actor.kind,
        id: actor.kind === 'user' ? (user?.id ?? null) : actor.id,
        username: actor.kind === 'user' ? (user?.username ?? null) : actor.name,
        email: actor.kind === 'user' ? (user?.email ?? null) : null,
        role: actor.role,
        rights: accessService(strapi, 'access').rightsOf(actor.role),
      },
    };
  },
});

import ssoController from '../../auth/sso/controller';
import { ssoRoutes } from '../../auth/sso/routes';

interface UsersPermissionsPlugin {
  contentTypes: { user: { schema: { attributes: Record<string, unknown> } } };
  controllers: Record<string, unknown>;
  routes: { 'content-api': { routes: unknown[] } };
}

/**
 * Single sign-on on top of Users & Permissions: the user remembers the IdP subject it was
 * made from (private: never in an API answer), and the OIDC routes join U&P's auth routes.
 */
export default (plugin: UsersPermissionsPlugin) => {
  plugin.contentTypes.user.schema.attributes.ssoSubject = {
    type: 'string',
    unique: true,
    private: true,
    configurable: false,
  };
  plugin.controllers.sso = ssoController;
  // first: U&P's own `/auth/:provider/callback` would take /auth/sso/callback for a provider named sso
  plugin.routes['content-api'].routes.unshift(...ssoRoutes);
  return plugin;
};

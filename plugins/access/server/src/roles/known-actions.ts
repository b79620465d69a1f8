import type { Core } from '@strapi/strapi';

/** Every controller action Strapi registered (what Users & Permissions' own sync keeps). */
export function knownActions(strapi: Core.Strapi): Set<string> {
  const actions = new Set<string>();
  const add = (prefix: string, controllers: Record<string, unknown> | undefined) => {
    for (const [controller, actionsOf] of Object.entries(controllers ?? {})) {
      for (const action of Object.keys(actionsOf as object)) actions.add(`${prefix}.${controller}.${action}`);
    }
  };
  for (const [name, plugin] of Object.entries(strapi.plugins)) add(`plugin::${name}`, plugin.controllers);
  for (const [name, api] of Object.entries(strapi.apis)) add(`api::${name}`, api.controllers);
  return actions;
}

import type { Core } from '@strapi/strapi';
import type { AccessPluginConfig } from '../config';
import { roleHasRight, rightsOfRole } from '../roles/access-rules';
import { knownActions } from '../roles/known-actions';
import { readAccessConfig, type AccessConfig, type SectionReader } from '../roles/roles-file';

/** Rights from the roles file: what the has-right policy, `/me` and other plugins ask. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let config: AccessConfig | undefined;
  const readers: Record<string, SectionReader<unknown>> = {};

  return {
    /**
     * Has the file's section `name` read by `reader` from now on (call it from a plugin's
     * register()). The section's value is then what the reader returned.
     */
    defineSection<T>(name: string, reader: SectionReader<T>) {
      readers[name] = reader;
      config = undefined;
    },

    /** Reads the roles file; an invalid file throws, which stops start-up. */
    load(): AccessConfig {
      const { rolesFile } = strapi.config.get('plugin::access') as AccessPluginConfig;
      config = readAccessConfig(rolesFile, knownActions(strapi), readers);
      return config;
    },

    config(): AccessConfig {
      return config ?? this.load();
    },

    /** A section as its reader returned it (see `defineSection`). */
    section<T>(name: string): T {
      return this.config().sections[name] as T;
    },

    hasRight(role: string | null, right: string): boolean {
      return roleHasRight(this.config(), role, right);
    },

    /** The rights `role` holds, in the file's order. */
    rightsOf(role: string | null): string[] {
      return rightsOfRole(this.config(), role);
    },

    /** The first right that opens a U&P action, to name it in a 403. */
    rightOfAction(action: string): string | undefined {
      return Object.entries(this.config().rights).find(([, actions]) => actions.includes(action))?.[0];
    },
  };
};

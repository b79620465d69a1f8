import type { Core } from '@strapi/strapi';
import type { AccessPluginConfig } from '../config';
import { formatTimestamp } from '../time/format-timestamp';

/** Every timestamp an API answer holds, in the platform's zone (APP_TIMEZONE). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const timeZone = () => (strapi.config.get('plugin::access') as AccessPluginConfig).timeZone;
  function format(value: Date | string | number): string;
  function format(value: Date | string | number | null | undefined): string | null;
  function format(value: Date | string | number | null | undefined): string | null {
    return formatTimestamp(value, timeZone());
  }
  return { format };
};

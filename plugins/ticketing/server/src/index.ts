import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import register from './register';
import routes from './routes';
import services from './services';
import { getService } from './utils/get-service';

export { type FieldType, type FieldDefinition, type ParseResult, type ParseContext } from './field-types';

export default {
  register,
  bootstrap,
  destroy: async ({ strapi }: { strapi: Core.Strapi }) => {
    getService(strapi, 'sla').stop();
    await getService(strapi, 'ticket-types').close();
  },
  config,
  contentTypes,
  controllers,
  routes,
  services,
};

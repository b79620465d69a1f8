import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Stops the alert checks and the workers gracefully (records still writable), then closes queues and Redis. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'alerts').stop();
  await getService(strapi, 'workers').stop();
  await getService(strapi, 'queues').close();
};

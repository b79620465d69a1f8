import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'indexes').ensure();
  // every process listens: tickets are written by the CMS and by jobs in workers alike
  getService(strapi, 'fan-out').listen();
};

import type { Core } from '@strapi/strapi';
import { scheduleCleanup } from './export/cleanup-schedule';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'import-rows').ensureIndexes();
  scheduleCleanup(strapi);
};

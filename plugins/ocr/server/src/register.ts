import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Registers the `ocr` queue with the jobs plugin, in every process (CMS and worker). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'ocr-jobs').register();
};

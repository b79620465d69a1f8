import type { Core } from '@strapi/strapi';
import { photoStorage } from '../photos/photo-storage';

/**
 * Objects on the upload provider (S3-compatible or private local disk) for other plugins:
 * the adapter photos use, so every stored file goes through one path (imports keep their
 * uploaded spreadsheets under `imports/…`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => photoStorage(strapi);

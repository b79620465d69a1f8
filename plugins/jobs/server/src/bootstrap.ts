import type { Core } from '@strapi/strapi';
import type { JobsConfig } from './config';
import { metricsExposureError } from './runtime/metrics-exposure';
import { getService } from './utils/get-service';

/**
 * Creates the record indexes Strapi cannot declare (own-job lists, filters, reconciliation).
 * Workers start later, from the app's bootstrap, once every plugin is ready.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::jobs') as JobsConfig;
  const exposure = metricsExposureError(config, process.env.NODE_ENV);
  if (exposure) throw new Error(exposure);
  const table = getService(strapi, 'records').table();
  const db = strapi.db.connection;
  await db.raw(`CREATE INDEX IF NOT EXISTS ${table}_creator_created_idx ON ${table} (creator_id, created_at DESC)`);
  await db.raw(`CREATE INDEX IF NOT EXISTS ${table}_kind_state_created_idx ON ${table} (kind, state, created_at DESC)`);
  await db.raw(`CREATE INDEX IF NOT EXISTS ${table}_open_updated_idx ON ${table} (updated_at) WHERE state IN ('queued', 'running')`);
  await db.raw(`CREATE INDEX IF NOT EXISTS ${table}_document_idx ON ${table} (document_id)`);
  getService(strapi, 'alerts').start();
};

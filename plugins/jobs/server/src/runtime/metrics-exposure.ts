import type { JobsConfig } from '../config';

/**
 * Why start-up must stop, or null: in production an open `/metrics` tells anyone who reaches
 * the CMS its queues, routes and traffic, so it needs a token unless opened on purpose.
 */
export function metricsExposureError(config: Pick<JobsConfig, 'metricsToken' | 'metricsPublic'>, nodeEnv: string | undefined): string | null {
  if (nodeEnv !== 'production' || config.metricsToken || config.metricsPublic) return null;
  return (
    'METRICS_TOKEN is not set: with NODE_ENV=production GET /metrics would be open to anyone who reaches the CMS. ' +
    'Set METRICS_TOKEN (the scraper sends Authorization: Bearer <token>), or METRICS_PUBLIC=true to serve it open on purpose.'
  );
}

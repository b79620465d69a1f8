import type { Core } from '@strapi/strapi';
import { queuesService } from './clients/jobs-plugin';
import type { NotificationsConfig } from './config';
import { NOTIFY_QUEUE, WEBHOOK_QUEUE } from './constants';
import type { NotifyJobData } from './services/deliveries';
import type { WebhookJobData } from './services/webhook-deliveries';
import { getService } from './utils/get-service';

/** Registers the `notify` and `webhook` queues with the jobs plugin, in every process (CMS and worker). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::notifications') as NotificationsConfig;
  queuesService(strapi).registerQueue<NotifyJobData, unknown>(NOTIFY_QUEUE, (ctx) => getService(strapi, 'deliveries').process(ctx), {
    attempts: config.notifyAttempts,
    backoffMs: config.notifyBackoffMs,
  });
  queuesService(strapi).registerQueue<WebhookJobData, unknown>(WEBHOOK_QUEUE, (ctx) => getService(strapi, 'webhook-deliveries').process(ctx), {
    attempts: config.webhookAttempts,
    backoffMs: config.webhookBackoffMs,
  });
};

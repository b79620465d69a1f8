import type { Core } from '@strapi/strapi';
import type { ExcelIoConfig } from '../config';
import { exportService } from './export-services';

let timer: NodeJS.Timeout | undefined;

/**
 * Queues a cleanup job every `exportCleanupIntervalMs` (EXPORT_CLEANUP_INTERVAL_MS), and one at
 * start. The jobs plugin has no repeatable jobs, so each process schedules its own: a cleanup
 * is idempotent (it removes what has expired and is not yet marked), so two at once are harmless.
 */
export function scheduleCleanup(strapi: Core.Strapi) {
  const every = (strapi.config.get('plugin::excel-io') as ExcelIoConfig).exportCleanupIntervalMs;
  const queueOne = () =>
    exportService(strapi, 'export-jobs')
      .addCleanup()
      .catch((error: Error) => strapi.log.warn(`excel-io: export cleanup not queued: ${error.message}`));
  stopCleanup();
  timer = setInterval(queueOne, every);
  timer.unref();
  void queueOne();
}

export function stopCleanup() {
  if (timer) clearInterval(timer);
  timer = undefined;
}

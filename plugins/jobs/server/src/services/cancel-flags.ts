import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

// a flag outlives any job's wait in the queue; then it expires on its own
const FLAG_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Cancel flags in Redis, one per job: the API raises one, the processor of a running job
 * reads it at each step boundary, in whichever process it runs.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const queues = () => getService(strapi, 'queues');
  const key = (jobId: string) => queues().key('cancel', jobId);

  return {
    async raise(jobId: string) {
      await queues().client().set(key(jobId), '1', 'EX', FLAG_TTL_SECONDS);
    },

    /** Whether a cancel was asked for. A Redis error reads as "no": cancelling is best effort, the job goes on. */
    async isRaised(jobId: string): Promise<boolean> {
      try {
        return (await queues().client().exists(key(jobId))) === 1;
      } catch (error) {
        strapi.log.warn(`jobs: cancel flag of ${jobId} unreadable: ${(error as Error).message}`);
        return false;
      }
    },

    async clear(jobId: string) {
      await queues().client().del(key(jobId));
    },
  };
};

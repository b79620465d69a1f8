import { JOB_STATES } from '../../constants';

/**
 * One background job as clients see it: kept in step with its BullMQ job by the workers,
 * so a client polls one REST resource. Written only by the plugin, hence hidden from the
 * Content Manager (bull-board is the admin view).
 */
export default {
  kind: 'collectionType',
  collectionName: 'jobs_jobs',
  info: { singularName: 'job', pluralName: 'jobs', displayName: 'Job' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // the queue name: ocr, import, export…
    kind: { type: 'string', required: true },
    // Strapi 5 reserves `status`; the REST API calls this `status`
    state: { type: 'enumeration', enum: [...JOB_STATES], default: 'queued', required: true },
    // { done, total, message }
    progress: { type: 'json' },
    params: { type: 'json' },
    result: { type: 'json' },
    error: { type: 'text' },
    creatorId: { type: 'integer' },
    queueJobId: { type: 'string' },
    // how many times the job has started (a retry, a stalled or interrupted run each count)
    attempts: { type: 'integer', default: 0, required: true },
    maxAttempts: { type: 'integer' },
    cancelRequested: { type: 'boolean', default: false, required: true },
    startedAt: { type: 'datetime' },
    finishedAt: { type: 'datetime' },
  },
};

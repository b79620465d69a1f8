import { data, object, page, paging, ref, str, timestamp, route } from 'strapi-plugin-access';

const job = data(ref('JobRecord'));

/** REST routes under /api/jobs; each declares the right it needs. Jobs are addressed by documentId. */
export default {
  type: 'content-api',
  routes: [
    // before /:id, which would take "board-link" for an id
    route('GET', '/board-link', 'jobs.boardLink', 'jobs.manage', {
      summary: 'A short-lived signed link that opens bull-board (admins)',
      responses: { 200: data(object({ url: str, path: str, expiresAt: timestamp })) },
    }),
    route('GET', '/', 'jobs.find', 'jobs.read', {
      summary: 'Jobs, newest first: the caller\'s own, or every job for holders of jobs.manage',
      query: {
        kind: { ...str, description: 'only jobs of this queue' },
        status: { enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] },
        ...paging,
      },
      responses: { 200: page(ref('JobRecord')) },
    }),
    route('GET', '/:id', 'jobs.findOne', 'jobs.read', { summary: 'A job: status, progress, result or error', responses: { 200: job } }),
    route('POST', '/:id/cancel', 'jobs.cancel', 'jobs.cancel', {
      summary: 'Cancel a job: a waiting one at once (200), a running one when its worker next checks (202); a finished one is a 409',
      responses: { 200: job, 202: job },
    }),
  ],
};

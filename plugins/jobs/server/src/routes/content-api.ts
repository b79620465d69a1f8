import { route } from 'strapi-plugin-access';

/** REST routes under /api/jobs; each declares the right it needs. Jobs are addressed by documentId. */
export default {
  type: 'content-api',
  routes: [
    // before /:id, which would take "board-link" for an id
    route('GET', '/board-link', 'jobs.boardLink', 'jobs.manage'),
    route('GET', '/', 'jobs.find', 'jobs.read'),
    route('GET', '/:id', 'jobs.findOne', 'jobs.read'),
    route('POST', '/:id/cancel', 'jobs.cancel', 'jobs.cancel'),
  ],
};

import type { PhotoView } from 'strapi-plugin-ticketing/api-types';

/** A stored photo with its pre-signed URLs (GET /tickets/:id/images), as the ticketing plugin defines it. */
export type Photo = PhotoView;

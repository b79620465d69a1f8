import { route } from 'strapi-plugin-access';

/** Every route declares its right (config/roles.yaml), checked by the access plugin's has-right policy. */
export default {
  type: 'content-api',
  routes: [
    route('POST', '/jobs', 'ocr.createJob', 'ocr.trigger'),
    route('GET', '/results', 'ocr.results', 'ocr.trigger'),
    route('GET', '/tickets/:id/suggestions', 'ocr.suggestions', 'ocr.trigger'),
    route('POST', '/tickets/:id/apply', 'ocr.apply', 'ocr.trigger'),
  ],
};

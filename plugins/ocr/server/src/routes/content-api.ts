/** Every route declares its right (config/roles.yaml), checked by the ticketing plugin's policy. */
const route = (method: string, path: string, handler: string, right: string) => ({
  method,
  path,
  handler,
  config: { policies: [{ name: 'plugin::ticketing.has-right', config: { right } }] },
});

export default {
  type: 'content-api',
  routes: [
    route('POST', '/jobs', 'ocr.createJob', 'ocr.trigger'),
    route('GET', '/results', 'ocr.results', 'ocr.trigger'),
    route('GET', '/tickets/:id/suggestions', 'ocr.suggestions', 'ocr.trigger'),
    route('POST', '/tickets/:id/apply', 'ocr.apply', 'ocr.trigger'),
  ],
};

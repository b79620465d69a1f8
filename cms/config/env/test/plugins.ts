import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // a second plugin that extends the ticketing field-type registry (tests only)
  'test-geo-point': { enabled: true, resolve: './tests/fixtures/plugin-geo-point' },
  // a `test` queue whose processor does what each job's data says (tests only)
  'test-queue': { enabled: true, resolve: './tests/fixtures/plugin-test-queue' },
  // plugins a test boots the app without, to show the others do not need them (TEST_PLUGINS_OFF=ticketing,ocr)
  ...Object.fromEntries(env.array('TEST_PLUGINS_OFF', []).map((name: string) => [name, { enabled: false }])),
});

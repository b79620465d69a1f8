export default {
  // a second plugin that extends the ticketing field-type registry (tests only)
  'test-geo-point': { enabled: true, resolve: './tests/fixtures/plugin-geo-point' },
  // a `test` queue whose processor does what each job's data says (tests only)
  'test-queue': { enabled: true, resolve: './tests/fixtures/plugin-test-queue' },
};

export default {
  // a second plugin that extends the ticketing field-type registry (tests only)
  'test-geo-point': { enabled: true, resolve: './tests/fixtures/plugin-geo-point' },
};

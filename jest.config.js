/** Every suite of the repo; each workspace keeps its own jest config. */
module.exports = {
  projects: ['<rootDir>/plugins/ticketing', '<rootDir>/cms'],
  // integration files boot Strapi (and later the OCR models) in beforeAll
  testTimeout: 120000,
};

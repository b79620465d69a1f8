/** Every suite of the repo; each workspace keeps its own jest config. */
module.exports = {
  projects: ['<rootDir>/plugins/ticketing', '<rootDir>/cms', '<rootDir>/ocr-service'],
  // integration files boot Strapi or load the OCR models in beforeAll
  testTimeout: 120000,
};

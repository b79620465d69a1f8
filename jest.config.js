/** Every suite of the repo; each workspace keeps its own jest config (and its own timeouts). */
module.exports = {
  projects: ['<rootDir>/plugins/access', '<rootDir>/plugins/ticketing', '<rootDir>/plugins/jobs', '<rootDir>/plugins/ocr', '<rootDir>/plugins/excel-io', '<rootDir>/plugins/notifications', '<rootDir>/cms', '<rootDir>/ocr-service', '<rootDir>/portal/e2e/jest.config.cjs'],
};

/** End-to-end tests: the built portal in headless Chromium against a real platform. */
module.exports = {
  displayName: 'portal-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/*.test.ts'],
  // each file starts PostgreSQL-backed Strapi, s3rver, the portal and Chromium: minutes, not seconds
  setupFilesAfterEnv: ['<rootDir>/helpers/jest-timeout.ts'],
};

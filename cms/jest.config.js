/** Integration tests: each file boots Strapi on a PostgreSQL database of its own. */
module.exports = {
  displayName: 'cms',
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // each file boots Strapi in beforeAll (seconds, more on a busy machine); none reads cms/.env;
  // every answer supertest gets from the in-process CMS is checked against its OpenAPI document
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-timeout.ts', '<rootDir>/tests/helpers/ignore-env-file.ts', '<rootDir>/tests/helpers/openapi-responses.ts'],
};

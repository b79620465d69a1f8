/** Integration tests: each file boots Strapi on a PostgreSQL database of its own. */
module.exports = {
  displayName: 'cms',
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
};
